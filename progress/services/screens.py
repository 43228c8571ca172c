"""Writes to a person's safety screen: answers, symptoms that appeared, a clinician's
clearance. Each one transaction at the moment (`now`) its caller gives.

A red flag pauses the plan the same way wherever it is reported (the screen, the check-in,
"my symptoms changed"): the plan is marked paused for safety and the suggestions refresh
to "seek care". A clear screen, or a clearance of a "see a doctor" answer, lifts that pause.
"""

from datetime import date, datetime

from django.db import transaction

from backcare.accounts.models import ClinicianProfile, User
from progress.models import Clearance, Plan, SafetyScreen
from progress.rules import red_flags
from progress.rules.red_flags import Outcome
from progress.selectors.screens import latest_screen
from progress.services.locks import lock_user
from progress.services.suggestions import suggestions_refresh


class ClearanceError(Exception):
    """A clearance that cannot be recorded; the message is shown to the user."""


def _record(*, user: User, answers: dict[str, bool], clinician_checked: bool, now: datetime):
    screen = SafetyScreen.objects.create(
        user=user,
        answers=answers,
        clinician_checked=clinician_checked,
        outcome=red_flags.screen_outcome(answers, clinician_checked=clinician_checked),
        answered_at=now,
    )
    if screen.outcome in (Outcome.EMERGENCY, Outcome.SEE_DOCTOR):
        Plan.objects.filter(user=user).update(paused_for_safety_at=now)
        suggestions_refresh(user=user, now=now)
    elif screen.is_clear:
        _lift_pause(user)
    return screen


def _lift_pause(user: User) -> None:
    Plan.objects.filter(user=user, paused_for_safety_at__isnull=False).update(
        paused_for_safety_at=None
    )


@transaction.atomic
def screen_record(
    *, user: User, answers: dict[str, bool], clinician_checked: bool, now: datetime
) -> SafetyScreen:
    """The whole screen, answered again."""
    lock_user(user)
    return _record(user=user, answers=answers, clinician_checked=clinician_checked, now=now)


@transaction.atomic
def symptoms_report(*, user: User, appeared: list[str], now: datetime) -> SafetyScreen:
    """Symptoms that appeared since the last screen (check-in, "my symptoms changed"): a new
    screen keeping every yes given before, so history stays on record as it was answered."""
    lock_user(user)
    latest = latest_screen(user)
    return _record(
        user=user,
        answers=red_flags.answers_after_change(latest.answers if latest else None, appeared),
        # Whoever checked the back before still has; the new symptom is what needs a doctor.
        clinician_checked=True,
        now=now,
    )


@transaction.atomic
def clearance_record(
    *,
    user: User,
    screen: SafetyScreen,
    clinician: str,
    assessed_on: date,
    note: str,
    now: datetime,
    cleared_by: ClinicianProfile | None = None,
) -> Clearance:
    """A clinician cleared the latest screen's "see a doctor" answers: the plan may go on.
    Recorded by the person, or by the clinician (`cleared_by`) with their patient's grant."""
    lock_user(user)
    latest = latest_screen(user)
    if latest is None or latest.pk != screen.pk:
        raise ClearanceError("The answers changed since this page was opened: see them below.")
    if screen.outcome != Outcome.SEE_DOCTOR:
        raise ClearanceError(
            "Only a “see a doctor” answer can be cleared here. An emergency sign needs a new "
            "safety check that answers no."
        )
    clearance = Clearance.objects.create(
        screen=screen,
        clinician=clinician,
        assessed_on=assessed_on,
        note=note,
        recorded_at=now,
        cleared_by=cleared_by,
    )
    _lift_pause(user)
    return clearance


@transaction.atomic
def caution_dismiss(*, clearance: Clearance, now: datetime) -> None:
    Clearance.objects.filter(pk=clearance.pk, caution_dismissed_at__isnull=True).update(
        caution_dismissed_at=now
    )
