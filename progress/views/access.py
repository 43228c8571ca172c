"""What every page that acts on a person's data checks first, shared by the view modules.

Each URL that carries an id looks the object up through one of these, scoped to the
signed-in user, so anyone else's id answers 404; the safety gate sends a user whose latest
screen is not clear back to the screen.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect

from backcare.accounts.http import SignedInRequest
from backcare.accounts.models import User
from progress.models import Plan, PlanExercise, SessionLog, Suggestion
from progress.selectors.screens import latest_screen


def plan_item_for_user(request: SignedInRequest, pk: int) -> PlanExercise:
    return get_object_or_404(
        PlanExercise.objects.select_related("exercise", "rung"), pk=pk, plan__user=request.user
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


def screen_gate(request: SignedInRequest) -> HttpResponseRedirect | None:
    """Send a user whose latest screen is not clear back to the safety screen."""
    screen = latest_screen(request.user)
    if screen is None or not screen.is_clear:
        return redirect("safety")
    return None
