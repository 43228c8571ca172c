"""Sign every bench user in, straight into the session table, for the load test.

    SECRET_KEY=... python -m bench.signin bench/RESULTS.raw/accounts.json

Writes the session cookies by group: "crowd" (the generated population), "2w" and "2y"
(the growth cohorts). Sessions are signed with SECRET_KEY, so it must be the one the
server under test runs with. Log-in itself is not what the bench measures.
"""

import json
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

from bench.generate import DATABASE_URL, setup_django


def group_of(email: str) -> str:
    for label in ("2w", "2y"):
        if email.startswith(f"growth-{label}-"):
            return label
    return "crowd"


def sign_in_everyone() -> dict[str, list[str]]:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from backcare.accounts.middleware import SEEN, STARTED
    from backcare.accounts.models import User

    now = int(time.time())
    expires = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    store = SessionStore()
    groups: dict[str, list[str]] = {"crowd": [], "2w": [], "2y": []}
    sessions = []
    for user in User.objects.filter(email__endswith="@bench.invalid").order_by("id"):
        key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
        data = {
            SESSION_KEY: str(user.pk),
            # As a log-in writes it: the first backend, which reads the clinician profile
            # with the user, and the session's clocks (SessionLifetimeMiddleware).
            BACKEND_SESSION_KEY: settings.AUTHENTICATION_BACKENDS[0],
            HASH_SESSION_KEY: user.get_session_auth_hash(),
            STARTED: now,
            SEEN: now,
        }
        sessions.append(
            Session(session_key=key, session_data=store.encode(data), expire_date=expires)
        )
        groups[group_of(user.email)].append(key)
    Session.objects.bulk_create(sessions, batch_size=1000)
    return groups


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or not os.environ.get("SECRET_KEY"):
        raise SystemExit("usage: SECRET_KEY=<the server's> python -m bench.signin <accounts.json>")
    setup_django(DATABASE_URL)
    out = Path(argv[0])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(sign_in_everyone()))


if __name__ == "__main__":
    main()
