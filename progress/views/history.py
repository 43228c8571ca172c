"""The user's own history: sessions newest first, deleting one, exports and the clinician report."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from backcare.accounts.http import SignedInRequest
from exercises.models import unit_in_name
from progress import exports
from progress.models import ExerciseEntry, SessionLog
from progress.report import ReportRangeForm, build_report, pain_figure, report_range
from progress.rules.dates import long_day
from progress.rules.engine import EASE_WORDS
from progress.services import sessions as session_services
from progress.views.access import session_for_user

SESSIONS_PER_PAGE = 20


def _prefetch_entries() -> Prefetch:
    # Into a plain list: a related manager's cache would build a QuerySet per session. The
    # pages show the exercise's name and the rung's position and kind of dose: not the long
    # texts, nor the figure, whose JSON cost more to decode than the rest of the rows.
    entries = (
        ExerciseEntry.objects.select_related("exercise", "rung")
        .defer(*(f"exercise__{name}" for name in ("summary", "why_it_helps", "safety_notes")))
        .defer(*(f"rung__{name}" for name in ("figure", "instructions", "cues")))
        .order_by("id")
    )
    return Prefetch("entries", queryset=entries, to_attr="entry_list")


def _marker_text(entry) -> str:
    """The marker as measured, e.g. "Measured: Reps 12" or "Measured: Front-foot height 4.5 cm",
    named as it was when logged; nothing for a rung that had nothing to measure."""
    if entry.marker_value is None or not entry.marker_name:
        return ""
    # normalize() drops a trailing ".0", as floatformat:"-1" did.
    text = f"Measured: {entry.marker_name} {entry.marker_value.normalize():f}"
    # "Reps 12", not "Reps 12 reps".
    if not unit_in_name(entry.marker_name, entry.marker_unit):
        text += f" {entry.marker_unit}"
    return text


def _for_display(sessions):
    """Add what the templates show but cannot work out, or would work out slowly per row."""
    for session in sessions:
        entries = session.entry_list
        for entry in entries:
            rung = entry.rung
            entry.ease_words = EASE_WORDS.get(entry.ease, "")
            entry.unit = ("reps" if rung.reps else "s") + (" per side" if rung.per_side else "")
            entry.marker_text = _marker_text(entry)
            entry.dose_differs = (entry.sets_done, entry.amount_done) != (
                entry.prescribed_sets,
                entry.prescribed_amount,
            )
        # Worded here rather than by the date filter, whose translation lookups cost a sixth
        # of the page's rendering.
        session.day_text = long_day(session.day)
        session.entry_count = len(entries)
        session.done_count = sum(not entry.skipped for entry in entries)
    return sessions


@login_required
@require_safe
def history(request: SignedInRequest) -> HttpResponse:
    sessions = SessionLog.objects.filter(user=request.user).prefetch_related(_prefetch_entries())
    # get_page turns a page past the end into the last page, and anything else into page 1.
    page = Paginator(sessions, SESSIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "progress/history.html",
        {"page": page, "sessions": _for_display(list(page.object_list))},
    )


@login_required
@require_safe
def history_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    session = session_for_user(request, pk)
    prefetch_related_objects([session], _prefetch_entries())
    _for_display([session])
    return render(request, "progress/history_detail.html", {"session": session})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def session_delete(request: SignedInRequest, pk: int) -> HttpResponse:
    session = session_for_user(request, pk)
    if request.method == "POST":
        day = session.day
        session_services.session_delete(user=request.user, session=session, now=timezone.now())
        messages.success(request, f"The session of {long_day(day)} was deleted.")
        return redirect("history")
    entries = list(session.entries.select_related("exercise"))
    return render(
        request, "progress/session_confirm_delete.html", {"session": session, "entries": entries}
    )


@never_cache
@login_required
@reauthentication_required
@require_safe
def export(request: SignedInRequest, extension: str) -> HttpResponseBase:
    """All the user's data as a file: CSV streamed line by line, JSON in one piece."""
    response: HttpResponseBase
    if extension == "csv":
        lines = exports.export_csv_lines(request.user, now=timezone.now())
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    else:
        body = exports.export_json(request.user, now=timezone.now())
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    today = request.user.local_today().isoformat()
    response["Content-Disposition"] = f'attachment; filename="backcare-export-{today}.{extension}"'
    return response


@login_required
@require_safe
def report(request: SignedInRequest) -> HttpResponse:
    today = request.user.local_today()
    form = ReportRangeForm(request.GET, today=today)
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    else:
        start, end = report_range(None, None, today=today)
    summary = build_report(request.user, start, end)
    return render(
        request,
        "progress/report.html",
        {
            "report": summary,
            "errors": form.error_list(),
            "pain_figure": pain_figure(request.user, summary),
            "today": today,
            "patient": request.user,
        },
    )
