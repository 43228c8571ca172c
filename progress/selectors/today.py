"""What Today shows, read in four queries whatever the size of the plan or the history.

Today is the page a user opens most, so its reads are folded: the plan row carries the
latest safety screen's outcome, whether the address is confirmed and the last mornings'
check-ins as subqueries, each plan item its ladder's length, and one query brings the last
few days' sessions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypedDict

from allauth.account.models import EmailAddress
from django.db.models import Count, Exists, OuterRef, Subquery

from backcare.accounts.models import User
from exercises.models import Rung
from progress.models import CheckIn, Plan, PlanExercise, RungChange, SessionLog, Suggestion
from progress.rules.mornings import LATE_DAYS, mornings_missing
from progress.selectors.screens import latest_outcome


class _Gate(TypedDict):
    screen_outcome: str | None  # None before any screen
    email_verified: bool
    # Whether there is a check-in today, 1 and 2 days ago: the mornings a late check-in
    # may still be given for (LATE_DAYS).
    checked_in_0: bool
    checked_in_1: bool
    checked_in_2: bool


# How long Today shows a clinician's move of an exercise, with their reason.
CLINICIAN_NOTE_DAYS = 14

# One checked_in_<n> annotation for each morning a late check-in may be given for.
assert LATE_DAYS == 3, "gated_plan annotates three mornings"


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


def gated_plan(user: User, day: date) -> GatedPlan | None:
    """The user's plan, carrying in the same row the latest screen's outcome, whether the
    address is confirmed, and which of the last mornings up to `day` have a check-in."""

    def checked_in(days_ago: int) -> Exists:
        return Exists(
            CheckIn.objects.filter(user=OuterRef("user"), day=day - timedelta(days=days_ago))
        )

    verified = EmailAddress.objects.filter(user=OuterRef("user"), verified=True)
    return (
        Plan.objects.filter(user=user)
        .annotate(
            screen_outcome=latest_outcome(),
            email_verified=Exists(verified),
            checked_in_0=checked_in(0),
            checked_in_1=checked_in(1),
            checked_in_2=checked_in(2),
        )
        .first()
    )


def today_page(plan: GatedPlan, day: date) -> TodayPage:
    rung_count = (
        Rung.objects.filter(exercise=OuterRef("exercise"))
        .order_by()
        .values("exercise")
        .annotate(n=Count("*"))
        .values("n")
    )
    # The exercise's latest move, if a clinician made it lately: Today says who and why.
    latest_move = RungChange.objects.filter(plan_exercise=OuterRef("pk")).order_by(
        "-changed_at", "-id"
    )
    items = list(
        plan.items.select_related("exercise", "rung").annotate(
            rung_count=Subquery(rung_count),
            moved_by_clinician=Subquery(
                latest_move.filter(
                    source=RungChange.Source.CLINICIAN,
                    changed_at__date__gte=day - timedelta(days=CLINICIAN_NOTE_DAYS),
                ).values("pk")[:1]
            ),
            latest_move_id=Subquery(latest_move.values("pk")[:1]),
        )
    )
    # Fetched only when there is one to show: the usual Today reads no more.
    wanted = [i.moved_by_clinician for i in items if i.moved_by_clinician == i.latest_move_id]
    moves = (
        RungChange.objects.select_related("changed_by__user").in_bulk(
            [w for w in wanted if w is not None]
        )
        if any(wanted)
        else {}
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
        item.clinician_move = moves.get(item.moved_by_clinician)  # type: ignore[attr-defined]

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
            [session_day for _, session_day in recent],
            [
                day - timedelta(days=n)
                for n, yes in enumerate((plan.checked_in_0, plan.checked_in_1, plan.checked_in_2))
                if yes
            ],
            day,
        ),
        # Only someone without recent sessions costs the question whether there are any.
        first_steps=not recent and not SessionLog.objects.filter(user_id=plan.user_id).exists(),
    )


def late_mornings(user: User, today: date) -> list[date]:
    """Days of the sessions a check-in may still be given for, most recent first."""
    since = today - timedelta(days=LATE_DAYS)
    days = SessionLog.objects.filter(user=user, day__gte=since, day__lt=today).values_list(
        "day", flat=True
    )
    checked_in = CheckIn.objects.filter(user=user, day__gt=since).values_list("day", flat=True)
    return mornings_missing(days, checked_in, today)
