"""The worker's e-mail jobs (huey, through huey.contrib.djhuey: run_huey autodiscovers this).

A failed delivery is retried with back-off, 30 s, 1, 2, 4 … minutes, for about two hours;
after the last try the e-mail shows as failed in the admin, where an operator can retry it.
"""

from datetime import timedelta

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import HUEY, db_periodic_task, db_task

from backcare.mail.models import Email
from backcare.mail.services import email_deliver

__all__ = ["HUEY", "deliver", "unstick"]
RETRIES = 8


@db_task(retries=RETRIES, retry_delay=30, retry_backoff=2, context=True)
def deliver(email_id: int, task=None) -> bool:
    return email_deliver(email_id, now=timezone.now(), last_try=task is None or task.retries == 0)


@db_periodic_task(crontab(minute="*/15"))
def unstick() -> int:
    """An e-mail left "sending" by a worker that stopped mid-send may or may not have gone
    out: it is marked failed, for an operator to retry, rather than sent again unasked."""
    stuck = Email.objects.filter(
        status=Email.Status.SENDING, claimed_at__lt=timezone.now() - timedelta(hours=1)
    )
    return stuck.update(status=Email.Status.FAILED, last_error="The worker stopped while sending.")
