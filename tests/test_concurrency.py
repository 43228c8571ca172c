"""Concurrent writes and a database restart, against a real PostgreSQL server."""

import os
import shutil
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import close_old_connections, connection, connections
from django.test import Client

from progress.models import ExerciseEntry, PlanTemplate, SessionLog
from progress.plans import plan_create_from_template, screen_record
from progress.red_flags import QUESTIONS
from tests.logging_helpers import session_post

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").split(":")[0] not in ("postgres", "postgresql"),
        reason="concurrency is tested on PostgreSQL (set DATABASE_URL)",
    ),
]
DAY = date.today()


def make_walker(n: int):
    user = get_user_model().objects.create_user(email=f"walker{n}@example.com", password="x")
    screen_record(user=user, answers=dict.fromkeys(QUESTIONS, False), clinician_checked=True)
    plan = plan_create_from_template(user=user, template=PlanTemplate.objects.get(slug="starter"))
    return user, plan


def in_thread(fn):
    """Run fn in a worker thread with its own database connection, closed afterwards."""

    def run(*args):
        try:
            return fn(*args)
        finally:
            connections.close_all()

    return run


def signed_in(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def post_session(client, data):
    # What a real server does at the start of every request, and the test client skips:
    # drop connections that broke or expired, so a restarted database is reconnected to.
    close_old_connections()
    return client.post("/sessions/new/", data).status_code


def test_two_simultaneous_submits_of_one_form_store_one_session(catalog):
    user, plan = make_walker(1)
    data = session_post(plan, day=DAY)
    barrier = threading.Barrier(2)

    @in_thread
    def submit(_):
        client = signed_in(user)
        barrier.wait()
        return post_session(client, data)

    with ThreadPoolExecutor(2) as pool:
        statuses = list(pool.map(submit, range(2)))
    assert statuses == [302, 302]
    assert SessionLog.objects.filter(user=user).count() == 1
    assert ExerciseEntry.objects.filter(session__user=user).count() == 3


def test_many_users_logging_at_once_store_exactly_what_succeeded(catalog):
    walkers = [make_walker(n) for n in range(6)]
    jobs = [
        (user, session_post(plan, day=DAY - timedelta(days=d)))
        for user, plan in walkers
        for d in range(4)
    ]

    @in_thread
    def submit(job):
        user, data = job
        return post_session(signed_in(user), data)

    with ThreadPoolExecutor(6) as pool:
        statuses = list(pool.map(submit, jobs))
    assert statuses.count(302) == len(jobs), statuses
    assert SessionLog.objects.count() == len(jobs)
    assert ExerciseEntry.objects.count() == 3 * len(jobs)


def _pg(action: str) -> None:
    cluster = os.listdir("/etc/postgresql")[0]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", action],
        check=True,
        capture_output=True,
    )


def _wait_for_pg(up: bool, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready = subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0
        if ready == up:
            return
        time.sleep(0.5)
    raise AssertionError(f"PostgreSQL did not come {'up' if up else 'down'} in {timeout}s")


@pytest.mark.skipif(
    shutil.which("pg_ctlcluster") is None or os.geteuid() != 0,
    reason="restarting PostgreSQL needs pg_ctlcluster as root",
)
def test_a_database_restart_fails_cleanly_and_recovers_by_itself(catalog):
    user, plan = make_walker(1)
    # Built up front: the worker must touch the database only through requests.
    payloads = iter([session_post(plan, day=DAY - timedelta(days=d)) for d in range(55)])
    statuses: list[int] = []
    stop = threading.Event()

    @in_thread
    def keep_logging():
        client = signed_in(user)
        data = next(payloads)
        while not stop.is_set():
            statuses.append(post_session(client, data))
            if statuses[-1] == 302:  # saved: on to the next day; else retry, as a user would
                data = next(payloads)
            time.sleep(0.1)

    worker = threading.Thread(target=keep_logging)
    worker.start()
    try:
        time.sleep(1)
        _pg("stop")
        _wait_for_pg(up=False)
        time.sleep(1)
        _pg("start")
        _wait_for_pg(up=True)
        before = len(statuses)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and 302 not in statuses[before:]:
            time.sleep(0.2)
    finally:
        stop.set()
        worker.join()
        connection.close()  # this thread's connection died with the restart
    assert set(statuses) <= {302, 503}, statuses
    assert 503 in statuses, "no request hit the outage"
    assert statuses[-1] == 302, "the app did not recover"
    assert SessionLog.objects.count() == statuses.count(302)
    for session in SessionLog.objects.all():
        assert session.entries.count() == 3, "a half-written session"
