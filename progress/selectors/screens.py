"""The latest safety screen, and what it lets the person do: the one place that says which
screen decides and whether a clinician's clearance still holds.

The last answers given decide, whatever the clock says, so "latest" is the highest id
(the model's ordering and its (user, -id) index); the same goes for a screen's clearances.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import OuterRef, Subquery

from backcare.accounts.models import User
from progress.models import Clearance, SafetyScreen
from progress.rules import red_flags
from progress.rules.red_flags import Outcome


def latest_screen(user: User) -> SafetyScreen | None:
    return SafetyScreen.objects.filter(user=user).order_by("-id").first()


def latest_outcome(user_field: str = "user") -> Subquery:
    """The latest screen's outcome as a subquery, for a row that has a user (e.g. the plan)."""
    return Subquery(
        SafetyScreen.objects.filter(user=OuterRef(user_field)).order_by("-id").values("outcome")[:1]
    )


@dataclass(frozen=True)
class Standing:
    """Where the person stands with the safety screen today."""

    screen: SafetyScreen | None  # the latest; None before any
    clearance: Clearance | None  # that screen's latest clearance, current or not
    may_exercise: bool

    @property
    def clearance_expired(self) -> bool:
        return self.clearance is not None and not self.may_exercise

    @property
    def can_be_cleared(self) -> bool:
        """A "see a doctor" answer: a clinician can clear it. An emergency never is."""
        return self.screen is not None and self.screen.outcome == Outcome.SEE_DOCTOR

    @property
    def caution(self) -> Clearance | None:
        """The clearance to remind the person of, until they dismiss it."""
        if self.may_exercise and self.clearance and self.clearance.caution_dismissed_at is None:
            return self.clearance
        return None


def safety_standing(user: User, today: date) -> Standing:
    screen = latest_screen(user)
    if screen is None:
        return Standing(screen=None, clearance=None, may_exercise=False)
    clearance = (
        screen.clearances.select_related("cleared_by__user").first()
        if screen.outcome == Outcome.SEE_DOCTOR
        else None
    )
    return Standing(
        screen=screen,
        clearance=clearance,
        may_exercise=red_flags.may_exercise(
            screen.outcome,
            clearance.assessed_on if clearance else None,
            today,
            valid_months=settings.BACKCARE_CLEARANCE_MONTHS,
        ),
    )
