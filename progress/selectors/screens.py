"""The latest safety screen: the one place that says which screen decides.

The last answers given decide, whatever the clock says, so "latest" is the highest id
(the model's ordering and its (user, -id) index).
"""

from __future__ import annotations

from django.db.models import OuterRef, Subquery

from backcare.accounts.models import User
from progress.models import SafetyScreen


def latest_screen(user: User) -> SafetyScreen | None:
    return SafetyScreen.objects.filter(user=user).order_by("-id").first()


def latest_outcome(user_field: str = "user") -> Subquery:
    """The latest screen's outcome as a subquery, for a row that has a user (e.g. the plan)."""
    return Subquery(
        SafetyScreen.objects.filter(user=OuterRef(user_field)).order_by("-id").values("outcome")[:1]
    )
