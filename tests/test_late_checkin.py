"""A missed morning is not a lost session: Today asks for it later, naming the day."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from progress.models import CheckIn, SafetyScreen, Suggestion
from tests.logging_helpers import at_morning, log_session

pytestmark = pytest.mark.django_db
MON, TUE, WED, THU, FRI, SAT = (date(2026, 3, 2) + timedelta(days=n) for n in range(6))


def today_html(client, day, hour=9):
    moment = datetime.combine(day, time(hour), tzinfo=ZoneInfo("Europe/London"))
    with time_machine.travel(moment, tick=False):
        return client.get("/today/").content.decode()


def late_check_in(client, *, after: date, on: date, pain=1, flags=()):
    with at_morning(on):
        return client.post(
            "/checkin/",
            {"after": after.isoformat(), "morning_pain": str(pain), "red_flags": list(flags)},
        )


def test_today_names_the_sessions_still_waiting_for_their_morning(alice_client, alice_plan):
    log_session(alice_client, alice_plan, day=MON)
    log_session(alice_client, alice_plan, day=TUE)
    html = today_html(alice_client, THU)
    assert "How did your back feel the morning after Tuesday's session?" in html
    assert "How did your back feel the morning after Monday's session?" in html
    assert html.index("after Tuesday") < html.index("after Monday")  # most recent first
    assert f'href="/checkin/?after={TUE.isoformat()}"' in html


def test_the_answer_is_stored_on_that_sessions_next_morning(alice_client, alice, alice_plan):
    log_session(alice_client, alice_plan, day=TUE)
    with at_morning(THU):
        page = alice_client.get(f"/checkin/?after={TUE.isoformat()}").content.decode()
    assert "how did your back feel the morning after Tuesday's session?" in page
    assert "Your pain that morning" in page
    r = late_check_in(alice_client, after=TUE, on=THU, pain=2)
    assert r.url == "/today/"
    checkin = CheckIn.objects.get(user=alice)
    assert (checkin.day, checkin.morning_pain) == (WED, 2)
    assert "morning after Tuesday" not in today_html(alice_client, THU)


def test_the_rules_use_a_late_morning_as_if_given_on_time(alice_client, alice_plan):
    log_session(alice_client, alice_plan, day=MON, pain=1, ease=4)
    log_session(alice_client, alice_plan, day=TUE, pain=1, ease=4)
    late_check_in(alice_client, after=MON, on=THU)
    late_check_in(alice_client, after=TUE, on=THU)
    open_actions = set(
        Suggestion.objects.filter(plan_exercise__plan=alice_plan, decision="open").values_list(
            "action", flat=True
        )
    )
    assert "progress" in open_actions


def test_a_morning_more_than_three_days_back_is_refused(alice_client, alice, alice_plan):
    log_session(alice_client, alice_plan, day=MON)
    assert "morning after Monday" not in today_html(alice_client, FRI)
    with at_morning(FRI):
        r = alice_client.post(
            "/checkin/", {"after": MON.isoformat(), "morning_pain": "2"}, follow=True
        )
    assert "That morning can no longer be recorded" in r.content.decode()
    assert not CheckIn.objects.filter(user=alice).exists()


@pytest.mark.parametrize("after", ["2026-03-03", "not-a-day"])
def test_a_day_without_a_session_is_refused(alice_client, alice, alice_plan, after):
    with at_morning(THU):
        r = alice_client.post("/checkin/", {"after": after, "morning_pain": "2"})
    assert r.url == "/today/"
    assert not CheckIn.objects.filter(user=alice).exists()


def test_the_greeting_fits_the_time_of_day(alice_client, alice_plan):
    log_session(alice_client, alice_plan, day=TUE)
    evening = datetime.combine(THU, time(19), tzinfo=ZoneInfo("Europe/London"))
    with time_machine.travel(evening, tick=False):
        page = alice_client.get(f"/checkin/?after={TUE.isoformat()}").content.decode()
    assert "Good evening — how did your back feel" in page
    with at_morning(WED):
        assert (
            "Good morning — how did your back settle?"
            in alice_client.get("/checkin/").content.decode()
        )


class TestReScreening:
    def test_the_check_in_lists_only_symptoms_that_can_appear(self, alice_client):
        with at_morning(TUE):
            page = alice_client.get("/checkin/").content.decode()
        assert "New loss of bladder or bowel control" in page
        assert "Fever or chills" in page
        assert "A significant fall or accident" in page
        assert "A history of cancer" not in page
        assert "first time after 50" not in page
        assert "Osteoporosis" not in page

    def test_my_symptoms_changed_is_offered_on_today_and_keeps_the_history(
        self, alice_client, alice, alice_plan
    ):
        assert 'href="/safety/changes/"' in today_html(alice_client, TUE)
        with at_morning(TUE):
            page = alice_client.get("/safety/changes/").content.decode()
            assert "A history of cancer" not in page and "Fever or chills" in page
            r = alice_client.post("/safety/changes/", {"appeared": ["fever"]})
        assert r.url == "/safety/outcome/"
        screen = SafetyScreen.objects.filter(user=alice).first()
        assert screen.outcome == "see_doctor"
        assert {k for k, yes in screen.answers.items() if yes} == {"fever"}
        assert alice_plan.__class__.objects.get(pk=alice_plan.pk).paused_for_safety_at is not None

    def test_nothing_new_changes_nothing(self, alice_client, alice, alice_plan):
        with at_morning(TUE):
            r = alice_client.post("/safety/changes/", {}, follow=True)
        assert "Nothing new: carry on as planned" in r.content.decode()
        assert SafetyScreen.objects.filter(user=alice).count() == 1
