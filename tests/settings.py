"""Test settings: production settings with the few changes tests need."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-production")
# Tests send e-mail to the locmem backend (below); this only lets production settings load.
os.environ.setdefault("DJANGO_EMAIL_BACKEND", "console")
# On PostgreSQL, tests/test_concurrency.py holds a pooled connection per thread for a whole
# test (the test client never hands a request's back): eight at once, plus the test's own.
os.environ.setdefault("DATABASE_POOL_MAX_SIZE", "12")

from backcare.settings import *  # noqa: E402, F403

# Tests run over plain HTTP against the test client and a live server.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Each test starts with empty caches (tests/conftest.py clears them), whatever REDIS_URL says.
# The catalog's pages are kept as in production (tests/conftest.py clears both caches).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "catalog": CACHES["catalog"],  # noqa: F405
}
# Tests travel days ahead with one signed-in client; tests/test_session_lifetime.py puts the
# production limits back where it tests them.
BACKCARE_SESSION_IDLE_MINUTES = BACKCARE_SESSION_MAX_HOURS = 10 * 365 * 24 * 60
SESSION_COOKIE_AGE = BACKCARE_SESSION_MAX_HOURS * 3600
# Tasks run in line, in the test's transaction (tests/test_worker.py runs a real worker).
HUEY = {**HUEY, "immediate": True}  # noqa: F405
