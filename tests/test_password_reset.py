import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def ask_reset(client, email="alice@example.com", **extra):
    return client.post("/accounts/password/reset/", {"email": email}, **extra)


class TestPasswordReset:
    def test_it_mails_a_working_link_to_a_known_address(self, client, alice):
        r = ask_reset(client)
        assert r.status_code == 302
        assert r.url == "/accounts/password/reset/done/"
        assert len(mail.outbox) == 1
        link = re.search(
            r"http://testserver(/accounts/password/reset/key/\S+)", mail.outbox[0].body
        )
        r = client.get(link.group(1), follow=True)
        new = "a-brand-new-passphrase"
        r = client.post(r.redirect_chain[-1][0], {"password1": new, "password2": new})
        assert r.status_code == 302
        alice.refresh_from_db()
        assert alice.check_password(new)

    def test_it_answers_an_unknown_address_exactly_as_a_known_one(self, client, alice):
        known = ask_reset(client)
        unknown = ask_reset(client, email="nobody@example.com")
        assert (unknown.status_code, unknown.url) == (known.status_code, known.url)
        assert [m.to for m in mail.outbox] == [["alice@example.com"]]

    def test_one_address_gets_three_reset_e_mails_an_hour(self, client, alice):
        """The audit sent 10 reset e-mails to one address in 10 requests."""
        for n in range(3):
            assert ask_reset(client, REMOTE_ADDR=f"198.51.100.{n}").status_code == 302
        r = ask_reset(client, email="ALICE@example.com", REMOTE_ADDR="198.51.100.9")
        assert r.status_code == 429
        assert "Too many attempts" in r.content.decode()
        assert len(mail.outbox) == 3

    def test_one_client_gets_ten_reset_requests_an_hour(self, client):
        for n in range(10):
            assert ask_reset(client, email=f"n{n}@example.com").status_code == 302
        r = ask_reset(client, email="n10@example.com")
        assert r.status_code == 429
        assert "Too many attempts" in r.content.decode()

    def test_an_old_style_reset_link_leads_to_a_new_request(self, client):
        r = client.get("/accounts/reset/MQ/abc-123/", follow=True)
        assert r.redirect_chain[-1][0] == "/accounts/password/reset/"
        assert "That reset link has expired" in r.content.decode()

    def test_old_paths_redirect_to_the_new_pages(self, alice_client):
        assert alice_client.get("/accounts/password_reset/").url == "/accounts/password/reset/"
        assert alice_client.get("/accounts/password_change/").url == "/accounts/password/change/"
