"""Purge what the retention policy does not keep (README, "Security"): run it daily.

Expired sessions, the record of each signed-in browser (client address, browser name) once
its session is gone or older than a session can live, expired verification e-mails' records,
the outbox's records of e-mails older than KEEP_EMAIL_DAYS and of reminders sent before
KEEP_REMINDER_DAYS. Rate-limit counters live in the cache and expire on their own. The
worker runs this every night (backcare/accounts/tasks.py).
"""

from datetime import timedelta

from allauth.account.models import EmailConfirmation
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from backcare.mail.models import Email
from progress.models import SentReminder

KEEP_EMAIL_DAYS = 30
# Longer than a week away, so a welcome back is remembered while it matters.
KEEP_REMINDER_DAYS = 60


class Command(BaseCommand):
    help = "Delete expired sessions, old signed-in browser records and expired verifications."

    def handle(self, *args, **options):
        call_command("clearsessions")
        now = timezone.now()
        oldest = now - timedelta(seconds=settings.SESSION_COOKIE_AGE)
        live = Session.objects.filter(expire_date__gt=now).values("session_key")
        browsers, _ = (
            UserSession.objects.exclude(session_key__in=live).delete()
            if settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
            else (0, None)
        )
        old, _ = UserSession.objects.filter(last_seen_at__lt=oldest).delete()
        EmailConfirmation.objects.delete_expired_confirmations()
        Email.objects.filter(created_at__lt=now - timedelta(days=KEEP_EMAIL_DAYS)).delete()
        SentReminder.objects.filter(sent_at__lt=now - timedelta(days=KEEP_REMINDER_DAYS)).delete()
        self.stdout.write(f"Purged {browsers + old} signed-in browser records.")
