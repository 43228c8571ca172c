"""Writes for reminders: the person's settings and calendar link, unsubscribing, and the
worker's sending of what is due, each reminder once (its SentReminder row is written in the
same transaction as its queued e-mail, under a unique constraint)."""

from __future__ import annotations

import secrets
from datetime import datetime, time

from django.db import transaction

from backcare.accounts.models import User
from backcare.mail.services import email_queue
from progress.emails import reminder_message
from progress.models import ReminderSettings, SentReminder
from progress.selectors.reminders import reminders_due


@transaction.atomic
def reminder_settings_save(
    *,
    user: User,
    days: list[int],
    at: time,
    practice: bool,
    checkin: bool,
    weekly_summary: bool,
    now: datetime,
) -> ReminderSettings:
    row, _ = ReminderSettings.objects.update_or_create(
        user=user,
        defaults={
            "days": sorted(days),
            "at": at,
            "practice": practice,
            "checkin": checkin,
            "weekly_summary": weekly_summary,
            # A reminder for a moment already past today waits for the next chosen day.
            "saved_at": now,
        },
    )
    return row


@transaction.atomic
def calendar_link_renew(*, settings: ReminderSettings) -> str:
    """A new private calendar link; the old one, if any, stops working at once."""
    settings.calendar_token = secrets.token_urlsafe(32)
    settings.save(update_fields=["calendar_token"])
    return settings.calendar_token


@transaction.atomic
def calendar_link_remove(*, settings: ReminderSettings) -> None:
    settings.calendar_token = None
    settings.save(update_fields=["calendar_token"])


@transaction.atomic
def reminders_unsubscribe(*, user: User, topic: str) -> None:
    """Stop the reminders (practice, check-in, welcome back) or the weekly summary."""
    field = "weekly_summary" if topic == "summary" else "practice"
    ReminderSettings.objects.filter(user=user).update(**{field: False})


def reminders_send(*, now: datetime) -> int:
    """Queue every reminder due at `now`; how many were queued. Safe to run twice at once or
    again after a crash: a reminder already recorded is skipped."""
    count = 0
    for row, reminder in reminders_due(now):
        with transaction.atomic():
            _, first = SentReminder.objects.get_or_create(
                user=row.user, kind=reminder.kind.value, day=reminder.day, defaults={"sent_at": now}
            )
            if first:
                email_queue(reminder_message(row.user, reminder), kind=f"reminder: {reminder.kind}")
                count += 1
    return count
