"""`make bench`: generate the data, serve it with gunicorn, load it with locust, write RESULTS.md.

    python -m bench.run [--users 1000] [--days 365] [--no-generate] [--no-pool]

Everything raw (locust JSON and logs, query counts, memory) goes to bench/RESULTS.raw/.
gunicorn is stopped however the run ends.
"""

import argparse
import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.generate import DATABASE_URL

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "bench" / "RESULTS.raw"
BIN = Path(sys.executable).parent
WORKERS = 2
LOAD_AVERAGES: list[float] = []  # the machine's, as each locust phase starts
Phase = dict[str, Any]

PAGES = ("bare", "today", "log", "dashboard", "history", "catalog", "exercise")
# Each page alone, as many requests as the server can answer: throughput against the bare page.
# The pages take turns, round after round, so a busy moment on the machine hits all alike.
CEILING: Phase = {"users": 8, "seconds": 10, "rounds": 3}
# Two users, one per worker, visiting each page as a 2-week and as a 2-year user in turn.
GROWTH: Phase = {"users": 2, "seconds": 60, "pages": "today,log,dashboard,history"}
# The day's mix at 50 concurrent users with a second of thought between pages.
MIXED: Phase = {
    "users": 50,
    "spawn_rate": 10,
    "seconds": 90,
    "pages": "today:4,log:2,dashboard:2,history:1,catalog:1,exercise:1,bare:1",
    "wait": "0.5-1.5",
}
# Database connections from psycopg's pool (production's default) against a connection kept
# by each thread (DATABASE_POOL=false): two servers, the pages as in the throughput phase, the
# two servers taking turns round after round.
CONNECTIONS: Phase = {"users": 8, "seconds": 10, "rounds": 2, "pages": ("bare", "today", "log")}
POOLED = {"pool": {}, "persistent": {"DATABASE_POOL": "false"}}


def say(message: str) -> None:
    print(f"bench: {message}", flush=True)


# The cache shared by the workers (rate limits), as production runs it with REDIS_URL.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_answers() -> bool:
    """False when no Redis answers: each worker then keeps its own cache in memory."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except redis.RedisError:
        return False
    return True


def environment(cache: bool) -> dict[str, str]:
    """Production settings over plain HTTP, plus the bench's own (bench/settings.py)."""
    return (
        os.environ
        | ({"REDIS_URL": REDIS_URL} if cache else {})
        | {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DJANGO_DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_SECURE_COOKIES": "false",
            "DATABASE_URL": DATABASE_URL,
            "BENCH_DATABASE_URL": DATABASE_URL,
            "PYTHONPATH": str(ROOT),
        }
    )


def run(env: dict, *args, log: Path | None = None) -> int:
    """Run a step; its output goes to `log` when given, else to the terminal."""
    out = open(log, "w") if log else None  # noqa: SIM115 - closed below
    try:
        return subprocess.run(  # noqa: S603 - our own commands
            args, cwd=ROOT, env=env, stdout=out, stderr=out, check=False
        ).returncode
    finally:
        if out:
            out.close()


def step(env: dict, *args, log: Path | None = None) -> None:
    if code := run(env, *args, log=log):
        raise SystemExit(f"bench: {' '.join(map(str, args))} failed ({code}); see {log or 'above'}")


def postgres_ready() -> bool:
    ready = subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"], check=False)  # noqa: S607
    return ready.returncode == 0


def ensure_postgres() -> None:
    if postgres_ready():
        return
    version = next(Path("/etc/postgresql").iterdir()).name
    start = ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"]
    subprocess.run(start, check=True)  # noqa: S603, S607
    for _ in range(30):
        if postgres_ready():
            return
        time.sleep(1)
    raise SystemExit("bench: PostgreSQL did not start")


@contextmanager
def gunicorn(env: dict, name: str = "gunicorn"):
    """gunicorn as production runs it (gunicorn.conf.py) with WORKERS workers, on a free port,
    in its own process group, logging to RAW/<name>.log; yields it and its URL.

    Stopped whatever happens: an error, Ctrl-C or a SIGTERM.
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = open(RAW / f"{name}.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(  # noqa: S603 - our own command
        [BIN / "gunicorn", "backcare.wsgi", "-c", "gunicorn.conf.py", "--bind",
         f"127.0.0.1:{port}"],
        cwd=ROOT, env=env | {"WEB_CONCURRENCY": str(WORKERS)}, stdout=log, stderr=log,
        start_new_session=True,
    )  # fmt: skip

    try:
        wait_until_up(process, port, RAW / f"{name}.log")
        yield process, f"http://127.0.0.1:{port}"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log.close()
        say(f"{name} stopped")


def wait_until_up(process: subprocess.Popen, port: int, log: Path) -> None:
    """Up when the bare page sends an anonymous visitor to log in."""
    for _ in range(100):
        if process.poll() is not None:
            raise SystemExit(f"bench: gunicorn exited; see {log}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/bench/bare/")
            status = connection.getresponse().status
        except OSError:
            time.sleep(0.2)
            continue
        finally:
            connection.close()
        if status != 302:
            raise SystemExit(f"bench: /bench/bare/ answered {status}, not a log-in redirect")
        return
    raise SystemExit("bench: gunicorn did not answer")


def worker_memory(master: int) -> dict[str, int]:
    """Peak resident memory (VmHWM, kB) of each worker gunicorn forked."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    peaks = {}
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks[pid] = int(line.split()[1])
    return peaks


def locust(env: dict, host: str, name: str, *, users: int, seconds: int, pages: str, groups="crowd",
           wait="0", spawn_rate: float | None = None) -> None:  # fmt: skip
    env = env | {
        "BENCH_ACCOUNTS": str(RAW / "accounts.json"),
        "BENCH_PAGES": pages,
        "BENCH_GROUPS": groups,
        "BENCH_WAIT": wait,
    }
    say(f"locust {name}: {users} users, {seconds} s, pages {pages}, accounts {groups}")
    LOAD_AVERAGES.append(os.getloadavg()[0])
    run(
        env, BIN / "locust", "-f", "bench/locustfile.py", "--headless", "--only-summary",
        "--host", host, "--users", str(users), "--spawn-rate", str(spawn_rate or users),
        "--run-time", f"{seconds}s", "--reset-stats", "--stop-timeout", "10",
        "--json-file", RAW / name, "--csv", RAW / name, log=RAW / f"{name}.log",
    )  # fmt: skip
    # Failed requests are results; a locust that did not run at all is not.
    if not (RAW / f"{name}.json").exists():
        raise SystemExit(f"bench: locust {name} wrote no results; see {RAW / f'{name}.log'}")


def load(env: dict, host: str) -> None:
    locust(env, host, "warmup", users=4, seconds=10, pages=",".join(PAGES), groups="crowd,2w,2y")
    for n in range(1, CEILING["rounds"] + 1):
        for page in PAGES:
            locust(env, host, f"ceiling-{page}-{n}", users=CEILING["users"],
                   seconds=CEILING["seconds"], pages=page)  # fmt: skip
    locust(env, host, "growth", users=GROWTH["users"], seconds=GROWTH["seconds"],
           pages=GROWTH["pages"], groups="2w,2y")  # fmt: skip
    locust(env, host, "mixed", users=MIXED["users"], spawn_rate=MIXED["spawn_rate"],
           seconds=MIXED["seconds"], pages=MIXED["pages"], wait=MIXED["wait"])  # fmt: skip


def compare_connections(env: dict, hosts: dict[str, str]) -> None:
    """The same pages on the pooled and on the persistent server, taking turns."""
    for n in range(1, CONNECTIONS["rounds"] + 1):
        for page in CONNECTIONS["pages"]:
            for mode, host in hosts.items():
                locust(env, host, f"connections-{mode}-{page}-{n}", users=CONNECTIONS["users"],
                       seconds=CONNECTIONS["seconds"], pages=page)  # fmt: skip


def interrupted(*_) -> None:
    # As Ctrl-C does: unwinds through `finally`, so every step's process is stopped.
    raise SystemExit("bench: interrupted")


def main(argv: list[str] | None = None) -> None:
    signal.signal(signal.SIGTERM, interrupted)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--no-generate", action="store_true", help="reuse the bench database")
    parser.add_argument(
        "--no-pool",
        action="store_true",
        help="serve the main phases with persistent connections instead of psycopg's pool",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    RAW.mkdir(parents=True, exist_ok=True)
    for old in RAW.iterdir():  # a reused database keeps the description of its data
        if not (args.no_generate and old.name == "data.json"):
            old.unlink()
    ensure_postgres()
    shared_cache = redis_answers()
    env = environment(shared_cache)
    py = BIN / "python"
    if not args.no_generate:
        say(f"generating {args.users} users × {args.days} days")
        step(env, py, "-m", "bench.generate", "--users", str(args.users), "--days",
             str(args.days), "--manifest", RAW / "data.json")  # fmt: skip
    step(env, py, "manage.py", "collectstatic", "--no-input", "-v0")
    step(env, py, "-m", "bench.signin", RAW / "accounts.json")
    say("counting queries per request")
    step(env, py, "-m", "bench.queries", RAW / "queries.json", log=RAW / "queries.log")
    main_mode = "persistent" if args.no_pool else "pool"
    with gunicorn(env | POOLED[main_mode]) as (server, host):
        load(env, host)
        memory = worker_memory(server.pid)
    say("psycopg's pool against persistent connections")
    with (
        gunicorn(env | POOLED["pool"], "gunicorn-pool") as (_, pooled),
        gunicorn(env | POOLED["persistent"], "gunicorn-persistent") as (_, persistent),
    ):
        compare_connections(env, {"pool": pooled, "persistent": persistent})
    (RAW / "run.json").write_text(
        json.dumps(
            {
                "finished": datetime.now(UTC).isoformat(timespec="seconds"),
                "minutes": round((time.monotonic() - started) / 60, 1),
                "cores": os.cpu_count(),
                "workers": WORKERS,
                "cache": "redis" if shared_cache else "in-memory, per worker",
                "connections": main_mode,
                "pages": PAGES,
                "ceiling": CEILING,
                "growth": GROWTH,
                "mixed": MIXED,
                "connections_phase": CONNECTIONS,
                "worker_peak_kb": memory,
                "load_averages": LOAD_AVERAGES,
            },
            indent=2,
        )
    )
    step(env, py, "-m", "bench.report", RAW, ROOT / "bench" / "RESULTS.md")
    say(f"done in {(time.monotonic() - started) / 60:.1f} min: bench/RESULTS.md")


if __name__ == "__main__":
    main()
