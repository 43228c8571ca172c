from datetime import timedelta

import pytest
import time_machine
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tests.builders import PASSWORD

pytestmark = pytest.mark.django_db


def log_in() -> Client:
    client = Client()
    client.post("/accounts/login/", {"login": "alice@example.com", "password": PASSWORD})
    return client


def test_it_purges_expired_sessions_and_their_browser_records(alice, settings):
    settings.SESSION_COOKIE_AGE = 12 * 3600
    with time_machine.travel(timezone.now() - timedelta(days=2)):
        log_in()
    current = log_in()
    # A record whose session is gone: the client address it holds is no longer needed.
    UserSession.objects.create(user=alice, session_key="gone", ip="203.0.113.9", user_agent="x")
    assert Session.objects.count() == 2
    call_command("purge_expired")
    assert Session.objects.get().session_key == current.session.session_key
    assert UserSession.objects.get().session_key == current.session.session_key
    assert current.get("/accounts/profile/").status_code == 200
