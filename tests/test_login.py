import pytest
from django.test import override_settings

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def post_login(client, username="alice@example.com", password=PASSWORD):
    return client.post("/accounts/login/", {"username": username, "password": password})


class TestLogin:
    def test_it_logs_in_with_email_in_any_case(self, client, alice):
        r = post_login(client, username="Alice@Example.COM")
        assert r.status_code == 302
        assert r.url == "/today/"
        assert client.session["_auth_user_id"] == str(alice.pk)

    def test_it_rejects_a_wrong_password(self, client, alice):
        r = post_login(client, password="wrong")
        assert r.status_code == 200
        assert "Please enter a correct" in r.content.decode()
        assert "_auth_user_id" not in client.session

    @override_settings(AXES_FAILURE_LIMIT=3)
    def test_it_throttles_repeated_failures_with_a_clear_message(self, client, alice):
        for _ in range(2):
            assert post_login(client, password="wrong").status_code == 200
        r = post_login(client, password="wrong")
        assert r.status_code == 429
        assert "Too many failed log-in attempts" in r.content.decode()
        # Even the right password is refused while locked.
        r = post_login(client)
        assert r.status_code == 429
        assert "_auth_user_id" not in client.session


class TestLogout:
    def test_it_logs_out_on_post(self, alice_client):
        r = alice_client.post("/accounts/logout/")
        assert r.status_code == 302
        assert "_auth_user_id" not in alice_client.session

    def test_it_refuses_get(self, alice_client):
        assert alice_client.get("/accounts/logout/").status_code == 405
        assert "_auth_user_id" in alice_client.session


class TestLoginBadInput:
    def test_an_over_long_email_is_refused_before_authenticating(self, client, alice):
        from axes.models import AccessAttempt

        r = post_login(client, username="a" * 1000 + "@example.com")
        assert r.status_code == 200
        assert "Ensure this value has at most 254 characters" in r.content.decode()
        assert not AccessAttempt.objects.exists()
