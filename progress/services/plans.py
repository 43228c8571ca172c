"""Writes to a user's plan, each one transaction: callable from views,
commands or tests alike, at the moment (`now`) their caller gives."""

from collections.abc import Sequence
from datetime import datetime

from django.db import transaction
from django.db.models import Max

from backcare.accounts.models import ClinicianProfile, User
from exercises.models import Exercise, Rung
from progress.models import Plan, PlanExercise, PlanTemplate, RungChange, Suggestion
from progress.rules.dates import local_day
from progress.services.locks import lock_plan, lock_user
from progress.services.psfs import ActivityRating, psfs_rate


class PlanError(Exception):
    """A plan change that cannot be made; the message is shown to the user."""


def _supersede_open_suggestions(item: PlanExercise) -> None:
    """The exercise changed: its open suggestion no longer applies."""
    Suggestion.objects.filter(plan_exercise=item, decision=Suggestion.Decision.OPEN).update(
        decision=Suggestion.Decision.SUPERSEDED
    )


def _check_rung(exercise: Exercise, rung: Rung) -> None:
    if rung.exercise_id != exercise.pk:
        raise PlanError(f"That rung does not belong to {exercise.name}.")


def _plan_exercise_start(
    *,
    plan: Plan,
    exercise: Exercise,
    rung: Rung,
    order: int,
    reason: str,
    now: datetime,
    changed_by: ClinicianProfile | None = None,
) -> PlanExercise:
    """Put an exercise in the plan on its first rung, recording the start as its first move."""
    _check_rung(exercise, rung)
    item = PlanExercise.objects.create(
        plan=plan, exercise=exercise, rung=rung, order=order, added_at=now
    )
    RungChange.objects.create(
        plan_exercise=item,
        to_rung=rung,
        source=RungChange.Source.CLINICIAN if changed_by else RungChange.Source.START,
        reason=reason,
        changed_at=now,
        changed_by=changed_by,
    )
    return item


@transaction.atomic
def plan_create_from_template(
    *,
    user: User,
    template: PlanTemplate,
    starting_rungs: dict[int, Rung] | None = None,
    activities: Sequence[ActivityRating] = (),
    now: datetime,
) -> Plan:
    """Start the user's plan, with the activities' first ratings when given (the outcome's
    baseline); a second start (double click, back button) is refused."""
    lock_user(user)
    if Plan.objects.filter(user=user).exists():
        raise PlanError("You already have a plan.")
    starting_rungs = starting_rungs or {}
    items = list(template.items.select_related("exercise", "starting_rung"))
    plan = Plan.objects.create(user=user, template=template, started_at=now)
    for order, item in enumerate(items, start=1):
        rung = starting_rungs.get(item.exercise_id) or item.starting_rung
        _plan_exercise_start(
            plan=plan,
            exercise=item.exercise,
            rung=rung,
            order=order,
            reason=f"Started the “{template.name}” plan on rung {rung.position}.",
            now=now,
        )
    if activities:
        psfs_rate(user=user, day=local_day(now, user.zone), ratings=list(activities), now=now)
    return plan


@transaction.atomic
def plan_add_exercise(
    *,
    plan: Plan,
    exercise: Exercise,
    rung: Rung | None = None,
    now: datetime,
    changed_by: ClinicianProfile | None = None,
    reason: str = "",
) -> PlanExercise:
    """Add an exercise to the plan, by the person or, with the reason they read, by their
    clinician."""
    if not exercise.is_published:
        raise PlanError(f"{exercise.name} is not available.")
    # Under the lock, a second add of the same exercise sees the first and is refused.
    plan = lock_plan(plan.pk)
    earlier = PlanExercise.everything.filter(plan=plan, exercise=exercise).select_related("rung")
    if (item := earlier.first()) is not None:
        if item.removed_at is None:
            raise PlanError(f"{exercise.name} is already in the plan.")
        # Added again: it picks up on the rung and dose it had, not back on rung 1.
        item = _restore(plan, item)
        if changed_by is not None:
            RungChange.objects.create(
                plan_exercise=item,
                to_rung=item.rung,
                source=RungChange.Source.CLINICIAN,
                reason=reason,
                changed_at=now,
                changed_by=changed_by,
            )
        return item
    rung = rung or exercise.rungs.order_by("position").first()
    if rung is None:
        raise PlanError(f"{exercise.name} has no rungs yet.")
    order = (plan.items.aggregate(m=Max("order"))["m"] or 0) + 1
    return _plan_exercise_start(
        plan=plan,
        exercise=exercise,
        rung=rung,
        order=order,
        reason=reason or f"Added to your plan on rung {rung.position}.",
        now=now,
        changed_by=changed_by,
    )


@transaction.atomic
def plan_exercise_move(
    *,
    item: PlanExercise,
    rung: Rung,
    now: datetime,
    source: str = RungChange.Source.MANUAL,
    reason: str = "",
    changed_by: ClinicianProfile | None = None,
) -> RungChange | None:
    """Move a plan exercise to another rung of its ladder, recording from, to and why."""
    _check_rung(item.exercise, rung)
    # Two moves sent at once would each record a change from the rung read before either
    # saved: the second must see where the first left the exercise.
    lock_plan(item.plan_id)
    item.refresh_from_db(fields=["rung", "custom_sets", "custom_amount"])
    if rung.pk == item.rung_id:
        return None
    change = RungChange.objects.create(
        plan_exercise=item,
        from_rung_id=item.rung_id,
        to_rung=rung,
        source=source,
        reason=reason or f"You moved to rung {rung.position} by hand.",
        changed_at=now,
        changed_by=changed_by,
    )
    _supersede_open_suggestions(item)  # made for the old rung
    item.rung = rung
    # A dose changed at a ladder end belonged to the old rung.
    item.custom_sets = item.custom_amount = None
    item.save(update_fields=["rung", "custom_sets", "custom_amount"])
    return change


@transaction.atomic
def plan_exercise_set_paused(
    *,
    item: PlanExercise,
    paused: bool,
    reason: str = "",
    paused_by: str = PlanExercise.PausedBy.PERSON,
) -> None:
    item.is_paused = paused
    item.paused_by = paused_by if paused else ""
    item.pause_reason = reason if paused else ""
    item.save(update_fields=["is_paused", "paused_by", "pause_reason"])


@transaction.atomic
def plan_exercise_adjust(
    *,
    item: PlanExercise,
    rung: Rung,
    dose: tuple[int, int] | None,
    paused: bool,
    reason: str,
    changed_by: ClinicianProfile,
    now: datetime,
) -> list[RungChange]:
    """A clinician's change to one exercise of their patient's plan: its rung, its dose at
    that rung (sets and reps or seconds; None for the rung's own), whether it is paused.
    Each difference is recorded with the one reason the patient reads on Today."""
    lock_plan(item.plan_id)
    item.refresh_from_db(fields=["rung", "custom_sets", "custom_amount", "is_paused", "removed_at"])
    if item.removed_at is not None:
        raise PlanError(f"{item.exercise.name} was taken out of the plan meanwhile.")
    before = (item.custom_sets, item.custom_amount) if item.custom_sets else None
    changes = []
    moved = plan_exercise_move(
        item=item,
        rung=rung,
        source=RungChange.Source.CLINICIAN,
        reason=reason,
        changed_by=changed_by,
        now=now,
    )
    if moved is not None:
        changes.append(moved)
        if dose == before:
            # The form showed the old rung's changed dose and it was left as it was: a move
            # clears it, as any move does, rather than carry it to a rung it was not set for.
            dose = None

    def record(change: str, sets: int | None = None, amount: int | None = None) -> None:
        changes.append(
            RungChange.objects.create(
                plan_exercise=item,
                from_rung=rung,
                to_rung=rung,
                change=change,
                sets=sets,
                amount=amount,
                source=RungChange.Source.CLINICIAN,
                reason=reason,
                changed_at=now,
                changed_by=changed_by,
            )
        )

    own = (rung.sets, rung.reps or rung.hold_seconds)
    custom = None if dose is None or dose == own else dose
    current = (item.custom_sets, item.custom_amount) if item.custom_sets else None
    if custom != current:
        item.custom_sets, item.custom_amount = custom or (None, None)
        item.save(update_fields=["custom_sets", "custom_amount"])
        _supersede_open_suggestions(item)  # worked out for the old dose
        record(RungChange.Change.DOSE, *(custom or own))
    if paused != item.is_paused:
        plan_exercise_set_paused(
            item=item, paused=paused, reason=reason, paused_by=PlanExercise.PausedBy.CLINICIAN
        )
        record(RungChange.Change.PAUSE if paused else RungChange.Change.RESUME)
    if not changes:
        raise PlanError("That is how the exercise is already: change something, or go back.")
    return changes


@transaction.atomic
def plan_exercise_remove(*, item: PlanExercise, now: datetime) -> None:
    """Set the exercise aside: it leaves the plan and its open suggestion goes, but its rung,
    dose and rung history stay, for undo and for adding it again later."""
    lock_plan(item.plan_id)
    PlanExercise.everything.filter(pk=item.pk, removed_at__isnull=True).update(removed_at=now)
    _supersede_open_suggestions(item)


def _restore(plan: Plan, item: PlanExercise) -> PlanExercise:
    """Back in the plan, at the end, on the rung and dose it had."""
    item.removed_at = None
    item.order = (plan.items.aggregate(m=Max("order"))["m"] or 0) + 1
    item.save(update_fields=["removed_at", "order"])
    return item


@transaction.atomic
def plan_exercise_restore(*, item: PlanExercise) -> PlanExercise:
    """Undo a removal; an exercise already back in the plan is left as it is."""
    plan = lock_plan(item.plan_id)
    item = PlanExercise.everything.select_related("exercise", "rung").get(pk=item.pk)
    return _restore(plan, item) if item.removed_at is not None else item
