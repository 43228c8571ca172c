"""The worker's periodic jobs for progress (run_huey autodiscovers this module).

The consumer started without --no-periodic enqueues them; whichever worker runs one, sending
is recorded per reminder, so a second scheduler would only find nothing left to send.
"""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from progress.services.reminders import reminders_send


@db_periodic_task(crontab(minute="*"))
def send_reminders() -> int:
    return reminders_send(now=timezone.now())
