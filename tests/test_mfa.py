"""Two-factor log-in: TOTP codes, their replay, recovery codes, and the admin's requirement."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.test import Client

from tests.builders import PASSWORD
from tests.mfa_helpers import totp_code, with_totp

pytestmark = pytest.mark.django_db


def start_login(client, email="alice@example.com"):
    r = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert r.status_code == 302
    assert r.url == "/accounts/2fa/authenticate/"


def enter_code(client, code):
    return client.post("/accounts/2fa/authenticate/", {"code": code})


@pytest.fixture
def alice_mfa(alice):
    with_totp(alice)
    return RecoveryCodes.activate(alice).get_unused_codes()


def test_the_password_alone_does_not_log_in(alice_mfa):
    client = Client()
    start_login(client)
    assert "_auth_user_id" not in client.session
    assert client.get("/today/").url.startswith("/accounts/login/")


def test_a_right_code_logs_in(alice_mfa, alice):
    client = Client()
    start_login(client)
    r = enter_code(client, totp_code())
    assert r.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_a_wrong_code_is_refused_with_a_message_and_counts(alice_mfa):
    client = Client()
    start_login(client)
    wrong = f"{(int(totp_code()) + 1) % 1_000_000:06d}"
    r = enter_code(client, wrong)
    assert r.status_code == 200
    assert "Incorrect code." in r.content.decode()
    assert "_auth_user_id" not in client.session
    for _ in range(4):
        enter_code(client, wrong)
    # Five wrong codes lock the account's second step, even for the right code.
    r = enter_code(client, totp_code())
    assert "Too many failed log-in attempts" in r.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_code_cannot_be_used_twice(alice_mfa):
    code = totp_code()
    first = Client()
    start_login(first)
    assert enter_code(first, code).status_code == 302
    second = Client()
    start_login(second)
    r = enter_code(second, code)
    assert "Incorrect code." in r.content.decode()
    assert "_auth_user_id" not in second.session


def test_a_recovery_code_works_once(alice_mfa, alice):
    code = alice_mfa[0]
    client = Client()
    start_login(client)
    assert enter_code(client, code).status_code == 302
    again = Client()
    start_login(again)
    assert "Incorrect code." in enter_code(again, code).content.decode()
    assert "_auth_user_id" not in again.session
    assert (
        code
        not in RecoveryCodes(
            Authenticator.objects.get(user=alice, type="recovery_codes")
        ).get_unused_codes()
    )


def test_staff_without_two_factor_are_sent_to_set_it_up(client, django_user_model):
    staff = django_user_model.objects.create_superuser(email="root@example.com", password=PASSWORD)
    client.force_login(staff)
    r = client.get("/admin/", follow=True)
    hops = [url for url, _ in r.redirect_chain]
    assert any(url.startswith("/accounts/2fa/totp/activate/") for url in hops)
    assert "Turn on two-factor authentication to use the admin." in r.content.decode()
    assert client.get("/admin/accounts/user/").status_code == 302


def test_staff_with_two_factor_reach_the_admin(client, django_user_model):
    staff = django_user_model.objects.create_superuser(email="root@example.com", password=PASSWORD)
    with_totp(staff)
    start_login(client, "root@example.com")
    enter_code(client, totp_code())
    r = client.get("/admin/")
    assert r.status_code == 200
    assert "Site administration" in r.content.decode()
