from datetime import date, timedelta

import pytest

from progress.models import CheckIn, Plan
from tests.logging_helpers import at_morning, check_in, log_session

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 2)


class TestCheckIn:
    def test_today_asks_for_it_the_morning_after_a_session(self, alice_client, alice_plan):
        log_session(alice_client, alice_plan, day=DAY)
        with at_morning(DAY):
            assert "Check in" not in alice_client.get("/today/").content.decode()
        with at_morning(DAY + timedelta(1)):
            assert "First, your morning check-in." in alice_client.get("/today/").content.decode()
        check_in(alice_client, day=DAY + timedelta(1), pain=2)
        with at_morning(DAY + timedelta(1)):
            assert (
                "First, your morning check-in." not in alice_client.get("/today/").content.decode()
            )

    def test_it_stores_this_mornings_pain_on_the_users_day(self, alice_client, alice):
        check_in(alice_client, day=DAY, pain=3)
        checkin = CheckIn.objects.get(user=alice)
        assert (checkin.day, checkin.morning_pain, checkin.red_flags) == (DAY, 3, [])

    def test_a_second_submit_the_same_morning_updates_it(self, alice_client, alice):
        check_in(alice_client, day=DAY, pain=3)
        check_in(alice_client, day=DAY, pain=4)
        assert CheckIn.objects.get(user=alice).morning_pain == 4

    @pytest.mark.parametrize("pain", ["11", "-1", "abc", ""])
    def test_bad_pain_is_explained_and_nothing_stored(self, alice_client, pain):
        with at_morning(DAY):
            r = alice_client.post("/checkin/", {"morning_pain": pain, "red_flags": ["fever"]})
        html = r.content.decode()
        assert "Pain is a whole number from 0 to 10." in html or "Choose a pain score" in html
        assert 'value="fever" checked' in html
        assert not CheckIn.objects.exists()

    def test_the_pain_scale_keeps_its_choice_and_hint_when_the_page_comes_back(self, alice_client):
        with at_morning(DAY):
            r = alice_client.post("/checkin/", {"morning_pain": "4", "red_flags": ["not-a-flag"]})
        html = r.content.decode()
        assert 'id="id_morning_pain_4" value="4" checked>' in html
        assert 'id="id_morning_pain_hint"' in html
        assert not CheckIn.objects.exists()

    def test_an_emergency_flag_pauses_the_plan_and_sends_to_the_emergency_department(
        self, alice_client, alice_plan
    ):
        r = check_in(alice_client, day=DAY, pain=5, flags=["saddle_numbness"])
        assert r.url == "/safety/outcome/"
        with at_morning(DAY):
            assert "Go to an emergency department now" in alice_client.get(r.url).content.decode()
            assert alice_client.get("/today/").url == "/safety/outcome/"
            assert alice_client.get("/sessions/new/").url == "/safety/outcome/"
        assert Plan.objects.get(pk=alice_plan.pk).paused_for_safety_at is not None

    def test_another_flag_says_see_a_doctor_until_a_clear_screen(self, alice_client, alice_plan):
        from tests.builders import clear_screen_answers

        r = check_in(alice_client, day=DAY, pain=2, flags=["fever"])
        with at_morning(DAY):
            assert "See a doctor before starting" in alice_client.get(r.url).content.decode()
        alice_client.post("/safety/", clear_screen_answers())
        assert Plan.objects.get(pk=alice_plan.pk).paused_for_safety_at is None
        with at_morning(DAY):
            assert alice_client.get("/today/").status_code == 200
