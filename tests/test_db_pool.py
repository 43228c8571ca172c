"""PostgreSQL connections come from psycopg's pool, shared by a worker's threads.

A request borrows a connection and gives it back when it ends; one that died while it waited
in the pool (a restarted database) is replaced before a request gets it. SQLite has no pool.
"""

import runpy
import threading
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import close_old_connections, connection, connections
from django.test import Client

import backcare.settings

ON_POSTGRES = connection.vendor == "postgresql"
postgres_only = pytest.mark.skipif(not ON_POSTGRES, reason="the pool is PostgreSQL's")
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/backcare"


def database_settings(monkeypatch, **env) -> dict:
    """DATABASES["default"] as backcare/settings.py builds it from this environment."""
    for name in ("DATABASE_POOL", "DATABASE_POOL_MAX_SIZE", "DATABASE_CONN_MAX_AGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("GUNICORN_THREADS", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(backcare.settings.__file__)["DATABASES"]["default"]


def test_postgres_gets_a_pool_of_one_connection_per_gunicorn_thread(monkeypatch):
    database = database_settings(monkeypatch, DATABASE_URL=POSTGRES_URL)
    assert database["OPTIONS"]["pool"] == {"min_size": 1, "max_size": 4, "timeout": 2}
    assert database["CONN_MAX_AGE"] == 0
    # Django hands the pool its connection check when health checks are on.
    assert database["CONN_HEALTH_CHECKS"] is True

    threads = database_settings(monkeypatch, DATABASE_URL=POSTGRES_URL, GUNICORN_THREADS="8")
    assert threads["OPTIONS"]["pool"]["max_size"] == 8
    sized = database_settings(
        monkeypatch, DATABASE_URL=POSTGRES_URL, GUNICORN_THREADS="8", DATABASE_POOL_MAX_SIZE="6"
    )
    assert sized["OPTIONS"]["pool"]["max_size"] == 6


def test_without_the_pool_each_thread_keeps_its_connection(monkeypatch):
    database = database_settings(monkeypatch, DATABASE_URL=POSTGRES_URL, DATABASE_POOL="false")
    assert "pool" not in database.get("OPTIONS", {})
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    kept = database_settings(
        monkeypatch,
        DATABASE_URL=POSTGRES_URL,
        DATABASE_POOL="false",
        DATABASE_CONN_MAX_AGE="300",
    )
    assert kept["CONN_MAX_AGE"] == 300


def test_a_connection_age_with_the_pool_is_refused_at_start_up(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_POOL=false"):
        database_settings(monkeypatch, DATABASE_URL=POSTGRES_URL, DATABASE_CONN_MAX_AGE="60")


def test_sqlite_has_no_pool(monkeypatch, tmp_path):
    database = database_settings(monkeypatch, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert "pool" not in database["OPTIONS"]


@postgres_only
def test_the_test_database_connection_is_pooled(db):
    assert connection.pool is not None


def serve(client: Client, url: str) -> tuple[int, bytes, set[int]]:
    """A GET as a server answers it: the connection goes back to the pool at the end. With
    the PostgreSQL sessions its queries ran on, noted as they run: the test client's
    request signals are shared by all threads, so another thread's request may already have
    handed this one's connection back when the response returns."""
    sessions: set[int] = set()

    def note_session(execute, sql, params, many, context):
        sessions.add(context["connection"].connection.info.backend_pid)
        return execute(sql, params, many, context)

    try:
        with connection.execute_wrapper(note_session):
            response = client.get(url)
        return response.status_code, response.content, sessions
    finally:
        close_old_connections()


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_more_requests_at_once_than_connections_all_get_their_page(catalog):
    pool_size = connection.pool.max_size
    threads = 2 * pool_size
    barrier = threading.Barrier(threads)

    def visit(_):
        try:
            barrier.wait()
            return [serve(Client(), "/exercises/") for _ in range(3)]
        finally:
            connections.close_all()

    with ThreadPoolExecutor(threads) as pool:
        answers = [answer for visits in pool.map(visit, range(threads)) for answer in visits]
    assert [status for status, _, _ in answers] == [200] * 3 * threads
    assert all(b"Glute bridge" in content for _, content, _ in answers)
    # The threads took turns on the pool's connections rather than each opening its own.
    sessions = set().union(*(pids for _, _, pids in answers))
    assert 1 <= len(sessions) <= pool_size


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_connection_that_died_in_the_pool_is_replaced_before_a_request_gets_it(catalog):
    # A pool as a worker starts with, not the one earlier tests grew.
    connection.close()
    connection.close_pool()
    client = Client(raise_request_exception=False)
    assert serve(client, "/exercises/")[0] == 200
    connection.close()  # every connection of this test is back in the pool, idle
    # What a database restart does to the idle connections, without restarting the server
    # the other tests share: end every session of this database but the one doing it.
    params = connection.get_connection_params()
    with psycopg.connect(**params, autocommit=True) as admin:
        ended = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()[0]
    assert ended >= 1
    status, content, _ = serve(client, "/exercises/")
    assert status == 200
    assert b"Glute bridge" in content
