"""An export holds everything a person logged: it asks for the password again first."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.builders import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/progress/export.csv", "/progress/export.json"])
def test_an_export_asks_for_the_password_unless_it_was_just_given(alice_client, url):
    r = alice_client.get(url)
    assert r.status_code == 302
    assert r.url.startswith("/accounts/reauthenticate/")
    wrong = alice_client.post(r.url, {"password": "not-it"})
    assert wrong.status_code == 200
    assert "password" in wrong.content.decode().lower()
    r = alice_client.post(r.url, {"password": PASSWORD})
    assert r.status_code == 302
    assert r.url == url
    assert alice_client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert alice_client.get(url).url.startswith("/accounts/reauthenticate/")
