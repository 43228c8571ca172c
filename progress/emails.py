"""The reminder e-mails: plain text and HTML from templates, a link straight to the page it
is about, and a one-click unsubscribe (RFC 8058) that works without logging in.

Subjects say what the e-mail is, never anything about the person's health: they show on lock
screens and in notifications. The weekly summary's figures are in its body only.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from backcare.accounts.models import User
from progress.rules.dates import long_day
from progress.rules.reminders import Kind, Reminder
from progress.selectors.reminders import week_summary

SUBJECTS = {
    Kind.PRACTICE: "Time for your back-care practice",
    Kind.CHECKIN: "A quick check-in this morning",
    Kind.WELCOME_BACK: "Your plan is here when you are ready",
    Kind.SUMMARY: "Your BackCare week",
}
# What one unsubscribe link stops: the reminders, or the weekly summary.
TOPICS = {
    Kind.PRACTICE: "reminders",
    Kind.CHECKIN: "reminders",
    Kind.WELCOME_BACK: "reminders",
    Kind.SUMMARY: "summary",
}
_SALT = "backcare.unsubscribe"


def unsubscribe_token(user: User, topic: str) -> str:
    # Signed, so a link cannot be made for someone else; no expiry, since a link in an old
    # e-mail must still work.
    return signing.dumps([user.pk, topic], salt=_SALT, compress=True)


def unsubscribe_read(token: str) -> tuple[int, str] | None:
    """The (user id, topic) a link was made for, or None for a forged or altered one."""
    try:
        user_id, topic = signing.loads(token, salt=_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if topic not in set(TOPICS.values()) or not isinstance(user_id, int):
        return None
    return user_id, topic


def site_url(path: str) -> str:
    return settings.BACKCARE_SITE_URL + path


def reminder_message(user: User, reminder: Reminder) -> EmailMultiAlternatives:
    unsubscribe = site_url(
        reverse("unsubscribe", args=[unsubscribe_token(user, TOPICS[reminder.kind])])
    )
    context = {
        "name": user.get_short_name(),
        "kind": reminder.kind.value,
        "day": long_day(reminder.day),
        "link": site_url(_link(reminder)),
        "settings_link": site_url(reverse("reminder_settings")),
        "unsubscribe_link": unsubscribe,
    }
    if reminder.kind == Kind.SUMMARY:
        context["week"] = week_summary(user, reminder.day)
    template = f"progress/email/{reminder.kind.value}"
    message = EmailMultiAlternatives(
        subject=SUBJECTS[reminder.kind],
        body=render_to_string(f"{template}.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


def _link(reminder: Reminder) -> str:
    if reminder.kind == Kind.CHECKIN:  # the morning after that session
        after = (reminder.day - timedelta(days=1)).isoformat()
        return f"{reverse('checkin')}?after={after}"
    if reminder.kind == Kind.SUMMARY:
        return reverse("dashboard")
    return reverse("today")
