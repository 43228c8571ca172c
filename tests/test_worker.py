"""The worker as a real, separate process (`manage.py run_huey`) on PostgreSQL and Redis:
the reminder job it is handed finds a reminder due, and the e-mail arrives once, written by
Django's file backend where this test reads it.

Runs when DATABASE_URL names PostgreSQL and REDIS_URL is set; CI's PostgreSQL run sets both
and must not skip it.
"""

import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from backcare.mail.tasks import HUEY
from progress.models import ReminderSettings, SentReminder
from progress.tasks import send_reminders
from tests import builders

ROOT = Path(__file__).resolve().parents[1]
REDIS_URL = os.environ.get("REDIS_URL", "")
ON_POSTGRES_AND_REDIS = bool(REDIS_URL) and connection.vendor == "postgresql"

if not ON_POSTGRES_AND_REDIS and os.environ.get("CI") and connection.vendor == "postgresql":
    raise pytest.UsageError("CI's PostgreSQL run must set REDIS_URL: the worker test needs it.")

pytestmark = pytest.mark.skipif(
    not ON_POSTGRES_AND_REDIS, reason="the worker is tested on PostgreSQL with Redis"
)


@pytest.fixture
def queue():
    """This process puts tasks on the Redis queue instead of running them in line."""
    HUEY.immediate = False
    HUEY.flush()
    yield HUEY
    HUEY.flush()
    HUEY.immediate = True


@pytest.fixture
def worker(tmp_path, queue):
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "backcare.settings",
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": REDIS_URL,
        "DJANGO_EMAIL_BACKEND": "file",
        "EMAIL_FILE_PATH": str(tmp_path),
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_huey", "--workers", "2", "--no-periodic"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield tmp_path
    process.terminate()
    _, errors = process.communicate(timeout=20)
    assert "Traceback" not in errors, errors


def arrived(folder: Path, count: int, within: float = 30.0) -> list[str]:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        files = sorted(folder.glob("*.log"))
        if len(files) >= count:
            return [f.read_text() for f in files]
        time.sleep(0.2)
    return [f.read_text() for f in sorted(folder.glob("*.log"))]


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_a_due_reminder_once(worker):
    alice = builders.verified(builders.user("alice@example.com", time_zone="Asia/Kolkata"))
    now = timezone.now()
    builders.reminders(
        alice,
        at=now.astimezone(alice.zone).time().replace(second=0, microsecond=0),
        when=now - timedelta(minutes=2),
    )
    send_reminders()  # what the scheduler enqueues every minute
    [sent] = arrived(worker, 1)
    assert "To: alice@example.com" in sent
    assert "Subject: Time for your back-care practice" in sent
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in sent
    # The next minute's run, or a second scheduler's, finds it sent.
    send_reminders()
    send_reminders()
    time.sleep(3)
    assert len(arrived(worker, 2, within=1)) == 1
    assert SentReminder.objects.filter(user=alice).count() == 1
    assert ReminderSettings.objects.get(user=alice).practice
