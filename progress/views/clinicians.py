"""A clinician's pages: registering as one, and their home with the code patients use to
find them. Every page a clinician reaches goes through `clinician_gate` (views/access.py)."""

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from backcare.accounts.http import SignedInRequest
from backcare.accounts.services import clinician_register
from progress.forms.clinicians import ClinicianForm, ClinicianMoveForm
from progress.models import CareGrant, PlanExercise, RungChange
from progress.permissions import clinician_of, grant_to, may_adjust_plan
from progress.report import ReportRangeForm, build_report, pain_figure, report_range
from progress.selectors.patients import SORTS, patient_rows
from progress.services.plans import plan_exercise_move
from progress.services.sharing import record_look
from progress.views.access import clinician_gate
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


def _grant(request: SignedInRequest, patient_id: int) -> CareGrant:
    """The standing grant this patient gave the signed-in clinician; else the patient does
    not exist (404). Read once per request, so a revocation ends access at once."""
    grant = grant_to(request.user, patient_id)
    if grant is None:
        raise Http404("No such patient.")
    return grant


def _record_look(request: SignedInRequest, grant: CareGrant, page: str) -> None:
    clinician = request.user.clinician
    record_look(
        patient=grant.patient,
        who=f"{request.user.get_full_name()}, {clinician.get_profession_display().lower()}",
        what=page,
        now=timezone.now(),
        address=get_adapter().get_client_ip(request),
    )


@login_required
@require_safe
def patient_dashboard(request: SignedInRequest, patient_id: int) -> HttpResponse:
    """A consenting patient's progress page as they see it, without their own buttons."""
    grant = _grant(request, patient_id)
    _record_look(request, grant, "your progress page")
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
    grant = _grant(request, patient_id)
    patient = grant.patient
    today = patient.local_today()
    period = ReportRangeForm(request.GET, today=today)
    asked = period.cleaned_data if period.is_valid() else {}
    start, end = report_range(asked.get("start"), asked.get("end"), today=today)
    _record_look(request, grant, f"your report of {start:%-d %b} – {end:%-d %b %Y}")
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


@login_required
@require_POST
def patient_move_rung(request: SignedInRequest, patient_id: int, item_id: int) -> HttpResponse:
    """Move a consenting patient's exercise to another rung, with a reason they read on
    Today. Only with "may adjust my plan": a read-only grant is refused (403)."""
    grant = _grant(request, patient_id)
    item = get_object_or_404(
        PlanExercise.objects.select_related("exercise", "rung"),
        pk=item_id,
        plan__user_id=patient_id,
    )
    if not may_adjust_plan(grant):
        raise PermissionDenied("This patient shares their data read-only.")
    form = ClinicianMoveForm(request.POST, rungs=list(item.exercise.rungs.all()))
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect("clinician_patient_dashboard", patient_id=patient_id)
    rung = form.cleaned_data["rung"]
    plan_exercise_move(
        item=item,
        rung=rung,
        source=RungChange.Source.CLINICIAN,
        reason=form.cleaned_data["reason"],
        changed_by=request.user.clinician,
        now=timezone.now(),
    )
    messages.success(
        request, f"Moved {item.exercise.name} to rung {form.cleaned_data['rung'].position}."
    )
    return redirect("clinician_patient_dashboard", patient_id=patient_id)
