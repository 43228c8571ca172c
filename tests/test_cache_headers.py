"""No browser or shared cache keeps a page with health data; browser features are fenced off."""

from datetime import date

import pytest
import time_machine
from django.test import Client

from progress.models import SessionLog
from tests.logging_helpers import log_session

pytestmark = pytest.mark.django_db
MON = date(2026, 3, 2)
MON_EVENING = "2026-03-02 18:00 +00:00"  # after that morning's session, before any check-in

HEALTH_PAGES = [
    "/today/",
    "/sessions/new/?key=8f0f3a5e-5c4b-4a4e-9a8e-3d1f2b6c7a90",
    "/checkin/",
    "/plan/",
    "/progress/",
    "/progress/history/",
    "/progress/report/",
    "/progress/psfs/",
    "/accounts/profile/",
]


@pytest.fixture
def alice_session(alice_client, alice_plan):
    log_session(alice_client, alice_plan, day=MON, pain=3, ease=4)
    return SessionLog.objects.get(user=alice_plan.user)


def pages_of(session):
    return [*HEALTH_PAGES, f"/progress/history/{session.pk}/", f"/sessions/{session.pk}/edit/"]


def test_every_page_a_signed_in_user_sees_is_never_stored(alice, alice_session):
    with time_machine.travel(MON_EVENING, tick=False):
        client = Client()  # a fresh session: the morning's has gone idle
        client.force_login(alice)
        responses = {url: client.get(url) for url in pages_of(alice_session)}
    for url, response in responses.items():
        assert response.status_code == 200, url
        cache_control = response.headers.get("Cache-Control", "")
        assert "no-store" in cache_control and "private" in cache_control, url


def test_public_pages_for_anonymous_visitors_may_be_cached(client):
    assert "no-store" not in client.get("/").headers.get("Cache-Control", "")


def test_the_503_page_of_a_database_outage_is_never_stored(alice_client, alice_plan, monkeypatch):
    from django.db import OperationalError

    def outage(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr("progress.views.plan.today_page", outage)
    alice_client.raise_request_exception = False
    response = alice_client.get("/today/")
    assert response.status_code == 503
    assert "no-store" in response.headers["Cache-Control"]


@pytest.mark.parametrize("client_kind", ["anonymous", "signed in"])
def test_unused_browser_features_are_turned_off(client_kind, client, alice):
    if client_kind == "signed in":
        client.force_login(alice)
    policy = client.get("/").headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy
    assert "screen-wake-lock=(self)" in policy
