"""Between the database and the pure engine: gather a plan's recent history, ask the engine,
store what it suggests, and carry out the user's decision."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, TypedDict

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max, OuterRef, Q, Subquery

from backcare.accounts.models import User
from exercises.models import Rung
from progress.models import (
    CheckIn,
    ExerciseEntry,
    Plan,
    PlanExercise,
    RungChange,
    Suggestion,
    is_full_dose,
)
from progress.rules import engine
from progress.rules.dates import local_day
from progress.services.locks import lock_plan
from progress.services.plans import plan_exercise_move, plan_exercise_set_paused

# The rules look at the last two session days at a rung and two weeks of mornings; four
# weeks is plenty and keeps the work per refresh independent of months of history.
LOOKBACK_DAYS = 28

Decision = Suggestion.Decision


class _Evidence(TypedDict):
    last_change: datetime  # never NULL: every plan exercise starts with a START change
    last_basis: str | None  # None before its first suggestion


if TYPE_CHECKING:  # WithAnnotations[Model, TypedDict] is for mypy: Python 3.11 refuses it
    from django_stubs_ext import WithAnnotations

    RefreshItem = WithAnnotations[PlanExercise, _Evidence]


def thresholds() -> engine.Thresholds:
    return engine.Thresholds(**getattr(settings, "BACKCARE_PROGRESSION", {}))


def _entries_by_item(user: User, items: Sequence[PlanExercise], since: date) -> dict[int, list]:
    entries = defaultdict(list)
    rows = (
        # Filtering on the session's user lets the (user, day) index pick a few rows
        # instead of scanning every user's recent sessions.
        ExerciseEntry.objects.filter(
            session__user=user, plan_exercise__in=items, skipped=False, session__day__gte=since
        )
        .order_by("session__day", "session__created_at", "id")
        # Plain rows of the columns read below: building an entry and a session instance
        # per row was most of a refresh's time.
        .annotate(
            day=F("session__day"),
            baseline_pain=F("session__pain_before"),
            logged_at=F("session__created_at"),
        )
        .values_list(
            "id",
            "plan_exercise_id",
            "rung_id",
            "skipped",
            "sets_done",
            "prescribed_sets",
            "amount_done",
            "prescribed_amount",
            "pain_during",
            "ease",
            "day",
            "baseline_pain",
            "logged_at",
            named=True,
        )
    )
    for entry in rows:
        entries[entry.plan_exercise_id].append(entry)
    return entries


def _engine_entries(item: RefreshItem, entries, morning: dict[date, int]) -> list[engine.Entry]:
    """This item's entries at its current rung since it last changed rung."""
    return [
        engine.Entry(
            day=e.day,
            rung_position=item.rung.position,
            baseline_pain=e.baseline_pain,
            pain_during=e.pain_during,
            ease=e.ease,
            # The model's own rule, applied to the plain row.
            full_dose=is_full_dose(e),
            next_morning_pain=morning.get(e.day + timedelta(days=1)),
        )
        for e in entries
        if e.rung_id == item.rung_id and e.logged_at >= item.last_change
    ]


# No savepoint of its own inside the caller's transaction (a round trip each way on every
# save): whatever fails here fails the caller's write with it, as it should.
@transaction.atomic(savepoint=False)
def suggestions_refresh(*, user: User, now: datetime) -> list[Suggestion]:
    """Re-evaluate each plan exercise; store a new suggestion where the evidence changed.

    Called by the writes that change the evidence (a session logged, edited or deleted, a
    check-in), inside their transaction; returns the suggestions it made.
    """
    # Lock the plan: two sessions saved at once must not both replace the open suggestions.
    plan = Plan.objects.select_for_update().filter(user=user).first()
    if plan is None:
        return []
    today = local_day(now, user.zone)
    since = today - timedelta(days=LOOKBACK_DAYS)
    items = list(
        plan.items.select_related("rung")
        # Evidence counts from the last change of rung (by anyone) or a clinician's change of
        # dose: the engine then waits for sessions at what was prescribed.
        .annotate(
            last_change=Max(
                "rung_changes__changed_at",
                filter=Q(rung_changes__change__in=[RungChange.Change.RUNG, RungChange.Change.DOSE]),
            )
        )
        .annotate(
            last_basis=Subquery(
                Suggestion.objects.filter(plan_exercise=OuterRef("pk"))
                .order_by("-created_at", "-id")
                .values("basis")[:1]
            )
        )
    )
    checkins = list(CheckIn.objects.filter(user=user, day__gte=since))
    morning = {c.day: c.morning_pain for c in checkins}
    latest_checkin = max((c.pk for c in checkins), default=0)
    entries = _entries_by_item(user, items, since)
    ladders = _ladders(items)
    fresh = []
    for item in items:
        if item.is_paused:
            continue
        item_entries = _engine_entries(item, entries.get(item.pk, []), morning)
        newest_entry = max((e.id for e in entries.get(item.pk, [])), default=0)
        basis = f"e{newest_entry}.c{latest_checkin}.r{item.rung_id}.d{item.custom_amount}"
        if plan.paused_for_safety_at is not None:  # a red flag is new evidence on its own
            basis += ".red-flag"
        if item.last_basis == basis:
            continue  # Nothing new since the last suggestion, accepted, declined or open.
        result = engine.suggest_next_step(
            entries=item_entries,
            current_position=item.rung.position,
            rung_count=len(ladders[item.exercise_id]),
            dose=item.dose,
            red_flag=plan.paused_for_safety_at is not None,
            morning_pains=sorted(morning.items()),
            today=today,
            thresholds=thresholds(),
        )
        target = result.target_position
        target_rung_id = ladders[item.exercise_id].get(target) if target is not None else None
        fresh.append((item, result, basis, target_rung_id))
    return _store(fresh, now)


def _ladders(items: Sequence[PlanExercise]) -> dict[int, dict[int, int]]:
    """Each exercise's rung ids by position, for the ladder's length and the target rung."""
    # Three numbers a rung: whole Rung rows (instructions and all) cost more than the rest
    # of the refresh's reads.
    ladders: defaultdict[int, dict[int, int]] = defaultdict(dict)
    rungs = Rung.objects.filter(exercise__in={item.exercise_id for item in items})
    for exercise_id, position, rung_id in rungs.values_list("exercise_id", "position", "id"):
        ladders[exercise_id][position] = rung_id
    return ladders


def _store(
    fresh: Sequence[tuple[PlanExercise, engine.Suggestion, str, int | None]], now: datetime
) -> list[Suggestion]:
    """Replace the open suggestions of these exercises in a fixed number of queries."""
    if not fresh:
        return []
    items = [item for item, *_ in fresh]
    Suggestion.objects.filter(plan_exercise__in=items, decision=Decision.OPEN).update(
        decision=Decision.SUPERSEDED
    )
    created = Suggestion.objects.bulk_create(
        Suggestion(
            plan_exercise=item,
            action=result.action,
            rule=result.rule,
            summary=result.summary,
            reasons=list(result.reasons),
            from_rung=item.rung,
            target_rung_id=target_rung_id,
            new_sets=result.dose.sets if result.dose else None,
            new_amount=result.dose.amount if result.dose else None,
            basis=basis,
            created_at=now,
        )
        for item, result, basis, target_rung_id in fresh
    )
    for item, result, *_ in fresh:
        if result.action == engine.Action.SEEK_CARE:
            # Stop at once; the user resumes the exercise when a clinician agrees.
            plan_exercise_set_paused(
                item=item,
                paused=True,
                reason=result.reasons[0],
                paused_by=PlanExercise.PausedBy.SEEK_CARE,
            )
    return created


@transaction.atomic
def suggestion_accept(*, suggestion: Suggestion, now: datetime) -> bool:
    """Carry out the suggestion; False when it was decided or replaced in the meantime."""
    current = _still_actionable(suggestion)
    if current is None:
        return False
    suggestion = current
    item = suggestion.plan_exercise
    if suggestion.target_rung is not None:  # loaded by _still_actionable: no query
        plan_exercise_move(
            item=item,
            rung=suggestion.target_rung,
            source=RungChange.Source.SUGGESTION,
            reason=f"{suggestion.summary}: " + " ".join(suggestion.reasons),
            now=now,
        )
    elif suggestion.new_sets:
        item.custom_sets, item.custom_amount = suggestion.new_sets, suggestion.new_amount
        item.save(update_fields=["custom_sets", "custom_amount"])
    _decide(suggestion, Decision.ACCEPTED, now)
    return True


@transaction.atomic
def suggestion_decline(*, suggestion: Suggestion, now: datetime) -> bool:
    """Keep things as they are; False when it was decided or replaced in the meantime."""
    current = _still_actionable(suggestion)
    if current is None:
        return False
    _decide(current, Decision.DECLINED, now)
    return True


def _still_actionable(suggestion: Suggestion) -> Suggestion | None:
    """The suggestion as it is once the plan's other writes have committed, if still open."""
    # The page's copy may be stale: repeated clicks on Accept, or a refresh that replaced
    # it, must not move the exercise twice. The plan lock is the one refresh takes too.
    lock_plan(suggestion.plan_exercise.plan_id)
    fresh = (
        Suggestion.objects.select_related("plan_exercise", "target_rung")
        .filter(pk=suggestion.pk)
        .first()
    )
    return fresh if fresh is not None and fresh.is_actionable else None


def _decide(suggestion: Suggestion, decision: str, now: datetime) -> None:
    suggestion.decision = decision
    suggestion.decided_at = now
    suggestion.save(update_fields=["decision", "decided_at"])
