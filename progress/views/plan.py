import uuid
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from backcare.accounts.http import SignedInRequest
from exercises.models import Exercise, Rung
from progress.forms.plans import AddExerciseForm, PlanStartForm, RungMoveForm
from progress.forms.psfs import FirstActivitiesFormSet
from progress.models import (
    Plan,
    PlanExercise,
    PlanTemplate,
    PlanTemplateItem,
)
from progress.rules.red_flags import Outcome
from progress.selectors.screens import safety_standing
from progress.selectors.today import gated_plan, today_page
from progress.services import plans
from progress.views.access import (
    plan_item_for_user,
    removed_plan_item_for_user,
    safety_gate,
    safety_redirect,
    user_plan,
)


def _plan_items(plan: Plan):
    return plan.items.select_related("exercise__region", "rung").prefetch_related(
        Prefetch("exercise__rungs", queryset=Rung.objects.order_by("position"))
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_start(request: SignedInRequest) -> HttpResponse:
    if gate := safety_gate(request):
        return gate
    if user_plan(request.user):
        messages.info(request, "You already have a plan. Change it here.")
        return redirect("plan")
    templates = list(
        PlanTemplate.objects.prefetch_related(
            Prefetch(
                "items",
                queryset=PlanTemplateItem.objects.select_related(
                    "exercise", "starting_rung"
                ).prefetch_related(
                    Prefetch(
                        "exercise__rungs",
                        queryset=Rung.objects.order_by("position").prefetch_related("equipment"),
                    )
                ),
            )
        )
    )
    form = PlanStartForm(request.POST or None, templates=templates)
    # A form from before the activities were asked carries none: nothing to rate, no error.
    asked = request.method != "POST" or "activity-TOTAL_FORMS" in request.POST
    activities = FirstActivitiesFormSet(
        request.POST if request.method == "POST" and asked else None, prefix="activity"
    )
    if request.method == "POST" and "propose" in request.POST:
        # Nothing is started or stored: the page comes back with everything typed and the
        # starting rungs fitted to the equipment ticked, for the person to check and start.
        # Unbound, so a half-typed activity is not called wrong before "Start this plan".
        typed = FirstActivitiesFormSet(
            initial=[
                {"name": f["name"].value(), "score": f["score"].value()}
                for f in activities.forms[: activities.max_num]
            ],
            prefix="activity",
        )
        return render(
            request,
            "progress/plan_start.html",
            {"form": form.proposed(), "activities": typed, "proposed": True},
        )
    activities_ok = not activities.is_bound or activities.is_valid()
    if request.method == "POST" and form.is_valid() and activities_ok:
        try:
            plans.plan_create_from_template(
                user=request.user,
                template=form.cleaned_data["template"],
                starting_rungs=form.cleaned_data["starting_rungs"],
                activities=activities.ratings() if activities.is_bound else [],
                now=timezone.now(),
            )
        except plans.PlanError as error:
            messages.info(request, str(error))
            return redirect("plan")
        messages.success(request, "Your plan is ready. Here is today's session.")
        return redirect("today")
    return render(request, "progress/plan_start.html", {"form": form, "activities": activities})


@login_required
@require_safe
def plan_detail(request: SignedInRequest) -> HttpResponse:
    plan = user_plan(request.user)
    if plan is None:
        return redirect("plan_start")
    items = list(_plan_items(plan))
    removed = PlanExercise.everything.filter(plan=plan, removed_at__isnull=False).select_related(
        "exercise", "rung"
    )
    planned = {item.exercise_id for item in items}
    addable = [
        e for e in Exercise.objects.published().select_related("region") if e.pk not in planned
    ]
    rows = [
        (
            item,
            RungMoveForm(
                rungs=item.exercise.rungs.all(), initial_rung=item.rung, prefix=f"i{item.pk}"
            ),
        )
        for item in items
    ]
    return render(
        request,
        "progress/plan.html",
        {
            "plan": plan,
            "rows": rows,
            "removed": removed,
            "add_form": AddExerciseForm(exercises=addable),
        },
    )


@login_required
@require_POST
def plan_add(request: SignedInRequest) -> HttpResponse:
    if gate := safety_gate(request):
        return gate
    plan = user_plan(request.user)
    if plan is None:
        return redirect("plan_start")
    form = AddExerciseForm(
        request.POST, exercises=Exercise.objects.published().select_related("region")
    )
    if form.is_valid():
        try:
            now = timezone.now()
            item = plans.plan_add_exercise(
                plan=plan, exercise=form.cleaned_data["exercise"], now=now
            )
        except plans.PlanError as error:
            messages.error(request, str(error))
        else:
            # An exercise added before and removed comes back as it was (the service says how).
            if item.added_at < now:
                messages.success(
                    request,
                    f"{item.exercise.name} is back in your plan, on rung {item.rung.position} "
                    "with the dose you had.",
                )
            else:
                messages.success(
                    request, f"Added {item.exercise.name} on rung {item.rung.position}."
                )
    else:
        messages.error(request, " ".join(map(str, form.errors["exercise"])))
    return redirect("plan")


@login_required
@require_POST
def plan_item_rung(request: SignedInRequest, pk: int) -> HttpResponse:
    item = plan_item_for_user(request, pk)
    if gate := safety_gate(request):
        return gate
    form = RungMoveForm(request.POST, rungs=item.exercise.rungs.all(), prefix=f"i{item.pk}")
    if form.is_valid():
        rung = form.cleaned_data["rung"]
        if plans.plan_exercise_move(item=item, rung=rung, now=timezone.now()):
            messages.success(request, f"{item.exercise.name} is now on rung {rung.position}.")
        else:
            messages.info(request, f"{item.exercise.name} is already on rung {rung.position}.")
    else:
        messages.error(request, f"{item.exercise.name}: " + " ".join(map(str, form.errors["rung"])))
    return redirect("plan")


@login_required
@require_POST
def plan_item_set_paused(request: SignedInRequest, pk: int, paused: bool) -> HttpResponse:
    """Pause an exercise, so sessions leave it out, or bring it back (from Plan or Today)."""
    item = plan_item_for_user(request, pk)
    if gate := safety_gate(request):
        return gate
    plans.plan_exercise_set_paused(item=item, paused=paused, reason="Paused by you.")
    name = item.exercise.name
    messages.success(
        request, f"{name} is paused." if paused else f"{name} is back in your sessions."
    )
    return redirect("today" if request.POST.get("next") == "today" else "plan")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_item_remove(request: SignedInRequest, pk: int) -> HttpResponse:
    """Asks first; once removed, the plan page offers to put it back."""
    item = plan_item_for_user(request, pk)
    if gate := safety_gate(request):
        return gate
    if request.method != "POST":
        return render(request, "progress/plan_item_remove.html", {"item": item})
    plans.plan_exercise_remove(item=item, now=timezone.now())
    messages.success(
        request,
        f"{item.exercise.name} was removed from your plan. Changed your mind? "
        f"Put it back below: it keeps rung {item.rung.position} and your dose.",
    )
    return redirect("plan")


@login_required
@require_POST
def plan_item_restore(request: SignedInRequest, pk: int) -> HttpResponse:
    item = removed_plan_item_for_user(request, pk)
    if gate := safety_gate(request):
        return gate
    item = plans.plan_exercise_restore(item=item)
    messages.success(
        request, f"{item.exercise.name} is back in your plan, on rung {item.rung.position}."
    )
    return redirect("plan")


@login_required
@require_safe
def plan_item_history(request: SignedInRequest, pk: int) -> HttpResponse:
    item = plan_item_for_user(request, pk)
    changes = item.rung_changes.select_related("from_rung", "to_rung", "changed_by__user")
    return render(request, "progress/plan_item_history.html", {"item": item, "changes": changes})


@login_required
@require_safe
def today(request: SignedInRequest) -> HttpResponse:
    local_today = request.user.local_today()
    plan = gated_plan(request.user, local_today)
    if plan is None or plan.screen_outcome != Outcome.CLEAR:
        # Not plainly clear: a clinician's clearance may still let the plan go on.
        standing = safety_standing(request.user, local_today)
        if not standing.may_exercise:
            return safety_redirect(standing)
        if plan is None:
            return redirect("plan_start")
        caution = standing.caution
    else:
        caution = None
    return render(
        request,
        "progress/today.html",
        {
            "page": today_page(plan, local_today),
            "local_today": local_today,
            "yesterday": local_today - timedelta(days=1),
            # The session form's one-time key, in its link: no redirect to fetch one.
            "session_key": uuid.uuid4(),
            "caution": caution,
            "email_verified": plan.email_verified,
        },
    )
