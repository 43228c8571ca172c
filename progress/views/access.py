"""What every page that acts on a person's data checks first, shared by the view modules.

Each URL that carries an id looks the object up through one of these, scoped to the
signed-in user, so anyone else's id answers 404; `safety_gate` keeps every page
that acts on the plan closed while the latest screen is neither clear nor cleared by a clinician,
and `clinician_gate` every clinician's page until they are registered and have two-factor on.
A clinician reaches a patient only through `patient_grant` (and `adjustable_grant` to write).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlencode

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone

from backcare.accounts.http import SignedInRequest
from backcare.accounts.models import User
from progress.models import CareGrant, Plan, PlanExercise, SessionLog, Suggestion
from progress.permissions import clinician_of, grant_to, may_adjust_plan, may_see_patients
from progress.rules.red_flags import Outcome
from progress.selectors.screens import Standing, safety_standing
from progress.services.grants import GrantEnded, acting_for
from progress.services.sharing import record_look


def plan_item_for_user(request: SignedInRequest, pk: int) -> PlanExercise:
    return get_object_or_404(
        PlanExercise.objects.select_related("exercise", "rung"), pk=pk, plan__user=request.user
    )


def removed_plan_item_for_user(request: SignedInRequest, pk: int) -> PlanExercise:
    return get_object_or_404(
        PlanExercise.everything.select_related("exercise", "rung"),
        pk=pk,
        plan__user=request.user,
        removed_at__isnull=False,
    )


def session_for_user(request: SignedInRequest, pk: int) -> SessionLog:
    return get_object_or_404(SessionLog, pk=pk, user=request.user)


def suggestion_for_user(request: SignedInRequest, pk: int) -> Suggestion:
    return get_object_or_404(
        Suggestion.objects.select_related("plan_exercise__exercise", "target_rung"),
        pk=pk,
        plan_exercise__plan__user=request.user,
    )


def user_plan(user: User) -> Plan | None:
    return Plan.objects.filter(user=user).first()


def safety_redirect(standing: Standing) -> HttpResponseRedirect:
    """Where a person who may not exercise goes: the screen itself before any answers (or
    when nobody has checked their back yet), else what their answers mean and what to do."""
    if standing.screen is None or standing.screen.outcome == Outcome.NOT_CHECKED:
        return redirect("safety")
    return redirect("safety_outcome")


def safety_gate(request: SignedInRequest) -> HttpResponseRedirect | None:
    """A redirect when the plan is on hold, for every view that acts on it (log, accept,
    decline, move, start…); views that take an id call it after the lookup, so another
    person's id still answers 404."""
    standing = safety_standing(request.user, request.user.local_today())
    if standing.may_exercise:
        return None
    if request.method == "POST":
        messages.warning(request, "Your plan is on hold until your safety check allows exercise.")
    return safety_redirect(standing)


def clinician_gate(request: SignedInRequest) -> HttpResponseRedirect | None:
    """None when the signed-in user may use a clinician's pages; else where to go first:
    registering as a clinician, or turning on two-factor authentication."""
    if clinician_of(request.user) is None:
        return redirect("clinician_join")
    if not may_see_patients(request.user):
        messages.info(
            request,
            "Turn on two-factor authentication first: a clinician sees patients' health data.",
        )
        return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.path})}")
    return None


def patient_grant(request: SignedInRequest, patient_id: int) -> CareGrant:
    """The standing grant this patient gave the signed-in clinician; else the patient does
    not exist (404). Read once per request, so a revocation ends access at once."""
    grant = grant_to(request.user, patient_id)
    if grant is None:
        raise Http404("No such patient.")
    return grant


def adjustable_grant(request: SignedInRequest, patient_id: int) -> CareGrant:
    """`patient_grant`, for a change to the plan: refused (403) when it is read-only."""
    grant = patient_grant(request, patient_id)
    if not may_adjust_plan(grant):
        raise PermissionDenied("This patient shares their data read-only.")
    return grant


@contextmanager
def acting_for_patient(grant: CareGrant) -> Iterator[None]:
    """A clinician's change under their grant (`acting_for`); revoked meanwhile: 404."""
    try:
        with acting_for(grant):
            yield
    except GrantEnded:
        raise Http404("No such patient.") from None


def record_patient_look(request: SignedInRequest, grant: CareGrant, page: str) -> None:
    """Write down, for the patient to see, that their clinician opened `page`."""
    clinician = request.user.clinician
    record_look(
        patient=grant.patient,
        who=f"{request.user.get_full_name()}, {clinician.get_profession_display().lower()}",
        what=page,
        now=timezone.now(),
        address=get_adapter().get_client_ip(request),
    )
