"""Concurrent writes and a database restart, against a real PostgreSQL server.

A double click or two open tabs must store each thing once, answer every request, and never
make the database raise a constraint error: PostgreSQL's log records the failing statement,
values and all, and those values are health data.
"""

import os
import shutil
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, close_old_connections, connection, connections, transaction
from django.test import Client
from django.utils import timezone

from exercises.models import Exercise
from progress.models import (
    CareGrant,
    CheckIn,
    ExerciseEntry,
    Plan,
    PlanExercise,
    PsfsActivity,
    PsfsRating,
    RungChange,
    SessionLog,
    Suggestion,
)
from progress.services.grants import grant_revoke
from tests import builders
from tests.logging_helpers import psfs_post, session_post
from tests.mfa_helpers import with_totp

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").split(":")[0] not in ("postgres", "postgresql"),
        reason="concurrency is tested on PostgreSQL (set DATABASE_URL)",
    ),
]
DAY = date.today()


def make_walker(n: int):
    user = builders.user(f"walker{n}@example.com", "x")
    builders.screen_clear(user, when=timezone.now())
    return user, builders.plan(user, when=timezone.now())


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


class IntegrityErrors(list):
    """The constraint errors the database raised on the connections this is installed on."""

    def __call__(self, execute, sql, params, many, context):
        try:
            return execute(sql, params, many, context)
        except IntegrityError as error:
            # The first line names the constraint; the detail below it repeats the values.
            self.append(str(error).splitlines()[0])
            raise


def post_at_once(n: int, user, url: str, data: dict) -> tuple[list[int], IntegrityErrors]:
    """n identical posts by one user, released together, each on its own connection."""
    barrier = threading.Barrier(n)
    errors = IntegrityErrors()

    @in_thread
    def post(_):
        client = signed_in(user)
        with connection.execute_wrapper(errors):
            barrier.wait()
            return client.post(url, data).status_code

    with ThreadPoolExecutor(n) as pool:
        statuses = list(pool.map(post, range(n)))
    return statuses, errors


def test_two_simultaneous_submits_of_one_form_store_one_session(catalog):
    user, plan = make_walker(1)
    statuses, errors = post_at_once(2, user, "/sessions/new/", session_post(plan, day=DAY))
    assert statuses == [302, 302]
    assert SessionLog.objects.filter(user=user).count() == 1
    assert ExerciseEntry.objects.filter(session__user=user).count() == 3
    assert errors == []


def test_simultaneous_check_ins_store_one_morning(catalog):
    user, _ = make_walker(1)
    statuses, errors = post_at_once(4, user, "/checkin/", {"morning_pain": "2"})
    assert statuses == [302] * 4
    assert CheckIn.objects.filter(user=user).count() == 1
    assert errors == []


def test_simultaneous_psfs_ratings_name_each_activity_once(catalog):
    user, _ = make_walker(1)
    data = psfs_post(("Putting on socks", 3), ("Stairs", 5))
    statuses, errors = post_at_once(4, user, "/progress/psfs/", data)
    assert statuses == [302] * 4
    names = PsfsActivity.objects.filter(user=user).values_list("position", "name")
    assert sorted(names) == [(1, "Putting on socks"), (2, "Stairs")]
    assert PsfsRating.objects.filter(activity__user=user).count() == 2
    assert errors == []


def test_simultaneous_adds_of_one_exercise_add_it_once(catalog):
    user, plan = make_walker(1)
    pullover = Exercise.objects.get(slug="pullover")
    statuses, errors = post_at_once(4, user, "/plan/add/", {"exercise": pullover.pk})
    assert statuses == [302] * 4
    assert plan.items.filter(exercise=pullover).count() == 1
    assert errors == []


def test_simultaneous_plan_starts_start_one_plan(catalog):
    user = builders.user("starter@example.com", "x")
    builders.screen_clear(user, when=timezone.now())
    statuses, errors = post_at_once(4, user, "/plan/start/", {"template": "starter"})
    assert statuses == [302] * 4
    assert Plan.objects.filter(user=user).count() == 1
    assert PlanExercise.objects.filter(plan__user=user).count() == 3
    assert errors == []


def test_simultaneous_moves_to_one_rung_record_one_change(catalog):
    user, plan = make_walker(1)
    item = plan.items.get(exercise__slug="glute-bridge")
    rung = item.exercise.rungs.get(position=3)
    data = {f"i{item.pk}-rung": rung.pk}
    statuses, errors = post_at_once(4, user, f"/plan/items/{item.pk}/rung/", data)
    assert statuses == [302] * 4
    moves = RungChange.objects.filter(plan_exercise=item, source=RungChange.Source.MANUAL)
    assert [(m.from_rung.position, m.to_rung.position) for m in moves] == [(1, 3)]
    assert errors == []


def test_eight_simultaneous_accepts_move_the_exercise_once(catalog):
    user, plan = make_walker(1)
    item = plan.items.select_related("rung").get(exercise__slug="glute-bridge")
    suggestion = Suggestion.objects.create(
        plan_exercise=item,
        action="progress",
        rule="2-for-2",
        summary="Move up to rung 2",
        reasons=["Two good days in a row."],
        from_rung=item.rung,
        target_rung=item.exercise.rungs.get(position=item.rung.position + 1),
        basis="test",
    )
    statuses, errors = post_at_once(8, user, f"/suggestions/{suggestion.pk}/accept/", {})
    assert statuses == [302] * 8
    moves = RungChange.objects.filter(plan_exercise=item, source=RungChange.Source.SUGGESTION)
    assert [m.to_rung.position for m in moves] == [2]
    item.refresh_from_db()
    assert item.rung.position == 2
    assert errors == []


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


def test_simultaneous_sign_ups_for_one_address_create_one_account():
    """The audit saw a 500 here, and the failed INSERT (with the password hash) in the log."""
    barrier = threading.Barrier(4)
    errors = IntegrityErrors()
    data = {
        "email": "twice@example.com",
        "password1": "a-long-passphrase",
        "password2": "a-long-passphrase",
    }

    @in_thread
    def sign_up(n):
        client = Client(raise_request_exception=False, REMOTE_ADDR=f"198.51.100.{n}")
        with connection.execute_wrapper(errors):
            barrier.wait()
            return client.post("/accounts/signup/", data).status_code

    with ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(sign_up, range(4)))
    assert statuses == [302] * 4
    assert get_user_model().objects.filter(email="twice@example.com").count() == 1
    assert errors == []


def test_a_clinicians_change_sent_while_the_patient_revokes_waits_and_is_refused(catalog):
    patient, plan = make_walker(1)
    sam = builders.clinician(with_totp(builders.user("sam@example.com", "x")))
    grant = builders.care_grant(patient, sam, may_adjust_plan=True)
    item = plan.items.get(exercise__slug="glute-bridge")
    url = f"/clinician/patients/{patient.pk}/items/{item.pk}/"
    data = {f"i{item.pk}-rung": "3", f"i{item.pk}-reason": "Ready for more."}
    revoking = threading.Event()

    @in_thread
    def revoke():
        with transaction.atomic():
            grant_revoke(grant=CareGrant.objects.get(pk=grant.pk), now=timezone.now())
            revoking.set()
            # The clinician's change arrives while the revocation is not yet committed.
            time.sleep(0.5)

    with ThreadPoolExecutor(1) as pool:
        revoked = pool.submit(revoke)
        revoking.wait()
        clinician = signed_in(sam.user)
        response = clinician.post(url, data)
        revoked.result()
    assert response.status_code == 404
    assert PlanExercise.objects.get(pk=item.pk).rung_id == item.rung_id
    assert not RungChange.objects.filter(plan_exercise=item, source="clinician").exists()
    # And every request after the revocation finds nothing.
    assert clinician.get(f"/clinician/patients/{patient.pk}/").status_code == 404
    assert clinician.post(url, data).status_code == 404
