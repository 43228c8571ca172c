"""Sign-up: one answer whether or not the address is taken, limits, and e-mail verification."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from tests.builders import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()


def post_signup(client, email="new@example.com", password1=PASSWORD, password2=PASSWORD, **kw):
    data = {"email": email, "password1": password1, "password2": password2}
    return client.post("/accounts/signup/", data, **kw)


def link_in(message) -> str:
    return re.search(r"http://testserver(/accounts/confirm-email/\S+)", message.body).group(1)


class TestSignup:
    def test_it_shows_the_form(self, client):
        r = client.get("/accounts/signup/")
        assert r.status_code == 200
        assert b'name="email"' in r.content

    def test_it_creates_the_account_and_sends_a_verification_link(self, client):
        r = post_signup(client, email="New@Example.com")
        assert r.status_code == 302
        assert r.url == "/accounts/confirm-email/"
        user = User.objects.get()
        assert user.email == "new@example.com"
        assert user.check_password(PASSWORD)
        assert not EmailAddress.objects.get(user=user).verified
        [message] = mail.outbox
        assert message.to == ["new@example.com"]
        assert "/accounts/confirm-email/" in message.body
        page = client.get(r.url).content.decode()
        assert "Check your inbox" in page

    def test_an_existing_address_gets_the_same_answer_and_its_owner_an_e_mail(self, client, alice):
        new = post_signup(client, email="someone@example.com")
        new_page = client.get(new.url).content.decode().replace("someone@", "X@")
        client.logout()
        taken = post_signup(client, email="ALICE@example.com")
        assert (taken.status_code, taken.url) == (new.status_code, new.url)
        assert client.get(taken.url).content.decode().replace("alice@", "X@") == new_page
        assert User.objects.filter(email__iexact="alice@example.com").count() == 1
        owner_mail = mail.outbox[-1]
        assert owner_mail.to == ["alice@example.com"]
        assert "You already have an account" in owner_mail.body
        assert "/accounts/password/reset/" in owner_mail.body

    def test_it_rejects_a_malformed_email_and_keeps_it(self, client):
        r = post_signup(client, email="not-an-email")
        assert "Enter a valid email address." in r.content.decode()
        assert b'value="not-an-email"' in r.content
        assert not User.objects.exists()

    def test_it_rejects_a_weak_password(self, client):
        r = post_signup(client, password1="password", password2="password")
        assert "This password is too common." in r.content.decode()
        assert b'value="new@example.com"' in r.content
        assert b'value="password"' not in r.content
        assert not User.objects.exists()

    def test_a_password_needs_twelve_characters(self, client):
        r = post_signup(client, password1="Kx7#mQ2vLp9", password2="Kx7#mQ2vLp9")
        assert "at least 12 characters" in r.content.decode()
        assert not User.objects.exists()
        assert (
            post_signup(client, password1="Kx7#mQ2vLp9z", password2="Kx7#mQ2vLp9z").status_code
            == 302
        )

    def test_it_rejects_mismatched_passwords(self, client):
        r = post_signup(client, password2=PASSWORD + "x")
        assert "same password" in r.content.decode()
        assert not User.objects.exists()

    def test_errors_are_tied_to_their_fields(self, client):
        r = post_signup(client, email="nope")
        html = r.content.decode()
        assert "is-invalid" in html
        assert 'id="error_1_id_email"' in html

    def test_it_sends_signed_in_users_on(self, alice_client):
        r = alice_client.get("/accounts/signup/")
        assert r.status_code == 302
        assert r.url == "/today/"
        page = alice_client.get(r.url, follow=True).content.decode()
        assert "Safety check before you exercise" in page

    def test_it_refuses_put(self, client):
        r = client.put("/accounts/signup/")
        assert not get_user_model().objects.exists()
        assert r.status_code in (200, 405)


class TestSignupLimits:
    def test_one_client_address_gets_ten_sign_ups_an_hour(self, client):
        for n in range(10):
            assert post_signup(client, email=f"n{n}@example.com").status_code == 302
            client.logout()
        r = post_signup(client, email="eleventh@example.com")
        assert r.status_code == 429
        assert "Too many attempts" in r.content.decode()
        assert not User.objects.filter(email="eleventh@example.com").exists()


class TestVerification:
    def test_the_link_verifies_and_logs_in(self, client):
        post_signup(client)
        link = link_in(mail.outbox[0])
        r = client.get(link)
        assert r.status_code == 200
        assert "Confirm" in r.content.decode()
        assert not EmailAddress.objects.get().verified  # a GET changes nothing
        r = client.post(link)
        assert r.status_code == 302
        assert EmailAddress.objects.get().verified
        assert client.session["_auth_user_id"] == str(User.objects.get().pk)

    def test_an_unverified_user_may_log_in_and_is_reminded(self, client):
        post_signup(client)
        r = client.post("/accounts/login/", {"login": "new@example.com", "password": PASSWORD})
        assert r.status_code == 302
        page = client.get("/accounts/profile/").content.decode()
        assert "Please confirm your e-mail address" in page

    def test_a_verified_user_is_not_reminded(self, client):
        post_signup(client)
        client.post(link_in(mail.outbox[0]))
        assert "Please confirm" not in client.get("/accounts/profile/").content.decode()

    def test_a_used_link_says_so_and_changes_nothing(self, client):
        post_signup(client)
        link = link_in(mail.outbox[0])
        client.post(link)
        client.logout()
        r = client.post(link, follow=True)
        assert "_auth_user_id" not in client.session
        assert "This link has expired, was used already" in r.content.decode()

    def test_an_expired_link_says_so(self, client):
        post_signup(client)
        link = link_in(mail.outbox[0])
        later = datetime.now(UTC) + timedelta(days=4)
        with time_machine.travel(later):
            r = client.post(link)
        assert r.status_code == 400
        assert "This link has expired" in r.content.decode()
        assert not EmailAddress.objects.get().verified

    def test_a_tampered_link_says_so(self, client):
        post_signup(client)
        link = link_in(mail.outbox[0])
        r = client.post(link[:-3] + "xyz/")
        assert r.status_code == 400
        assert "This link has expired" in r.content.decode()
        assert not EmailAddress.objects.get().verified

    def test_a_link_for_another_account_does_not_verify_it_for_the_signed_in_user(
        self, alice_client
    ):
        post_signup(Client(), email="carol@example.com")
        link = link_in(mail.outbox[0])
        r = alice_client.post(link)
        assert r.status_code == 400
        assert "This link is for another BackCare account" in r.content.decode()
        assert alice_client.session["_auth_user_id"] == str(
            User.objects.get(email="alice@example.com").pk
        )
        assert not EmailAddress.objects.filter(verified=True).exists()

    def test_bad_links_count_toward_a_limit(self, client):
        for _ in range(20):
            assert client.post("/accounts/confirm-email/nonsense/").status_code == 400
        r = client.post("/accounts/confirm-email/nonsense/")
        assert r.status_code == 429
        assert "Too many attempts" in r.content.decode()


class TestChangeAddress:
    def test_a_new_address_is_verified_before_it_is_used(self, client):
        post_signup(client)
        client.post(link_in(mail.outbox[0]))
        r = client.post("/accounts/email/", {"email": "moved@example.com", "action_add": ""})
        assert r.status_code == 302
        new = EmailAddress.objects.get(email="moved@example.com")
        assert not new.verified
        assert mail.outbox[-1].to == ["moved@example.com"]
        client.post(link_in(mail.outbox[-1]))
        new.refresh_from_db()
        assert new.verified


class TestTimeZoneAtSignup:
    def test_the_form_asks_for_it_with_the_script_that_fills_it_from_the_browser(self, client):
        html = client.get("/accounts/signup/").content.decode()
        assert "<div data-time-zone-ask>" in html and "data-time-zone" in html
        assert '<script type="module" src="/static/js/timezone.js">' in html

    def test_the_zone_given_is_kept(self, client):
        client.post(
            "/accounts/signup/",
            {
                "email": "tz@example.com",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "time_zone": "America/Toronto",
            },
        )
        assert User.objects.get(email="tz@example.com").time_zone == "America/Toronto"

    def test_without_one_it_is_utc(self, client):
        post_signup(client, email="plain@example.com")
        assert User.objects.get(email="plain@example.com").time_zone == "UTC"

    def test_an_unknown_zone_is_explained_and_nothing_is_created(self, client):
        r = client.post(
            "/accounts/signup/",
            {
                "email": "tz@example.com",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "time_zone": "Mars/Base",
            },
        )
        html = r.content.decode()
        assert "“Mars/Base” is not a time zone we know" in html
        assert 'value="tz@example.com"' in html and 'value="Mars/Base"' in html
        assert not User.objects.filter(email="tz@example.com").exists()
