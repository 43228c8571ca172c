"""Writes on accounts that are more than one row: the sign-up lock and account deletion."""

from allauth.account.adapter import get_adapter
from allauth.core import ratelimit
from allauth.usersessions.models import UserSession
from django.db import connection, transaction
from django.http import HttpRequest

from backcare.accounts.models import User
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
