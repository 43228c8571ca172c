import pytest

pytestmark = pytest.mark.django_db


class TestHome:
    def test_it_invites_a_newcomer_to_sign_up(self, client):
        html = client.get("/").content.decode()
        assert "Sign up free" in html
        assert 'href="/accounts/signup/"' in html

    def test_it_shows_the_medical_notice(self, client):
        html = client.get("/").content.decode()
        assert "Not medical advice." in html
        assert "before you start" in html

    def test_navigation_matches_a_signed_in_user(self, alice_client):
        html = alice_client.get("/").content.decode()
        assert "Log out" in html
        assert "Sign up free" not in html

    def test_it_sends_a_content_security_policy_without_inline(self, client):
        csp = client.get("/").headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp
        assert "unsafe-inline" not in csp
