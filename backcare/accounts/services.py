"""Writes on accounts that are more than one row: the sign-up lock, account deletion, and
a clinician's registration."""

import secrets
from datetime import datetime

from allauth.account.adapter import get_adapter
from allauth.core import ratelimit
from allauth.usersessions.models import UserSession
from django.db import connection, transaction
from django.http import HttpRequest

from backcare.accounts.models import ClinicianProfile, User
from backcare.mail.models import Email


def address_lock(email: str) -> None:
    """Serialise writes for one e-mail address until the transaction ends.

    PostgreSQL takes an advisory lock on the address's hash; SQLite runs every transaction
    IMMEDIATE (settings), so writers already queue.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(lower(%s)))", [email])


def user_delete(*, request: HttpRequest, user: User) -> None:
    """Delete the account, end its other signed-in sessions and forget its log-in counters."""
    with transaction.atomic():
        for session in UserSession.objects.filter(user=user):
            # Ends the session in the session store, then deletes the record.
            session.end()
        # Every row that belongs to the user hangs off it with on_delete=CASCADE; e-mails
        # still queued for the address go too.
        Email.objects.filter(to__iexact=user.email).delete()
        user.delete()
    key = get_adapter()._get_login_attempts_cache_key(request, email=user.email)
    for action, action_key in (("login_failed", key), ("reset_password", user.email)):
        ratelimit.clear(request, action=action, key=action_key)


# No 0/O, 1/I/L: a code is read out or copied from a card.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def clinician_code() -> str:
    letters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{letters[:4]}-{letters[4:]}"


@transaction.atomic
def clinician_register(
    *, user: User, profession: str, registration_number: str, practice: str, now: datetime
) -> ClinicianProfile:
    """Make the user a clinician, unverified until an admin checks the registration."""
    code = clinician_code()
    while ClinicianProfile.objects.filter(code=code).exists():  # 31^8: a clash is rare
        code = clinician_code()
    return ClinicianProfile.objects.create(
        user=user,
        profession=profession,
        registration_number=registration_number,
        practice=practice,
        code=code,
        created_at=now,
    )


@transaction.atomic
def clinicians_verify(*, profiles, now: datetime) -> int:
    """An admin's check of the registrations: how many were newly marked verified."""
    return profiles.filter(verified_at__isnull=True).update(verified_at=now)
