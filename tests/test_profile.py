import pytest

pytestmark = pytest.mark.django_db


class TestProfile:
    def test_it_requires_login(self, client):
        r = client.get("/accounts/profile/")
        assert r.status_code == 302
        assert r.url == "/accounts/login/?next=/accounts/profile/"

    def test_it_shows_the_profile(self, alice_client):
        r = alice_client.get("/accounts/profile/")
        assert "alice@example.com" in r.content.decode()
        assert b'value="Alice"' in r.content

    def test_it_saves_name_and_time_zone(self, alice_client, alice):
        r = alice_client.post(
            "/accounts/profile/", {"display_name": "Al", "time_zone": "America/New_York"}
        )
        assert r.status_code == 302
        alice.refresh_from_db()
        assert alice.display_name == "Al"
        assert alice.time_zone == "America/New_York"

    def test_it_rejects_an_unknown_time_zone(self, alice_client, alice):
        r = alice_client.post(
            "/accounts/profile/", {"display_name": "Al", "time_zone": "Mars/Base"}
        )
        assert r.status_code == 200
        assert "Select a valid choice" in r.content.decode()
        assert b'value="Al"' in r.content
        alice.refresh_from_db()
        assert alice.time_zone == "Europe/London"


class TestPasswordChange:
    def test_it_changes_the_password(self, alice_client, alice):
        from tests.conftest import PASSWORD

        r = alice_client.post(
            "/accounts/password_change/",
            {
                "old_password": PASSWORD,
                "new_password1": "a-brand-new-passphrase",
                "new_password2": "a-brand-new-passphrase",
            },
        )
        assert r.status_code == 302
        alice.refresh_from_db()
        assert alice.check_password("a-brand-new-passphrase")
