import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


class TestPasswordReset:
    def test_it_mails_a_working_link_to_a_known_address(self, client, alice):
        r = client.post("/accounts/password_reset/", {"email": "alice@example.com"})
        assert r.status_code == 302
        assert r.url == "/accounts/password_reset/done/"
        assert len(mail.outbox) == 1
        link = re.search(r"http://testserver(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
        r = client.get(link, follow=True)
        r = client.post(
            r.redirect_chain[-1][0],
            {"new_password1": "a-brand-new-passphrase", "new_password2": "a-brand-new-passphrase"},
        )
        assert r.status_code == 302
        alice.refresh_from_db()
        assert alice.check_password("a-brand-new-passphrase")

    def test_it_answers_an_unknown_address_exactly_as_a_known_one(self, client, alice):
        known = client.post("/accounts/password_reset/", {"email": "alice@example.com"})
        unknown = client.post("/accounts/password_reset/", {"email": "nobody@example.com"})
        assert (unknown.status_code, unknown.url) == (known.status_code, known.url)
        assert len(mail.outbox) == 1
