"""Logging, editing and deleting sessions, and the morning check-in: each one transaction
with the suggestions refresh inside, so a failure anywhere leaves nothing half-written."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from django.db import transaction

from backcare.accounts.models import User
from progress.models import (
    CheckIn,
    ExerciseEntry,
    PlanExercise,
    SafetyScreen,
    SessionLog,
    as_logged,
)
from progress.rules.engine import Dose
from progress.services.locks import lock_user
from progress.services.screens import symptoms_report
from progress.services.suggestions import suggestions_refresh


@dataclass(frozen=True)
class EntryData:
    skipped: bool
    sets_done: int | None = None
    amount_done: int | None = None
    pain_during: int | None = None
    ease: int | None = None
    marker_value: Decimal | None = None
    note: str = ""

    @classmethod
    def full_dose(
        cls, dose: Dose, *, pain_during: int, ease: int, marker_value: Decimal | None = None
    ) -> "EntryData":
        """Every prescribed set done in full, rated: what the demo and test builders log."""
        return cls(
            skipped=False,
            sets_done=dose.sets,
            amount_done=dose.amount,
            pain_during=pain_during,
            ease=ease,
            marker_value=marker_value,
        )

    def as_fields(self) -> dict[str, object]:
        if self.skipped:
            # A skipped exercise keeps only its note: no half-rated rows.
            return dict(
                skipped=True, sets_done=None, amount_done=None, pain_during=None, ease=None,
                marker_value=None, note=self.note,
            )  # fmt: skip
        return dict(
            skipped=False, sets_done=self.sets_done, amount_done=self.amount_done,
            pain_during=self.pain_during, ease=self.ease, marker_value=self.marker_value,
            note=self.note,
        )  # fmt: skip


@transaction.atomic
def session_log(
    *,
    user: User,
    day: date,
    pain_before: int,
    note: str,
    submission_key: UUID,
    entries: list[tuple[PlanExercise, EntryData]],
    now: datetime,
) -> tuple[SessionLog, bool]:
    """Store a session once and refresh the suggestions; a repeated submit of the same form
    returns the first one (and False) without refreshing again."""
    lock_user(user)
    existing = SessionLog.objects.filter(user=user, submission_key=submission_key).first()
    if existing is not None:
        return existing, False
    session = SessionLog.objects.create(
        user=user,
        day=day,
        pain_before=pain_before,
        note=note,
        submission_key=submission_key,
        created_at=now,
        updated_at=now,
    )
    ExerciseEntry.objects.bulk_create(
        ExerciseEntry(
            session=session,
            plan_exercise=item,
            exercise_id=item.exercise_id,
            rung=item.rung,
            **as_logged(item.rung),
            prescribed_sets=item.dose.sets,
            prescribed_amount=item.dose.amount,
            **data.as_fields(),
        )
        for item, data in entries
    )
    suggestions_refresh(user=user, now=now)
    return session, True


@transaction.atomic
def session_update(
    *,
    user: User,
    session: SessionLog,
    day: date,
    pain_before: int,
    note: str,
    entries: list[tuple[ExerciseEntry, EntryData]],
    now: datetime,
) -> None:
    """Change a logged session and its entries, and work the suggestions out again."""
    lock_user(user)
    session.day, session.pain_before, session.note = day, pain_before, note
    session.updated_at = now
    session.save(update_fields=["day", "pain_before", "note", "updated_at"])
    for entry, data in entries:
        for field, value in data.as_fields().items():
            setattr(entry, field, value)
        entry.save()
    suggestions_refresh(user=user, now=now)


@transaction.atomic
def session_delete(*, user: User, session: SessionLog, now: datetime) -> None:
    """Delete a session and its entries; the suggestions are worked out again without it."""
    lock_user(user)
    # Entries go with their session (CASCADE); check-ins and the plan stay.
    session.delete()
    suggestions_refresh(user=user, now=now)


@transaction.atomic
def checkin_record(
    *, user: User, day: date, morning_pain: int, flags: list[str], now: datetime
) -> tuple[CheckIn, SafetyScreen | None]:
    """Record this morning and refresh the suggestions; a red flag pauses the plan and asks
    for a new safety screen, which is returned."""
    # Under the lock, a second submit finds this morning's row and updates it.
    lock_user(user)
    values = {"morning_pain": morning_pain, "red_flags": flags}
    checkin, _ = CheckIn.objects.update_or_create(
        user=user, day=day, defaults=values, create_defaults=values | {"created_at": now}
    )
    screen = symptoms_report(user=user, appeared=flags, now=now) if flags else None
    if screen is None:  # a red flag refreshed the suggestions already
        suggestions_refresh(user=user, now=now)
    return checkin, screen
