"""SQL queries and Django's CPU time per request, for a 2-week, a 1-year and a 2-year user.

    python -m bench.queries bench/RESULTS.raw/queries.json

Runs in-process with Django's test client against the bench database. A query count that
grows with the history is a query per row; CPU time (this process only, not PostgreSQL's)
barely depends on what else the machine is doing, so it checks the load test's ratios. A
page not built yet (404) is recorded as null.
"""

import json
import sys
import time
from pathlib import Path

from bench.generate import DATABASE_URL, setup_django
from bench.pages import session_form_data, visit_path

PAGES = ("bare", "today", "log: form", "log: save", "dashboard", "history", "catalog", "exercise")
REPEAT = 10


def measure(email: str) -> dict[str, dict | None]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from backcare.accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=email))
    results: dict[str, dict | None] = {}
    for page in PAGES:
        cpu, counts = [], []
        for _ in range(REPEAT):
            path = visit_path(page)
            data = (
                session_form_data(client.get(path).content.decode())
                if page == "log: save"
                else None
            )
            started = time.process_time()
            with CaptureQueriesContext(connection) as queries:
                response = client.post(path, data) if data else client.get(path)
            cpu.append(time.process_time() - started)
            counts.append(len(queries))
            if response.status_code == 404:
                break
            if response.status_code != (302 if data else 200):
                raise SystemExit(f"bench.queries: {page} answered {response.status_code}")
        if response.status_code == 404:
            results[page] = None
            continue
        # The first request of a page may warm caches; the count is the same in the others.
        results[page] = {"queries": counts[-1], "cpu_ms": 1000 * sorted(cpu)[len(cpu) // 2]}
    return results


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        raise SystemExit("usage: python -m bench.queries <queries.json>")
    setup_django(DATABASE_URL)
    result = {label: measure(f"growth-{label}-00@bench.invalid") for label in ("2w", "2y")}
    # A user of the crowd: as long a history as generated, typically a year.
    result["crowd"] = measure("user00000@bench.invalid")
    Path(argv[0]).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
