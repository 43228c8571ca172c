"""Reminder settings, the private calendar feed and its download, and unsubscribing.

The feed and the unsubscribe link are opened by calendar apps and mail clients, which have
no session: each carries its own secret (a random token; a signed link) and answers 404
when it is wrong, revoked or for an account that is gone.
"""

from __future__ import annotations

from allauth.account.utils import has_verified_email
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from backcare.accounts.http import SignedInRequest
from backcare.accounts.models import User
from backcare.mail.services import mask
from progress.calendar import practice_calendar
from progress.emails import site_url, unsubscribe_read
from progress.forms.reminders import ReminderSettingsForm
from progress.models import ReminderSettings
from progress.rules.dates import WEEKDAYS
from progress.selectors.reminders import preferences, suggested_schedule
from progress.services import reminders

CALENDAR_TYPE = "text/calendar; charset=utf-8"


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def reminder_settings(request: SignedInRequest) -> HttpResponse:
    user = request.user
    row = ReminderSettings.objects.filter(user=user).first()
    if row is not None:
        initial = {
            "days": row.days,
            "at": row.at,
            "practice": row.practice,
            "checkin": row.checkin,
            "weekly_summary": row.weekly_summary,
        }
    else:
        days, at = suggested_schedule(user, user.local_today())
        initial = {"days": days, "at": at, "checkin": True}
    form = ReminderSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        reminders.reminder_settings_save(user=user, now=timezone.now(), **form.cleaned_data)
        messages.success(request, _saved_message(form.cleaned_data))
        return redirect("reminder_settings")
    context = {
        "form": form,
        "row": row,
        "suggested": row is None,
        "email_verified": has_verified_email(user),
        "feed_url": (
            site_url(reverse("calendar_feed", args=[row.calendar_token]))
            if row and row.calendar_token
            else None
        ),
    }
    return render(request, "progress/reminders.html", context)


def _saved_message(data: dict) -> str:
    if not (data["practice"] or data["weekly_summary"]):
        return "Saved. BackCare will not e-mail you reminders."
    days = ", ".join(WEEKDAYS[d] for d in data["days"])
    parts = []
    if data["practice"]:
        parts.append(f"reminders on {days} at {data['at']:%H:%M}")
    if data["weekly_summary"]:
        parts.append("a summary on Monday mornings")
    return "Saved: " + " and ".join(parts) + ", in your time zone."


@login_required
@require_POST
def calendar_link(request: SignedInRequest) -> HttpResponse:
    row = get_object_or_404(ReminderSettings, user=request.user)
    if request.POST.get("action") == "remove":
        reminders.calendar_link_remove(settings=row)
        messages.success(request, "Your calendar link is turned off: calendars using it stop.")
    else:
        had_one = row.calendar_token is not None
        reminders.calendar_link_renew(settings=row)
        messages.success(
            request,
            "Here is your new calendar link; the old one no longer works."
            if had_one
            else "Here is your private calendar link.",
        )
    return redirect(reverse("reminder_settings") + "#calendar")


@require_safe
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    row = get_object_or_404(
        ReminderSettings.objects.select_related("user"),
        calendar_token=token,
        user__is_active=True,
    )
    return _calendar_response(row)


@login_required
@require_safe
def calendar_download(request: SignedInRequest) -> HttpResponse:
    row = get_object_or_404(ReminderSettings.objects.select_related("user"), user=request.user)
    response = _calendar_response(row)
    response["Content-Disposition"] = 'attachment; filename="backcare-practice.ics"'
    return response


def _calendar_response(row: ReminderSettings) -> HttpResponse:
    user = row.user
    body = practice_calendar(
        preferences(row, user.time_zone),
        start=user.local_today(),
        now=timezone.now(),
        link=site_url(reverse("today")),
        owner=f"{user.pk}",
    )
    response = HttpResponse(body, content_type=CALENDAR_TYPE)
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Robots-Tag"] = "noindex"
    return response


# A mail client's one-click unsubscribe (RFC 8058) posts without a session or CSRF token; the
# signed link is what proves the request. A GET only asks, so a link scanner stops nothing.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    read = unsubscribe_read(token)
    if read is None:
        raise Http404("This unsubscribe link is not valid.")
    user_id, topic = read
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise Http404("This unsubscribe link is not valid.")
    done = request.method == "POST"
    if done:
        reminders.reminders_unsubscribe(user=user, topic=topic)
    context = {"topic": topic, "done": done, "address": mask(user.email)}
    return render(request, "progress/unsubscribe.html", context)
