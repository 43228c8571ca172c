"""Sharing with a clinician: the patient's page to invite, change and revoke, and the
clinician's acceptance. Each grant is looked up scoped to whoever asks: the patient who gave
it or the clinician it was given to; anyone else's id answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from backcare.accounts.http import SignedInRequest
from progress.forms.grants import InviteForm
from progress.models import CareGrant
from progress.services import grants
from progress.views.access import clinician_gate


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def care_team(request: SignedInRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        clinician = form.cleaned_data["clinician"]
        try:
            grants.grant_invite(
                patient=request.user,
                clinician=clinician,
                may_adjust_plan=form.cleaned_data["may_adjust_plan"],
                now=timezone.now(),
            )
        except grants.GrantError as error:
            form.add_error("clinician", str(error))
        else:
            messages.success(
                request,
                f"Invited {clinician.user.get_short_name()}: they see your data once they accept.",
            )
            return redirect("care_team")
    standing = (
        CareGrant.objects.filter(patient=request.user, revoked_at=None)
        .select_related("clinician__user")
        .prefetch_related("events")
    )
    return render(request, "progress/care_team.html", {"form": form, "grants": standing})


def _patients_grant(request: SignedInRequest, pk: int) -> CareGrant:
    return get_object_or_404(CareGrant, pk=pk, patient=request.user, revoked_at=None)


@login_required
@require_POST
def grant_change(request: SignedInRequest, pk: int) -> HttpResponse:
    grant = _patients_grant(request, pk)
    may_adjust = request.POST.get("may_adjust_plan") == "yes"
    grants.grant_change(grant=grant, may_adjust_plan=may_adjust, now=timezone.now())
    messages.success(
        request,
        "They may now adjust your plan." if may_adjust else "They can now only read your data.",
    )
    return redirect("care_team")


@login_required
@require_POST
def grant_revoke(request: SignedInRequest, pk: int) -> HttpResponse:
    grant = _patients_grant(request, pk)
    grants.grant_revoke(grant=grant, now=timezone.now())
    messages.success(request, "Sharing ended: they no longer see any of your data.")
    return redirect("care_team")


@login_required
@require_POST
def grant_accept(request: SignedInRequest, pk: int) -> HttpResponse:
    # Scoped to the clinician asked, before anything else: for anyone else it does not exist.
    grant = get_object_or_404(CareGrant, pk=pk, clinician__user=request.user)
    gate = clinician_gate(request)
    if gate is not None:
        return gate
    if grants.grant_accept(grant=grant, now=timezone.now()):
        messages.success(request, "Accepted: the patient is on your list.")
    else:
        messages.info(request, "That invitation is no longer open.")
    return redirect("clinician_home")
