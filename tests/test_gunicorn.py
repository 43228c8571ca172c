"""The shipped gunicorn.conf.py, run for real: slow clients do not take the site down."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).parent / "gunicorn"
WORKERS = 2  # what the audit ran, and the bench's count
# As many as workers, as in the audit. A gthread worker has 4 threads, so even two tricklers
# on one worker leave it threads to serve with; beyond `threads` per worker it stalls too,
# which is what the buffering proxy in front is for (docs/DEPLOY.md).
TRICKLERS = WORKERS


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(*extra: str):
    """gunicorn with the project's config on a free port; killed however the test ends."""
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(ROOT),
        # The home page needs no database; the test settings serve static files unhashed.
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": "sqlite://:memory:",
        "WEB_CONCURRENCY": str(WORKERS),
    }
    command = [GUNICORN, "backcare.wsgi", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        [*command, *extra],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        wait_until_up(process, port)
        yield port
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        process.stderr.close()


def wait_until_up(process: subprocess.Popen, port: int) -> None:
    # A few answers, so both workers have most likely booted before the tricklers come.
    deadline = time.monotonic() + 15
    answered = 0
    while answered < 2 * WORKERS:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited: {process.stderr.read().decode()[-2000:]}")
        if time.monotonic() > deadline:
            pytest.fail("gunicorn did not answer")
        try:
            answered += get_home(port, timeout=2) == 200
        except OSError:
            time.sleep(0.1)


def get_home(port: int, timeout: float) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", "/")
        return connection.getresponse().status
    finally:
        connection.close()


def trickling_client(port: int) -> socket.socket:
    """A client that sends the start of its headers and then (almost) nothing more."""
    client = socket.create_connection(("127.0.0.1", port))
    client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    return client


def home_status_beside_tricklers(port: int) -> int:
    with ExitStack() as stack:
        for _ in range(TRICKLERS):
            stack.enter_context(trickling_client(port))
        time.sleep(0.5)  # every trickler is taken up by a worker before the real visitor
        return get_home(port, timeout=2)


def test_slow_clients_do_not_stop_a_normal_visitor_being_served():
    with gunicorn() as port:
        assert home_status_beside_tricklers(port) == 200


def test_the_same_slow_clients_stall_plain_sync_workers():
    # The check that the test above would catch the audit's finding: two sync workers
    # (gunicorn's default) are each held by a trickler until `timeout`. One thread, or
    # gunicorn quietly runs gthread workers instead.
    sync = ("--worker-class", "sync", "--threads", "1")
    with gunicorn(*sync) as port, pytest.raises(TimeoutError):
        home_status_beside_tricklers(port)


def test_a_request_with_too_many_headers_is_refused_before_django():
    with gunicorn() as port:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.putrequest("GET", "/")
        for n in range(60):
            connection.putheader(f"X-Filler-{n}", "x")
        connection.endheaders()
        assert connection.getresponse().status == 431  # Request Header Fields Too Large
        connection.close()
