"""Writes of session logs and check-ins, each one transaction."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from progress.models import CheckIn, ExerciseEntry, Plan, PlanExercise, SafetyScreen, SessionLog
from progress.rules import red_flags
from progress.services.locks import lock_user


@dataclass(frozen=True)
class EntryData:
    skipped: bool
    sets_done: int | None = None
    amount_done: int | None = None
    pain_during: int | None = None
    ease: int | None = None
    marker_value: Decimal | None = None
    note: str = ""

    def as_fields(self) -> dict:
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
    user,
    day: date,
    pain_before: int,
    note: str,
    submission_key,
    entries: list[tuple[PlanExercise, EntryData]],
) -> tuple[SessionLog, bool]:
    """Store a session once; a repeated submit of the same form returns the first one."""
    lock_user(user)
    existing = SessionLog.objects.filter(user=user, submission_key=submission_key).first()
    if existing is not None:
        return existing, False
    session = SessionLog.objects.create(
        user=user, day=day, pain_before=pain_before, note=note, submission_key=submission_key
    )
    ExerciseEntry.objects.bulk_create(
        ExerciseEntry(
            session=session,
            plan_exercise=item,
            exercise_id=item.exercise_id,
            rung=item.rung,
            prescribed_sets=item.dose.sets,
            prescribed_amount=item.dose.amount,
            **data.as_fields(),
        )
        for item, data in entries
    )
    return session, True


@transaction.atomic
def session_update(
    *,
    session: SessionLog,
    day: date,
    pain_before: int,
    note: str,
    entries: list[tuple[ExerciseEntry, EntryData]],
) -> None:
    session.day, session.pain_before, session.note = day, pain_before, note
    session.save(update_fields=["day", "pain_before", "note", "updated_at"])
    for entry, data in entries:
        for field, value in data.as_fields().items():
            setattr(entry, field, value)
        entry.save()


@transaction.atomic
def checkin_record(
    *, user, day: date, morning_pain: int, flags: list[str]
) -> tuple[CheckIn, SafetyScreen | None]:
    """Record this morning; a red flag pauses the plan and asks for a new safety screen."""
    # Under the lock, a second submit finds this morning's row and updates it.
    lock_user(user)
    checkin, _ = CheckIn.objects.update_or_create(
        user=user, day=day, defaults={"morning_pain": morning_pain, "red_flags": flags}
    )
    if flags:
        answers = {key: key in flags for key in red_flags.QUESTIONS}
        latest = user.safety_screens.first()
        screen = SafetyScreen.objects.create(
            user=user,
            answers=answers,
            clinician_checked=latest.clinician_checked if latest else False,
            outcome=red_flags.screen_outcome(answers, clinician_checked=True),
        )
        Plan.objects.filter(user=user).update(paused_for_safety_at=timezone.now())
        return checkin, screen
    return checkin, None
