"""Logging sessions, the next-morning check-in, and deciding on suggestions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from backcare.accounts.http import SignedInRequest
from progress.forms.sessions import CheckInForm, EntryForm, NewSessionForm, SessionForm
from progress.models import ExerciseEntry, PlanExercise, SessionLog
from progress.rules import red_flags
from progress.rules.engine import Dose
from progress.services.sessions import EntryData, checkin_record, session_log, session_update
from progress.services.suggestions import suggestion_accept, suggestion_decline
from progress.views.access import screen_gate, session_for_user, suggestion_for_user, user_plan


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


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def session_new(request: SignedInRequest) -> HttpResponse:
    if gate := screen_gate(request):
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
    data = request.POST or None
    today = request.user.local_today()
    session_form = NewSessionForm(data, today=today)
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


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def checkin(request: SignedInRequest) -> HttpResponse:
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _, screen = checkin_record(
            user=request.user,
            day=request.user.local_today(),
            morning_pain=form.cleaned_data["morning_pain"],
            flags=form.cleaned_data["red_flags"],
            now=timezone.now(),
        )
        if screen is not None:  # a red flag: the plan is paused until a clear screen
            return render(
                request,
                "progress/safety_outcome.html",
                {"screen": screen, "flagged": red_flags.flagged_questions(screen.answers)},
            )
        messages.success(request, "Thanks — your morning check-in is saved.")
        return redirect("today")
    return render(request, "progress/checkin.html", {"form": form})


@login_required
@require_POST
def suggestion_decide(request: SignedInRequest, pk: int, decision: str) -> HttpResponse:
    suggestion = suggestion_for_user(request, pk)
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
