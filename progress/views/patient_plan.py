"""A clinician's changes to a consenting patient's plan: an exercise's rung, dose or pause,
an exercise added, a clearance after a "see a doctor" answer. Only with "may adjust my
plan" (403 otherwise); each change carries the reason the patient reads on Today, and each
time the page is drawn the patient sees that their clinician opened it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import BaseForm
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from backcare.accounts.http import SignedInRequest
from exercises.models import Exercise
from progress.forms.clinicians import ClinicianAddForm, ClinicianAdjustForm
from progress.forms.screens import ClinicianClearanceForm
from progress.models import CareGrant, PlanExercise
from progress.selectors.screens import safety_standing
from progress.services import plans, screens
from progress.views.access import (
    acting_for_patient,
    adjustable_grant,
    record_patient_look,
    user_plan,
)


def _items(grant: CareGrant):
    return PlanExercise.objects.filter(plan__user=grant.patient).select_related("exercise", "rung")


def _addable(grant: CareGrant):
    planned = PlanExercise.objects.filter(plan__user=grant.patient).values("exercise")
    return Exercise.objects.published().select_related("region").exclude(pk__in=planned)


def _page(
    request: SignedInRequest, grant: CareGrant, *, invalid: BaseForm | None = None
) -> HttpResponse:
    """The plan with a form for each exercise; `invalid` is a refused form, shown again in
    its place with what was typed and why it was refused."""
    patient = grant.patient
    record_patient_look(request, grant, "your plan")
    items = list(_items(grant).prefetch_related("exercise__rungs"))
    rows = [
        (
            item,
            invalid if getattr(invalid, "item", None) == item else ClinicianAdjustForm(item=item),
        )
        for item in items
    ]
    today = patient.local_today()
    standing = safety_standing(patient, today)
    return render(
        request,
        "progress/patient_plan.html",
        {
            "patient": patient,
            "rows": rows,
            "add_form": invalid
            if isinstance(invalid, ClinicianAddForm)
            else ClinicianAddForm(exercises=_addable(grant)),
            "standing": standing,
            "clearance_form": (
                invalid
                if isinstance(invalid, ClinicianClearanceForm)
                else ClinicianClearanceForm(today=today, initial={"assessed_on": today})
            )
            if standing.can_be_cleared and not standing.may_exercise
            else None,
        },
        status=400 if invalid is not None else 200,
    )


@login_required
@require_safe
def patient_plan(request: SignedInRequest, patient_id: int) -> HttpResponse:
    return _page(request, adjustable_grant(request, patient_id))


@login_required
@require_POST
def patient_item_adjust(request: SignedInRequest, patient_id: int, item_id: int) -> HttpResponse:
    """Change one exercise's rung, dose or pause, with the reason the patient reads."""
    grant = adjustable_grant(request, patient_id)
    item = get_object_or_404(_items(grant), pk=item_id)
    form = ClinicianAdjustForm(request.POST, item=item)
    if form.is_valid():
        try:
            with acting_for_patient(grant):
                plans.plan_exercise_adjust(
                    item=item,
                    rung=form.cleaned_data["rung"],
                    dose=form.cleaned_data["dose"],
                    paused=form.cleaned_data["paused"],
                    reason=form.cleaned_data["reason"],
                    changed_by=request.user.clinician,
                    now=timezone.now(),
                )
        except plans.PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, f"Changed {item.exercise.name}: your patient reads why on Today."
            )
            return redirect("clinician_patient_plan", patient_id=patient_id)
    return _page(request, grant, invalid=form)


@login_required
@require_POST
def patient_plan_add(request: SignedInRequest, patient_id: int) -> HttpResponse:
    grant = adjustable_grant(request, patient_id)
    form = ClinicianAddForm(request.POST, exercises=_addable(grant))
    plan = user_plan(grant.patient)
    if form.is_valid():
        try:
            if plan is None:
                raise plans.PlanError("They have not started a plan yet.")
            with acting_for_patient(grant):
                item = plans.plan_add_exercise(
                    plan=plan,
                    exercise=form.cleaned_data["exercise"],
                    reason=form.cleaned_data["reason"],
                    changed_by=request.user.clinician,
                    now=timezone.now(),
                )
        except plans.PlanError as error:
            form.add_error("exercise", str(error))
        else:
            messages.success(request, f"Added {item.exercise.name} on rung {item.rung.position}.")
            return redirect("clinician_patient_plan", patient_id=patient_id)
    return _page(request, grant, invalid=form)


@login_required
@require_POST
def patient_clearance(request: SignedInRequest, patient_id: int) -> HttpResponse:
    """Record the clinician's own clearance of the patient's "see a doctor" answers."""
    grant = adjustable_grant(request, patient_id)
    patient = grant.patient
    standing = safety_standing(patient, patient.local_today())
    if standing.screen is None or standing.may_exercise or not standing.can_be_cleared:
        # Answered again, or cleared, since the page was drawn: the page now says where
        # they stand.
        messages.error(request, "Their safety check has changed: there is nothing to clear.")
        return redirect("clinician_patient_plan", patient_id=patient_id)
    form = ClinicianClearanceForm(request.POST, today=patient.local_today())
    if not form.is_valid():
        return _page(request, grant, invalid=form)
    clinician = request.user.clinician
    try:
        with acting_for_patient(grant):
            screens.clearance_record(
                user=patient,
                screen=standing.screen,
                clinician=clinician.profession,
                assessed_on=form.cleaned_data["assessed_on"],
                note=form.cleaned_data["note"],
                cleared_by=clinician,
                now=timezone.now(),
            )
    except screens.ClearanceError as error:  # the answers changed meanwhile: see them
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"Recorded your clearance: {patient.get_short_name()} may exercise again."
        )
    return redirect("clinician_patient_plan", patient_id=patient_id)
