"""A patient's consent to a clinician: invite, accept, change, revoke, each one transaction
with its GrantEvent, so every grant, change and revocation is on record."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from django.db import transaction

from backcare.accounts.models import ClinicianProfile, User
from progress.models import CareGrant, GrantEvent
from progress.services.locks import lock_user

What = GrantEvent.What


class GrantError(Exception):
    """What the person is told when a grant cannot be made or changed."""


class GrantEnded(Exception):
    """The patient stopped sharing, or made it read-only, before the clinician's change."""


@contextmanager
def acting_for(grant: CareGrant) -> Iterator[None]:
    """One transaction for a clinician's change to their patient's plan, holding the grant's
    row: a revocation sent meanwhile waits for the change to finish, or the change, waiting
    for the revocation, finds the grant ended and is refused (GrantEnded)."""
    with transaction.atomic():
        standing = CareGrant.objects.select_for_update().filter(
            pk=grant.pk, accepted_at__isnull=False, revoked_at=None, may_adjust_plan=True
        )
        if not standing.exists():
            raise GrantEnded
        yield


def _record(grant: CareGrant, what: str, now: datetime) -> None:
    GrantEvent.objects.create(grant=grant, what=what, may_adjust_plan=grant.may_adjust_plan, at=now)


@transaction.atomic
def grant_invite(
    *, patient: User, clinician: ClinicianProfile, may_adjust_plan: bool, now: datetime
) -> CareGrant:
    lock_user(patient)  # two invites at once: the second finds the first
    if clinician.user_id == patient.pk:
        raise GrantError("That is your own clinician code: invite someone else.")
    if CareGrant.objects.filter(patient=patient, clinician=clinician, revoked_at=None).exists():
        raise GrantError("You have already invited this clinician: see below.")
    grant = CareGrant.objects.create(
        patient=patient, clinician=clinician, may_adjust_plan=may_adjust_plan, invited_at=now
    )
    _record(grant, What.INVITED, now)
    return grant


@transaction.atomic
def grant_accept(*, grant: CareGrant, now: datetime) -> bool:
    """False when the patient revoked it (or it was accepted) in the meantime."""
    accepted = CareGrant.objects.filter(pk=grant.pk, accepted_at=None, revoked_at=None).update(
        accepted_at=now
    )
    if accepted:
        grant.accepted_at = now
        _record(grant, What.ACCEPTED, now)
    return bool(accepted)


@transaction.atomic
def grant_change(*, grant: CareGrant, may_adjust_plan: bool, now: datetime) -> None:
    changed = (
        CareGrant.objects.filter(pk=grant.pk, revoked_at=None)
        .exclude(may_adjust_plan=may_adjust_plan)
        .update(may_adjust_plan=may_adjust_plan)
    )
    if changed:
        grant.may_adjust_plan = may_adjust_plan
        _record(grant, What.CHANGED, now)


@transaction.atomic
def grant_revoke(*, grant: CareGrant, now: datetime) -> None:
    """Ends the grant at once: the clinician's next request finds nothing."""
    if CareGrant.objects.filter(pk=grant.pk, revoked_at=None).update(revoked_at=now):
        grant.revoked_at = now
        _record(grant, What.REVOKED, now)
