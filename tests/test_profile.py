import pytest

pytestmark = pytest.mark.django_db


class TestProfile:
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
        assert "“Mars/Base” is not a time zone we know" in r.content.decode()
        assert b'value="Al"' in r.content
        assert b'value="Mars/Base"' in r.content
        alice.refresh_from_db()
        assert alice.time_zone == "Europe/London"

    def test_the_time_zone_is_a_searchable_box_not_a_long_list(self, alice_client):
        html = alice_client.get("/accounts/profile/").content.decode()
        assert 'name="time_zone"' in html and 'list="time-zones"' in html
        assert '<datalist id="time-zones">' in html and '<option value="Europe/London">' in html
        assert '<select name="time_zone"' not in html

    def test_a_zone_typed_with_spaces_is_understood(self, alice_client, alice):
        alice_client.post(
            "/accounts/profile/", {"display_name": "", "time_zone": "America/New York"}
        )
        alice.refresh_from_db()
        assert alice.time_zone == "America/New_York"


class TestPasswordChange:
    def test_it_changes_the_password(self, alice_client, alice):
        from tests.builders import PASSWORD

        r = alice_client.post(
            "/accounts/password/change/",
            {
                "oldpassword": PASSWORD,
                "password1": "a-brand-new-passphrase",
                "password2": "a-brand-new-passphrase",
            },
        )
        assert r.status_code == 302
        alice.refresh_from_db()
        assert alice.check_password("a-brand-new-passphrase")

    def test_a_short_new_password_is_refused_with_a_message(self, alice_client, alice):
        from tests.builders import PASSWORD

        r = alice_client.post(
            "/accounts/password/change/",
            {"oldpassword": PASSWORD, "password1": "Sh0rt-pass", "password2": "Sh0rt-pass"},
        )
        assert "at least 12 characters" in r.content.decode()
        alice.refresh_from_db()
        assert alice.check_password(PASSWORD)


class TestOtherBrowsers:
    def test_log_out_of_all_other_browsers(self, alice):
        from django.test import Client

        from tests.builders import PASSWORD

        def browser(agent):
            c = Client(HTTP_USER_AGENT=agent)
            c.post("/accounts/login/", {"login": "alice@example.com", "password": PASSWORD})
            return c

        phone, laptop, here = browser("phone"), browser("laptop"), browser("desk")
        page = here.get("/accounts/sessions/").content.decode()
        assert "phone" in page and "laptop" in page
        r = here.post("/accounts/sessions/", {"action": "logout"})
        assert r.status_code == 302
        assert here.get("/accounts/profile/").status_code == 200
        for other in (phone, laptop):
            assert other.get("/accounts/profile/").url.startswith("/accounts/login/")
