"""E-mail fails closed: production never prints password-reset links into the server's log."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "PATH": "/usr/bin:/bin",
    "DJANGO_DEBUG": "false",
    "SECRET_KEY": "a-production-like-secret-key-for-this-probe-only-0123456789",
}
SMTP = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE = "django.core.mail.backends.console.EmailBackend"


def load_settings(**env: str) -> subprocess.CompletedProcess:
    """Import the real settings under `env`; prints the e-mail backend they chose."""
    return subprocess.run(
        [sys.executable, "-c", "import backcare.settings as s; print(s.EMAIL_BACKEND)"],
        env=PRODUCTION | env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def email_backend(**env: str) -> str:
    result = load_settings(**env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_without_an_smtp_host_refuses_to_start():
    result = load_settings()
    assert result.returncode != 0
    assert "EMAIL_HOST must be set" in result.stderr
    assert "DJANGO_EMAIL_BACKEND=console" in result.stderr


def test_production_with_an_smtp_host_sends_by_smtp():
    assert email_backend(EMAIL_HOST="smtp.example.org") == SMTP


def test_the_console_can_be_chosen_explicitly():
    assert email_backend(DJANGO_EMAIL_BACKEND="console") == CONSOLE


def test_a_file_backend_can_be_chosen_for_a_test_to_read():
    assert email_backend(DJANGO_EMAIL_BACKEND="file") == (
        "django.core.mail.backends.filebased.EmailBackend"
    )


def test_development_prints_e_mails_to_the_console():
    assert email_backend(DJANGO_DEBUG="true") == CONSOLE


@pytest.mark.parametrize("env", [{"DJANGO_EMAIL_BACKEND": "smtp"}, {"DJANGO_EMAIL_BACKEND": "x"}])
def test_a_wrong_e_mail_setting_stops_the_start_up(env):
    result = load_settings(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
