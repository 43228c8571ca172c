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
from progress.permissions import clinician_of, may_adjust_plan
from progress.report import ReportRangeForm, build_report, pain_figure, report_range
from progress.selectors.patients import SORTS, patient_rows
from progress.views.access import clinician_gate, patient_grant, record_patient_look
from progress.views.dashboard import dashboard_context


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
    clinician = request.user.clinician
    invitations = clinician.grants.filter(accepted_at=None, revoked_at=None).select_related(
        "patient"
    )
    sort = request.GET.get("sort", "attention")
    return render(
        request,
        "progress/clinician_home.html",
        {
            "clinician": clinician,
            "invitations": invitations,
            "rows": patient_rows(clinician, request.user.local_today(), sort),
            "sort": sort if sort in SORTS else "attention",
            "sorts": [
                ("attention", "Needs attention"),
                ("name", "Name"),
                ("last_session", "Longest since a session"),
            ],
        },
    )


@login_required
@require_safe
def patient_dashboard(request: SignedInRequest, patient_id: int) -> HttpResponse:
    """A consenting patient's progress page as they see it, without their own buttons."""
    grant = patient_grant(request, patient_id)
    record_patient_look(request, grant, "your progress page")
    context = dashboard_context(grant.patient, request.GET.get("range"))
    context |= {
        "as_clinician": True,
        "patient": grant.patient,
        "may_adjust": may_adjust_plan(grant),
    }
    return render(request, "progress/dashboard.html", context)


@login_required
@require_safe
def patient_report(request: SignedInRequest, patient_id: int) -> HttpResponse:
    """A consenting patient's report as they see it, the look recorded for them to see.
    Without a standing, accepted grant (and two-factor on) the patient does not exist."""
    grant = patient_grant(request, patient_id)
    patient = grant.patient
    today = patient.local_today()
    period = ReportRangeForm(request.GET, today=today)
    asked = period.cleaned_data if period.is_valid() else {}
    start, end = report_range(asked.get("start"), asked.get("end"), today=today)
    record_patient_look(request, grant, f"your report of {start:%-d %b} – {end:%-d %b %Y}")
    summary = build_report(patient, start, end)
    return render(
        request,
        "progress/report.html",
        {
            "report": summary,
            "errors": period.error_list(),
            "pain_figure": pain_figure(patient, summary),
            "today": today,
            "patient": patient,
            "as_clinician": True,
        },
    )
