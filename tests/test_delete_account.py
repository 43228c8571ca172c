import pytest
from allauth.usersessions.models import UserSession
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client

from backcare.mail.models import Email
from progress.models import ReminderSettings
from tests import builders
from tests.builders import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()


class TestDeleteAccount:
    def test_it_asks_for_the_password(self, alice_client):
        r = alice_client.get("/accounts/delete/")
        assert b'name="password"' in r.content

    def test_a_wrong_password_deletes_nothing(self, alice_client, alice):
        r = alice_client.post("/accounts/delete/", {"password": "wrong"})
        assert r.status_code == 200
        assert "That password is not right. Nothing was deleted." in r.content.decode()
        assert User.objects.filter(pk=alice.pk).exists()

    def test_it_deletes_the_account_and_logs_out(self, alice_client, alice, bob):
        r = alice_client.post("/accounts/delete/", {"password": PASSWORD})
        assert r.status_code == 302
        assert not User.objects.filter(pk=alice.pk).exists()
        assert User.objects.filter(pk=bob.pk).exists()
        assert "_auth_user_id" not in alice_client.session

    def test_it_removes_reminders_and_e_mails_still_queued_for_the_address(
        self, alice_client, alice, bob
    ):
        builders.reminders(alice)
        for to in ("alice@example.com", "bob@example.com"):
            Email.objects.create(to=to, kind="reminder: practice", subject="s", from_email="f")
        alice_client.post("/accounts/delete/", {"password": PASSWORD})
        assert not ReminderSettings.objects.exists()
        assert list(Email.objects.values_list("to", flat=True)) == ["bob@example.com"]


def logged_in_client(email="alice@example.com", **extra) -> Client:
    client = Client(**extra)
    r = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert r.status_code == 302
    return client


class TestDeleteLeavesNothing:
    def test_it_ends_the_accounts_other_sessions(self, alice):
        phone = logged_in_client(HTTP_USER_AGENT="phone")
        laptop = logged_in_client(HTTP_USER_AGENT="laptop")
        assert phone.get("/accounts/profile/").status_code == 200
        laptop.post("/accounts/delete/", {"password": PASSWORD})
        r = phone.get("/accounts/profile/")
        assert r.status_code == 302
        assert r.url.startswith("/accounts/login/")
        assert not UserSession.objects.exists()
        assert not Session.objects.exists()

    def test_it_forgets_the_addresses_failed_log_ins(self, alice):
        client = Client()
        for _ in range(4):
            client.post("/accounts/login/", {"login": "alice@example.com", "password": "x"})
        assert [key for key in cache._cache if "login_failed" in key]
        logged_in_client().post("/accounts/delete/", {"password": PASSWORD})
        assert not [key for key in cache._cache if "login_failed" in key]
