"""The Makefile's commands as a newcomer types them: `make -n` prints what would run."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def dry_run(*args: str) -> list[str]:
    """The command lines `make -n` prints, without running any of them."""
    # Without the caller's PORT or superuser variables, as on a newcomer's shell.
    env = {k: v for k, v in os.environ.items() if k != "PORT" and not k.startswith("DJANGO_")}
    result = subprocess.run(
        ["make", "-n", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


def test_run_serves_on_the_port_asked_for():
    serve = [line for line in dry_run("run", "PORT=8300") if "runserver" in line]
    assert len(serve) == 1
    assert "runserver 127.0.0.1:8300" in serve[0]
    assert "DJANGO_DEBUG=true" in serve[0]


def test_run_serves_on_8000_by_default():
    assert any("runserver 127.0.0.1:8000" in line for line in dry_run("run"))


def test_run_hints_name_the_same_port():
    hints = [line for line in dry_run("run", "PORT=8300") if line.startswith("echo")]
    assert any("http://127.0.0.1:8300" in line for line in hints)
    assert any("make superuser PORT=8300" in line for line in hints)


def test_superuser_runs_createsuperuser_in_the_dev_environment():
    create = [line for line in dry_run("superuser") if "createsuperuser" in line]
    assert len(create) == 1
    assert "DJANGO_DEBUG=true" in create[0]
    assert "manage.py createsuperuser" in create[0]


def test_superuser_says_how_to_reach_the_admin():
    hints = " ".join(line for line in dry_run("superuser") if line.startswith("echo"))
    assert "Send the link again" in hints
    assert "two-factor" in hints
    assert "http://127.0.0.1:8000/admin/" in hints


def test_demo_says_what_to_run_next():
    hints = " ".join(line for line in dry_run("demo") if line.startswith("echo"))
    assert "make run" in hints
    assert "demo@backcare.example" in hints
