"""What Today shows, read in five queries whatever the size of the plan or the history.

Today is the page a user opens most, so its reads are folded: the plan row carries the
latest safety screen's outcome as a subquery, each plan item its ladder's length, one query
brings the last few days' sessions and one their check-ins.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, OuterRef, Subquery

from backcare.accounts.models import User
from exercises.models import Rung
from progress.models import CheckIn, Plan, PlanExercise, SessionLog, Suggestion
from progress.rules.mornings import LATE_DAYS, mornings_missing
from progress.selectors.screens import latest_outcome


class _Gate(TypedDict):
    screen_outcome: str | None  # None before any screen


if TYPE_CHECKING:  # WithAnnotations[Model, TypedDict] is for mypy: Python 3.11 refuses it
    from django_stubs_ext import WithAnnotations

    GatedPlan = WithAnnotations[Plan, _Gate]


@dataclass(frozen=True)
class TodayPage:
    plan: Plan
    active: list[PlanExercise]
    paused: list[PlanExercise]
    sessions_today: list[int]  # ids, oldest first
    mornings_missing: list[date]  # days of sessions still waiting for next-morning pain
    first_steps: bool  # nothing logged yet: say what will appear, and when


def gated_plan(user: User) -> GatedPlan | None:
    """The user's plan with `screen_outcome`, the latest screen's."""
    return Plan.objects.filter(user=user).annotate(screen_outcome=latest_outcome()).first()


def today_page(plan: GatedPlan, day: date) -> TodayPage:
    rung_count = (
        Rung.objects.filter(exercise=OuterRef("exercise"))
        .order_by()
        .values("exercise")
        .annotate(n=Count("*"))
        .values("n")
    )
    items = list(
        plan.items.select_related("exercise", "rung").annotate(rung_count=Subquery(rung_count))
    )
    # At most one open suggestion per exercise (a constraint), fetched for the whole plan.
    open_suggestions = defaultdict(list)
    for suggestion in Suggestion.objects.filter(
        plan_exercise__plan=plan, decision=Suggestion.Decision.OPEN
    ).order_by("id"):
        open_suggestions[suggestion.plan_exercise_id].append(suggestion)
    for item in items:
        # A plain attribute for the template, not a query annotation the stubs could type.
        item.open_suggestions = open_suggestions[item.pk]  # type: ignore[attr-defined]

    since = day - timedelta(days=LATE_DAYS)
    recent = list(
        SessionLog.objects.filter(user_id=plan.user_id, day__gte=since, day__lte=day)
        .order_by("created_at")
        .values_list("pk", "day")
    )
    return TodayPage(
        plan=plan,
        active=[i for i in items if not i.is_paused],
        paused=[i for i in items if i.is_paused],
        sessions_today=[pk for pk, session_day in recent if session_day == day],
        mornings_missing=mornings_missing(
            [session_day for _, session_day in recent], checked_in_since(plan.user_id, since), day
        ),
        # Only someone without recent sessions costs the question whether there are any.
        first_steps=not recent and not SessionLog.objects.filter(user_id=plan.user_id).exists(),
    )


def checked_in_since(user_id: int, since: date) -> list[date]:
    return list(
        CheckIn.objects.filter(user_id=user_id, day__gt=since).values_list("day", flat=True)
    )


def late_mornings(user: User, today: date) -> list[date]:
    """Days of the sessions a check-in may still be given for, most recent first."""
    since = today - timedelta(days=LATE_DAYS)
    days = SessionLog.objects.filter(user=user, day__gte=since, day__lt=today).values_list(
        "day", flat=True
    )
    return mornings_missing(days, checked_in_since(user.pk, since), today)
