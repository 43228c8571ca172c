"""Log-in, log-out and the log-in limits (django-allauth with our settings)."""

import re

import pytest
from django.core import mail
from django.test import override_settings

from tests.builders import PASSWORD

pytestmark = pytest.mark.django_db
LOCKED = "Too many failed log-in attempts"


def post_login(client, login="alice@example.com", password=PASSWORD, **extra):
    return client.post("/accounts/login/", {"login": login, "password": password}, **extra)


class TestLogin:
    def test_it_logs_in_with_email_in_any_case(self, client, alice):
        r = post_login(client, login="Alice@Example.COM")
        assert r.status_code == 302
        assert r.url == "/today/"
        assert client.session["_auth_user_id"] == str(alice.pk)

    def test_it_rejects_a_wrong_password_and_keeps_the_address(self, client, alice):
        r = post_login(client, password="wrong")
        html = r.content.decode()
        assert r.status_code == 200
        assert "not correct" in html
        assert 'value="alice@example.com"' in html
        assert "_auth_user_id" not in client.session


class TestLockout:
    def test_five_failures_lock_the_account_whatever_the_letter_case(self, client, alice):
        """The audit: 8 case variants of one address gave 32 guesses; now 5 in all."""
        variants = ["alice@example.com", "Alice@example.com", "ALICE@EXAMPLE.COM",
                    " alice@Example.com ", "aLiCe@example.com"]  # fmt: skip
        for login in variants:
            assert LOCKED not in post_login(client, login=login, password="wrong").content.decode()
        for login in ["AlIcE@example.com", "alice@example.com"]:
            # Even the right password is refused, so a success cannot clear the lock.
            r = post_login(client, login=login)
            assert LOCKED in r.content.decode()
            assert "_auth_user_id" not in client.session

    def test_a_success_does_not_clear_earlier_failures(self, client, alice):
        for _ in range(4):
            post_login(client, password="wrong")
        assert post_login(client, login="ALICE@example.com").status_code == 302
        client.post("/accounts/logout/")
        # The fifth failure still locks: a success in between gave the guesser nothing.
        post_login(client, password="wrong")
        assert LOCKED in post_login(client).content.decode()

    def test_one_client_address_cannot_spray_many_accounts(self, client, django_user_model):
        """The audit tried 25 accounts from one IP with no lock; 15 failures an hour now."""
        for n in range(15):
            r = post_login(client, login=f"person{n}@example.com", password="wrong")
            assert LOCKED not in r.content.decode()
        django_user_model.objects.create_user(email="fresh@example.com", password=PASSWORD)
        r = post_login(client, login="fresh@example.com")
        assert LOCKED in r.content.decode()
        # Another client address is not affected.
        r = post_login(client, login="fresh@example.com", REMOTE_ADDR="198.51.100.7")
        assert r.status_code == 302

    def test_forwarded_for_is_ignored_unless_a_proxy_is_trusted(self, client, alice):
        for n in range(15):
            post_login(client, login=f"p{n}@example.com", password="x",
                       HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")  # fmt: skip
        # A spoofed header does not give the sprayer a new address.
        r = post_login(client, HTTP_X_FORWARDED_FOR="203.0.113.99")
        assert LOCKED in r.content.decode()

    @override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
    def test_behind_a_trusted_proxy_each_visitor_has_their_own_limit(self, client, alice):
        proxy = {"REMOTE_ADDR": "10.0.0.1"}
        for n in range(15):
            post_login(client, login=f"p{n}@example.com", password="x",
                       HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)  # fmt: skip
        # Alice comes through the same proxy from her own address and is let in.
        r = post_login(client, HTTP_X_FORWARDED_FOR="198.51.100.20", **proxy)
        assert r.status_code == 302
        assert r.url == "/today/"
        assert "Safety check before you exercise" in client.get(r.url, follow=True).content.decode()

    def test_a_locked_owner_can_reset_the_password_and_log_in(self, client, alice):
        for _ in range(5):
            post_login(client, password="wrong")
        assert LOCKED in post_login(client).content.decode()
        r = client.post("/accounts/password/reset/", {"email": "alice@example.com"})
        assert r.status_code == 302
        link = re.search(
            r"http://testserver(/accounts/password/reset/key/\S+)", mail.outbox[-1].body
        )
        r = client.get(link.group(1), follow=True)
        new = "a-brand-new-passphrase"
        r = client.post(r.redirect_chain[-1][0], {"password1": new, "password2": new})
        assert r.status_code == 302
        r = post_login(client, password=new)
        assert r.status_code == 302
        assert client.session["_auth_user_id"] == str(alice.pk)


class TestAdminLogin:
    def test_the_admin_log_in_goes_through_the_same_limits(self, client, django_user_model):
        django_user_model.objects.create_superuser(email="root@example.com", password=PASSWORD)
        r = client.get("/admin/login/?next=/admin/")
        assert r.status_code == 302
        assert r.url.startswith("/accounts/login/")
        # Posting to the admin's own form cannot sidestep it either.
        r = client.post("/admin/login/", {"username": "root@example.com", "password": "x"})
        assert r.status_code == 302
        assert "_auth_user_id" not in client.session


class TestLogout:
    def test_it_logs_out_on_post(self, alice_client):
        r = alice_client.post("/accounts/logout/")
        assert r.status_code == 302
        assert "_auth_user_id" not in alice_client.session

    def test_get_asks_for_confirmation_and_keeps_the_session(self, alice_client):
        r = alice_client.get("/accounts/logout/")
        assert r.status_code == 200
        assert "_auth_user_id" in alice_client.session


class TestLoginBadInput:
    def test_an_over_long_email_is_refused_with_a_message(self, client, alice):
        r = post_login(client, login="a" * 1000 + "@example.com")
        assert r.status_code == 200
        assert "_auth_user_id" not in client.session
        assert "Enter a valid email address" in r.content.decode()
