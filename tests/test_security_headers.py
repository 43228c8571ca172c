"""Security headers and HTTPS under the real production settings (not the test settings)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import json, django
django.setup()
from django.test import Client, override_settings
# Only the static files' hashed names differ: the probe runs without collectstatic.
override_settings(STORAGES={
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}).enable()
c = Client()
plain = c.get("/")
secure = c.get("/", secure=True)
login = c.get("/accounts/login/", secure=True)
print(json.dumps({
    "plain_status": plain.status_code, "plain_location": plain.get("Location"),
    "headers": dict(secure.headers),
    "csrf_cookie_secure": bool(login.cookies["csrftoken"]["secure"]),
}))
"""


@pytest.fixture(scope="module")
def production():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "backcare.settings",
        "DJANGO_DEBUG": "false",
        "SECRET_KEY": "a-production-like-secret-key-for-this-probe-only-0123456789",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": "sqlite://:memory:",
        "EMAIL_HOST": "smtp.example.org",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_plain_http_is_redirected_to_https(production):
    assert production["plain_status"] == 301
    assert production["plain_location"] == "https://testserver/"


def test_hsts_is_on(production):
    assert "max-age=31536000" in production["headers"]["Strict-Transport-Security"]


def test_the_content_security_policy_allows_only_our_own_files(production):
    csp = production["headers"]["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


@pytest.mark.parametrize(
    "header, value",
    [
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "same-origin"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ],
)
def test_the_other_security_headers(production, header, value):
    assert production["headers"][header] == value


def test_unused_browser_features_are_off(production):
    policy = production["headers"]["Permissions-Policy"]
    assert "camera=()" in policy and "microphone=()" in policy and "geolocation=()" in policy
    assert "screen-wake-lock=(self)" in policy


def test_cookies_are_secure(production):
    assert production["csrf_cookie_secure"]
