"""A clinician's pages: registering as one, and their home with the code patients use to
find them. Every page a clinician reaches goes through `clinician_gate` (views/access.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from backcare.accounts.http import SignedInRequest
from backcare.accounts.services import clinician_register
from progress.forms.clinicians import ClinicianForm
from progress.permissions import clinician_of
from progress.views.access import clinician_gate


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def clinician_join(request: SignedInRequest) -> HttpResponse:
    if clinician_of(request.user) is not None:
        return redirect("clinician_home")
    form = ClinicianForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        clinician_register(user=request.user, now=timezone.now(), **form.cleaned_data)
        messages.success(request, "You are registered as a clinician.")
        return redirect("clinician_home")
    return render(request, "progress/clinician_join.html", {"form": form})


@login_required
@require_safe
def clinician_home(request: SignedInRequest) -> HttpResponse:
    gate = clinician_gate(request)
    if gate is not None:
        return gate
    return render(request, "progress/clinician_home.html", {"clinician": request.user.clinician})
