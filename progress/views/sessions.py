"""Logging sessions, the next-morning check-in, and deciding on suggestions."""

import uuid
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from backcare.accounts.http import SignedInRequest
from progress.forms.sessions import CheckInForm, EntryForm, NewSessionForm, SessionForm
from progress.models import ExerciseEntry, PlanExercise, SessionLog
from progress.rules.dates import long_day, time_of_day
from progress.rules.engine import Dose
from progress.selectors.today import late_mornings
from progress.services.sessions import EntryData, checkin_record, session_log, session_update
from progress.services.suggestions import suggestion_accept, suggestion_decline
from progress.views.access import (
    safety_gate,
    session_for_user,
    suggestion_for_user,
    user_plan,
)


def _entry_data(form: EntryForm) -> EntryData:
    c = form.cleaned_data
    return EntryData(
        skipped=form.skipped,
        sets_done=c.get("sets_done"),
        amount_done=c.get("amount_done"),
        pain_during=c.get("pain_during"),
        ease=c.get("ease"),
        marker_value=c.get("marker_value"),
        note=c.get("note", ""),
    )


def _all_valid(session_form, entry_forms) -> bool:
    valid = session_form.is_valid() & all([f.is_valid() for f in entry_forms])
    if valid and all(f.skipped for f in entry_forms):
        session_form.add_error(None, "Mark at least one exercise as done, or skip logging today.")
        return False
    return valid


def _session_form_page(
    request: SignedInRequest, session_form, entry_forms, *, editing: SessionLog | None
) -> HttpResponse:
    """The session form, for a new session or one being edited, as first drawn or as posted."""
    return render(
        request,
        "progress/session_form.html",
        {"form": session_form, "entry_forms": entry_forms, "editing": editing},
    )


def _page_key(request: SignedInRequest) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.GET.get("key", ""))
    except ValueError:
        return None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def session_new(request: SignedInRequest) -> HttpResponse:
    if gate := safety_gate(request):
        return gate
    # Straight to the plan's exercises, one query: the plan itself is read only when there
    # are none, to tell a missing plan from an all-paused one.
    items = list(
        PlanExercise.objects.filter(plan__user=request.user, is_paused=False).select_related(
            "exercise", "rung"
        )
    )
    if not items:
        if user_plan(request.user) is None:
            return redirect("plan_start")
        messages.info(request, "Your plan has no active exercises to log.")
        return redirect("plan")
    # The page's one-time key lives in its address, so Back after a save returns to the same
    # key however the browser restores the form: that session is found, not stored twice.
    key = _page_key(request)
    if request.method != "POST":
        if key is None:
            return redirect(f"{reverse('session_new')}?key={uuid.uuid4()}")
        saved = SessionLog.objects.filter(user=request.user, submission_key=key).first()
        if saved is not None:
            messages.info(request, "This session is saved already. Change it here if you need to.")
            return redirect("session_edit", saved.pk)
    data = request.POST or None
    today = request.user.local_today()
    session_form = NewSessionForm(data, today=today, initial={"submission_key": key})
    entry_forms = [
        EntryForm(data, prefix=f"e{item.pk}", item=item, rung=item.rung, dose=item.dose)
        for item in items
    ]
    if request.method == "POST" and _all_valid(session_form, entry_forms):
        c = session_form.cleaned_data
        session, created = session_log(
            user=request.user,
            day=c["day"],
            pain_before=c["pain_before"],
            note=c["note"],
            submission_key=c["submission_key"],
            entries=[(f.item, _entry_data(f)) for f in entry_forms],
            now=timezone.now(),
        )
        if created:
            messages.success(request, "Session saved. Here is what to do next.")
        else:
            messages.info(request, "That session was already saved.")
        return redirect("today")
    return _session_form_page(request, session_form, entry_forms, editing=None)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def session_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    session = session_for_user(request, pk)
    if gate := safety_gate(request):
        return gate
    entries = list(ExerciseEntry.objects.filter(session=session).select_related("exercise", "rung"))
    data = request.POST or None
    today = request.user.local_today()
    session_form = SessionForm(
        data,
        today=today,
        initial={"day": session.day, "pain_before": session.pain_before, "note": session.note},
    )
    entry_forms = [
        EntryForm(
            data,
            prefix=f"e{entry.pk}",
            item=entry,
            rung=entry.rung,
            dose=_prescribed(entry),
            initial=_entry_initial(entry),
        )
        for entry in entries
    ]
    if request.method == "POST" and _all_valid(session_form, entry_forms):
        c = session_form.cleaned_data
        session_update(
            user=request.user,
            session=session,
            day=c["day"],
            pain_before=c["pain_before"],
            note=c["note"],
            entries=[(f.item, _entry_data(f)) for f in entry_forms],
            now=timezone.now(),
        )
        messages.success(request, "Session updated.")
        return redirect("today")
    return _session_form_page(request, session_form, entry_forms, editing=session)


def _prescribed(entry: ExerciseEntry) -> Dose:
    amount = entry.prescribed_amount
    reps, hold = (amount, None) if entry.rung.reps else (None, amount)
    return Dose(
        sets=entry.prescribed_sets, reps=reps, hold_seconds=hold, per_side=entry.rung.per_side
    )


def _entry_initial(entry: ExerciseEntry) -> dict:
    return {
        "status": "skipped" if entry.skipped else "done",
        "sets_done": entry.sets_done or entry.prescribed_sets,
        "amount_done": entry.amount_done or entry.prescribed_amount,
        "pain_during": entry.pain_during,
        "ease": entry.ease,
        "marker_value": entry.marker_value,
        "note": entry.note,
    }


def _morning_asked(request: SignedInRequest, today: date) -> date | None:
    """The session day whose next morning is asked (`?after=`), else None for this morning;
    a day that cannot be answered any more raises ValueError."""
    raw = request.POST.get("after") or request.GET.get("after")
    if not raw:
        return None
    after = date.fromisoformat(raw)
    if after not in late_mornings(request.user, today):
        raise ValueError(raw)
    return after


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def checkin(request: SignedInRequest) -> HttpResponse:
    now = timezone.now()
    today = request.user.local_today()
    try:
        after = _morning_asked(request, today)
    except ValueError:
        messages.info(request, "That morning can no longer be recorded: only the last 3 days can.")
        return redirect("today")
    morning = after + timedelta(days=1) if after else today
    form = CheckInForm(request.POST or None, this_morning=morning == today)
    if request.method == "POST" and form.is_valid():
        _, screen = checkin_record(
            user=request.user,
            day=morning,
            morning_pain=form.cleaned_data["morning_pain"],
            flags=form.cleaned_data["red_flags"],
            now=now,
        )
        if screen is not None:  # a red flag: the plan is paused until a clear screen
            return redirect("safety_outcome")
        messages.success(request, f"Thanks — your check-in for {long_day(morning)} is saved.")
        return redirect("today")
    return render(
        request,
        "progress/checkin.html",
        {
            "form": form,
            "after": after,
            "morning": morning,
            "greeting": f"Good {time_of_day(now, request.user.zone)}",
        },
    )


@login_required
@require_POST
def suggestion_decide(request: SignedInRequest, pk: int, decision: str) -> HttpResponse:
    suggestion = suggestion_for_user(request, pk)
    if gate := safety_gate(request):
        return gate
    decide = suggestion_accept if decision == "accept" else suggestion_decline
    # Decided under the plan's lock: a second click finds it already decided.
    if not decide(suggestion=suggestion, now=timezone.now()):
        messages.info(request, "That suggestion was already decided or replaced.")
        return redirect("today")
    name = suggestion.plan_exercise.exercise.name
    if decision == "accept":
        messages.success(request, f"{name}: {suggestion.summary.lower()} — done.")
    else:
        messages.info(request, f"{name}: suggestion declined. You stay where you are.")
    return redirect("today")
