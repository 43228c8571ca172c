"""Queue an e-mail and deliver it, each at most once.

`email_queue` stores the message and, once the transaction that queued it commits, hands it
to the worker (backcare.mail.tasks.deliver). `email_deliver` claims the row before it
sends, so a retried task, two workers or a restarted worker never send it twice; a failure
leaves it queued for the next try, or failed after the last.
"""

from datetime import datetime

from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import transaction

from backcare.mail.models import Email

Status = Email.Status


class DeliveryFailed(Exception):
    """The mail server did not take the e-mail; the task tries again later."""


def email_queue(message: EmailMessage, *, kind: str) -> list[Email]:
    """Queue `message`, one row per recipient (so one bad address fails alone)."""
    html = next(
        (body for body, mime in getattr(message, "alternatives", []) if mime == "text/html"), ""
    )
    emails = [
        Email.objects.create(
            to=to,
            kind=kind,
            subject=str(message.subject),
            from_email=message.from_email,
            text=str(message.body),
            html=html,
            headers=message.extra_headers,
        )
        for to in message.to
    ]
    for email in emails:
        _deliver_after_commit(email.pk)
    return emails


def email_deliver(email_id: int, *, now: datetime, last_try: bool) -> bool:
    """Send the e-mail if no one has; True when this call sent it."""
    claimed = Email.objects.filter(pk=email_id, status=Status.QUEUED).update(
        status=Status.SENDING, claimed_at=now
    )
    if not claimed:
        return False  # sent, being sent, failed for good, or gone with its account
    email = Email.objects.get(pk=email_id)
    message = EmailMultiAlternatives(
        email.subject, email.text, email.from_email, [email.to], headers=email.headers
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    try:
        get_connection().send_messages([message])
    except Exception as error:  # SMTP and socket errors alike: record, retry, never lose it
        Email.objects.filter(pk=email_id).update(
            status=Status.FAILED if last_try else Status.QUEUED,
            attempts=email.attempts + 1,
            last_error=f"{type(error).__name__}: {error}".replace(email.to, mask(email.to))[:300],
        )
        # `from None`: the worker logs this traceback, and the server's error text may name
        # the address; the outbox row has it, masked.
        raise DeliveryFailed(f"E-mail #{email_id} was not delivered: see the outbox.") from None
    Email.objects.filter(pk=email_id).update(
        status=Status.SENT, sent_at=now, attempts=email.attempts + 1, text="", html="", headers={}
    )
    return True


def email_retry(emails) -> int:
    """Queue failed e-mails again (the operator's retry); how many were queued."""
    ids = list(emails.filter(status=Status.FAILED).values_list("pk", flat=True))
    Email.objects.filter(pk__in=ids).update(status=Status.QUEUED, last_error="")
    for pk in ids:
        _deliver_after_commit(pk)
    return len(ids)


def _deliver_after_commit(pk: int) -> None:
    """The worker may only look for the row once it is committed. In immediate mode (the
    tests) there is no worker: the task runs here, on this connection, which sees the row."""
    from backcare.mail.tasks import HUEY, deliver

    if HUEY.immediate:
        deliver(pk)
    else:
        transaction.on_commit(lambda: deliver(pk))


def mask(address: str) -> str:
    """j•••@e•••.org: enough for an operator to tell e-mails apart, not to read the address."""
    local, _, domain = address.partition("@")
    name, dot, tld = domain.rpartition(".")
    return f"{local[:1]}•••@{name[:1]}•••{dot}{tld}"
