"""SQL queries and Django's CPU time per request, for a 2-week, a 1-year and a 2-year user.

    python -m bench.queries bench/RESULTS.raw/queries.json

Runs in-process with Django's test client against the bench database. A query count that
grows with the history is a query per row; CPU time (this process only, not PostgreSQL's)
barely depends on what else the machine is doing, so it checks the load test's ratios. The
users take turns request by request, so a busy moment on the machine costs them alike and
their ratio stays steady. A page not built yet (404) is recorded as null.
"""

import json
import sys
import time
from pathlib import Path

from bench.generate import DATABASE_URL, setup_django
from bench.pages import session_form_data, visit_path

PAGES = ("bare", "today", "log: form", "log: save", "dashboard", "history", "catalog", "exercise")
REPEAT = 15
USERS = {
    "2w": "growth-2w-00@bench.invalid",
    "2y": "growth-2y-00@bench.invalid",
    # A user of the crowd: as long a history as generated, typically a year.
    "crowd": "user00000@bench.invalid",
}


def measure() -> dict[str, dict[str, dict | None]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from backcare.accounts.models import User

    clients = {}
    for label, email in USERS.items():
        clients[label] = Client(HTTP_HOST="127.0.0.1")
        clients[label].force_login(User.objects.get(email=email))
    results: dict[str, dict[str, dict | None]] = {label: {} for label in USERS}
    for page in PAGES:
        if clients["crowd"].get(visit_path(page)).status_code == 404:
            for label in USERS:
                results[label][page] = None
            continue
        cpu: dict[str, list[float]] = {label: [] for label in USERS}
        counts: dict[str, int] = {}
        for _ in range(REPEAT):
            for label, client in clients.items():
                path = visit_path(page)
                data = (
                    session_form_data(client.get(path).content.decode())
                    if page == "log: save"
                    else None
                )
                started = time.process_time()
                with CaptureQueriesContext(connection) as queries:
                    response = client.post(path, data) if data else client.get(path)
                cpu[label].append(time.process_time() - started)
                # The first request of a page may warm caches; the count is the same after.
                counts[label] = len(queries)
                if response.status_code != (302 if data else 200):
                    raise SystemExit(f"bench.queries: {page} answered {response.status_code}")
        for label in USERS:
            times = sorted(cpu[label])
            results[label][page] = {
                "queries": counts[label],
                "cpu_ms": 1000 * times[len(times) // 2],
            }
    return results


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        raise SystemExit("usage: python -m bench.queries <queries.json>")
    setup_django(DATABASE_URL)
    Path(argv[0]).write_text(json.dumps(measure(), indent=2))


if __name__ == "__main__":
    main()
