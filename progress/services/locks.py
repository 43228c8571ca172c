"""Row locks that make one user's writes take turns.

A double click or two open tabs send the same write twice at once. Each write first locks
its owner's row, then looks up what already exists and inserts only what is missing, so the
second request sees the first one's rows instead of tripping a unique constraint: a
constraint error would carry the user's values into the database server's log.

Call these inside transaction.atomic(). Always lock the user before the plan, never the
other way round, so two writes cannot wait on each other. SQLite has no row locks: there,
writers take turns because each transaction takes the database's write lock when it
begins (the "IMMEDIATE" transaction mode).
"""

from django.contrib.auth import get_user_model

from backcare.accounts.models import User
from progress.models import Plan


def lock_user(user: User) -> None:
    """Wait until the user's other writes have committed."""
    # NO KEY UPDATE: inserting rows that merely point at the user (a safety screen, a
    # page-cache entry) is not held up; only the other writers that lock the user wait.
    get_user_model().objects.select_for_update(no_key=True).values_list("pk").get(pk=user.pk)


def lock_plan(plan_id: int) -> Plan:
    """The plan, fresh, once its other writes have committed."""
    return Plan.objects.select_for_update(no_key=True).get(pk=plan_id)
