"""The safety screen and what follows it: the answers, what they mean, symptoms that
changed, and a clinician's clearance of a "see a doctor" answer."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from backcare.accounts.http import SignedInRequest
from progress.forms.screens import ClearanceForm, SafetyScreenForm, SymptomsChangedForm
from progress.models import SafetyScreen
from progress.rules import red_flags
from progress.selectors.screens import latest_screen, safety_standing
from progress.services import screens
from progress.views.access import safety_redirect, user_plan


def _after(request: SignedInRequest, screen: SafetyScreen) -> HttpResponse:
    if screen.is_clear:
        messages.success(request, "Thank you. No warning signs: you can start exercising.")
        return redirect("today" if user_plan(request.user) else "plan_start")
    return redirect("safety_outcome")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def safety(request: SignedInRequest) -> HttpResponse:
    form = SafetyScreenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        screen = screens.screen_record(
            user=request.user,
            answers=form.red_flag_answers(),
            clinician_checked=form.cleaned_data["clinician_checked"],
            now=timezone.now(),
        )
        return _after(request, screen)
    return render(
        request, "progress/safety.html", {"form": form, "latest": latest_screen(request.user)}
    )


@login_required
@require_safe
def safety_outcome(request: SignedInRequest) -> HttpResponse:
    """What the latest answers mean, and the way on from there."""
    standing = safety_standing(request.user, request.user.local_today())
    if standing.screen is None:
        return redirect("safety")
    return render(
        request,
        "progress/safety_outcome.html",
        {
            "standing": standing,
            "screen": standing.screen,
            "flagged": red_flags.flagged_questions(standing.screen.answers),
            "valid_months": settings.BACKCARE_CLEARANCE_MONTHS,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def safety_clearance(request: SignedInRequest) -> HttpResponse:
    today = request.user.local_today()
    standing = safety_standing(request.user, today)
    if not standing.can_be_cleared:
        return safety_redirect(standing) if not standing.may_exercise else redirect("today")
    assert standing.screen is not None  # can_be_cleared says so; for mypy
    # A clearance asked again starts from the last one: the same clinician, most likely.
    last = standing.clearance
    initial = {"clinician": last.clinician, "note": last.note} if last else {}
    form = ClearanceForm(request.POST or None, initial=initial, today=today)
    if request.method == "POST" and form.is_valid():
        try:
            screens.clearance_record(
                user=request.user,
                screen=standing.screen,
                clinician=form.cleaned_data["clinician"],
                assessed_on=form.cleaned_data["assessed_on"],
                note=form.cleaned_data["note"],
                now=timezone.now(),
            )
        except screens.ClearanceError as error:
            messages.warning(request, str(error))
            return redirect("safety_outcome")
        messages.success(request, "Your clearance is recorded. Go gently, and stop if it hurts.")
        return redirect("today" if user_plan(request.user) else "plan_start")
    return render(
        request,
        "progress/safety_clearance.html",
        {
            "form": form,
            "standing": standing,
            "flagged": red_flags.flagged_questions(standing.screen.answers),
            "valid_months": settings.BACKCARE_CLEARANCE_MONTHS,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def symptoms_changed(request: SignedInRequest) -> HttpResponse:
    """The part of the screen that can change between sessions; the whole screen is a link."""
    form = SymptomsChangedForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        appeared = form.cleaned_data["appeared"]
        if not appeared:
            messages.info(request, "Nothing new: carry on as planned, and stop if it hurts.")
            return redirect("today")
        screen = screens.symptoms_report(user=request.user, appeared=appeared, now=timezone.now())
        return _after(request, screen)
    return render(request, "progress/symptoms_changed.html", {"form": form})


@login_required
@require_POST
def caution_dismiss(request: SignedInRequest) -> HttpResponse:
    standing = safety_standing(request.user, request.user.local_today())
    if standing.caution is not None:
        screens.caution_dismiss(clearance=standing.caution, now=timezone.now())
    return redirect("today")
