"""Signed-in sessions end after 30 idle minutes and 12 hours in all (the production defaults)."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client, override_settings
from django.utils import timezone

from tests.builders import PASSWORD

pytestmark = pytest.mark.django_db
PRODUCTION_LIMITS = override_settings(
    BACKCARE_SESSION_IDLE_MINUTES=30, BACKCARE_SESSION_MAX_HOURS=12, SESSION_COOKIE_AGE=12 * 3600
)


@pytest.fixture
def signed_in(alice):
    with PRODUCTION_LIMITS, time_machine.travel(timezone.now(), tick=False) as clock:
        client = Client()
        client.post("/accounts/login/", {"login": "alice@example.com", "password": PASSWORD})
        yield client, clock


def test_half_an_hour_without_a_request_logs_out(signed_in):
    client, clock = signed_in
    clock.shift(timedelta(minutes=29))
    assert client.get("/accounts/profile/").status_code == 200
    clock.shift(timedelta(minutes=31))
    r = client.get("/accounts/profile/", follow=True)
    assert r.redirect_chain[0][0].startswith("/accounts/login/?next=/accounts/profile/")
    assert "logged out after a while without activity" in r.content.decode()
    assert "_auth_user_id" not in client.session


def test_activity_keeps_a_session_only_until_its_lifetime_ends(signed_in):
    client, clock = signed_in
    for _ in range(23):  # a request every 25 minutes for 9.6 hours
        clock.shift(timedelta(minutes=25))
        assert client.get("/accounts/profile/").status_code == 200
    for _ in range(6):
        clock.shift(timedelta(minutes=25))
        client.get("/accounts/profile/")
    assert client.get("/accounts/profile/").status_code == 302
    assert "_auth_user_id" not in client.session
