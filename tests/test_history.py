"""History: the user's sessions newest first, each opening to its entries, and deleting one."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from progress.models import (
    CheckIn,
    ExerciseEntry,
    PlanExercise,
    RungChange,
    SessionLog,
    Suggestion,
)
from progress.rules.dates import long_day
from progress.services.plans import plan_exercise_move
from tests.builders import daily_history
from tests.logging_helpers import at_morning, check_in, log_session
from tests.snapshots import owned_rows

pytestmark = pytest.mark.django_db
MON = date(2026, 3, 2)
TUE, WED = MON + timedelta(1), MON + timedelta(2)


def bridge(plan) -> PlanExercise:
    return plan.items.get(exercise__slug="glute-bridge")


@pytest.fixture
def logged(alice_client, alice_plan):
    """Two of alice's sessions: Monday plain, Tuesday with a marker, notes and a skip."""
    log_session(alice_client, alice_plan, day=MON, pain_before=2, pain=1, ease=4)
    check_in(alice_client, day=TUE, pain=1)
    b = bridge(alice_plan)
    clam = alice_plan.items.get(exercise__slug="clamshell")
    log_session(
        alice_client,
        alice_plan,
        day=TUE,
        pain_before=3,
        pain=2,
        ease=5,
        note="Walked the dog after — felt fine",
        **{
            f"e{b.pk}-marker_value": "12",
            f"e{b.pk}-note": "Glutes burnt, back calm ✓",
            f"e{clam.pk}-status": "skipped",
        },
    )
    return SessionLog.objects.order_by("day")


class TestHistory:
    def test_the_navigation_links_to_it(self, alice_client):
        html = alice_client.get("/accounts/profile/").content.decode()
        assert '<a class="nav-link" href="/progress/history/">History</a>' in html

    def test_it_says_when_there_is_nothing_yet(self, alice_client):
        assert "No sessions yet." in alice_client.get("/progress/history/").content.decode()

    def test_it_lists_sessions_newest_first_with_their_entries(self, alice_client, logged):
        monday, tuesday = logged
        with at_morning(WED):
            html = alice_client.get("/progress/history/").content.decode()
        assert html.index(f'id="session-{tuesday.pk}"') < html.index(f'id="session-{monday.pk}"')
        assert "Tuesday 3 March 2026" in html
        assert "pain before 3/10" in html and "2 of 3 exercises done" in html
        tuesday_part = html.split(f'id="session-{tuesday.pk}"')[1].split("</details>")[0]
        assert "Glute bridge" in tuesday_part
        assert "Rung 1" in tuesday_part
        assert "2/10" in tuesday_part
        assert "5 · easy, could do much more" in tuesday_part
        assert "Measured: Reps 12" in tuesday_part
        assert "Glutes burnt, back calm ✓" in tuesday_part
        assert "Skipped" in tuesday_part
        assert "Walked the dog after — felt fine" in tuesday_part
        assert f'href="/sessions/{tuesday.pk}/edit/"' in tuesday_part
        assert f'href="/sessions/{tuesday.pk}/delete/"' in tuesday_part
        assert f'href="/progress/history/{tuesday.pk}/"' in tuesday_part
        # Once each, for phones and desktops alike (the CSS lays the same list out for both).
        assert tuesday_part.count("Glute bridge") == 1
        assert tuesday_part.count("Glutes burnt, back calm ✓") == 1

    def test_it_shows_dose_done_against_the_prescription(self, alice_client, alice_plan):
        b = bridge(alice_plan)
        log_session(alice_client, alice_plan, day=MON, **{f"e{b.pk}-amount_done": "7"})
        html = alice_client.get("/progress/history/").content.decode()
        dose = b.dose
        assert f"Done {dose.sets} × 7 reps" in html
        assert f"less than your dose then, {dose.sets} × {dose.amount} reps" in html

    def test_a_dose_done_as_prescribed_is_said_once(self, alice_client, alice_plan):
        b = bridge(alice_plan)
        log_session(alice_client, alice_plan, day=MON)
        html = alice_client.get("/progress/history/").content.decode()
        assert f"Done {b.dose.sets} × {b.dose.amount} reps</p>" in html
        assert "your dose then" not in html

    def test_it_gives_a_markers_unit_unless_its_name_says_it(self, alice_client, alice_plan):
        b = bridge(alice_plan)
        log_session(alice_client, alice_plan, day=MON, **{f"e{b.pk}-marker_value": "12.0"})
        plan_exercise_move(item=b, rung=b.exercise.rungs.get(position=2), now=timezone.now())
        log_session(alice_client, alice_plan, day=TUE, **{f"e{b.pk}-marker_value": "4.5"})
        html = alice_client.get("/progress/history/").content.decode()
        assert "Measured: Reps 12<" in html
        # "s" is a letter of "Squeeze hold at the top" but not a word of it.
        assert "Measured: Squeeze hold at the top 4.5 s<" in html

    def test_it_writes_days_as_the_date_filter_does(self):
        for day in (MON + timedelta(n) for n in range(0, 400, 13)):
            assert long_day(day) == date_format(day, "l j F Y")

    def test_it_never_shows_another_users_sessions(self, alice_client, logged, client, bob):
        client.force_login(bob)
        html = client.get("/progress/history/").content.decode()
        assert "No sessions yet." in html
        assert "Glutes burnt" not in html

    def test_it_shows_20_sessions_a_page(self, alice_client, alice_plan):
        daily_history(alice_plan, first=MON, days=45)
        html = alice_client.get("/progress/history/").content.decode()
        assert html.count('class="card mb-2 history-session"') == 20
        assert "Page 1 of 3" in html
        assert 'href="?page=2">Older' in html
        last = alice_client.get("/progress/history/?page=3").content.decode()
        assert last.count('class="card mb-2 history-session"') == 5
        # The oldest session is on the last page.
        assert "Monday 2 March 2026" in last

    @pytest.mark.parametrize(
        ("page", "shown"), [("9999", "Page 3 of 3"), ("abc", "Page 1 of 3"), ("-1", "Page 3 of 3")]
    )
    def test_an_odd_page_number_shows_a_real_page(self, alice_client, alice_plan, page, shown):
        daily_history(alice_plan, first=MON, days=45)
        r = alice_client.get(f"/progress/history/?page={page}")
        assert r.status_code == 200
        assert shown in r.content.decode()

    def test_its_query_count_does_not_grow_with_two_years_of_sessions(
        self, alice_client, alice_plan, alice
    ):
        log_session(alice_client, alice_plan, day=MON)
        with CaptureQueriesContext(connection) as one:
            alice_client.get("/progress/history/")
        daily_history(alice_plan, first=TUE, days=730)
        with CaptureQueriesContext(connection) as many:
            html = alice_client.get("/progress/history/").content.decode()
        assert "Page 1 of 37" in html
        assert len(many) == len(one)
        with CaptureQueriesContext(connection) as last_page:
            alice_client.get("/progress/history/?page=37")
        assert len(last_page) == len(one)


class TestHistoryDetail:
    def test_it_shows_one_session(self, alice_client, logged):
        tuesday = logged[1]
        html = alice_client.get(f"/progress/history/{tuesday.pk}/").content.decode()
        assert "Session of Tuesday 3 March 2026" in html
        assert "Glutes burnt, back calm ✓" in html
        assert f'href="/sessions/{tuesday.pk}/edit/"' in html

    def test_another_users_session_is_404(self, client, bob, logged):
        client.force_login(bob)
        before = owned_rows(logged[0].user)
        r = client.get(f"/progress/history/{logged[1].pk}/")
        assert r.status_code == 404
        html = r.content.decode()
        assert "We could not find that page" in html and "Glutes burnt" not in html
        assert owned_rows(logged[0].user) == before

    def test_a_missing_session_is_404(self, alice_client):
        r = alice_client.get("/progress/history/999999/")
        assert r.status_code == 404
        assert "We could not find that page" in r.content.decode()


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (SessionLog, ExerciseEntry, CheckIn, Suggestion, RungChange, PlanExercise)
    }


class TestSessionDelete:
    def test_it_asks_first_and_changes_nothing(self, alice_client, logged):
        before = counts()
        r = alice_client.get(f"/sessions/{logged[1].pk}/delete/")
        html = r.content.decode()
        assert "Delete the session of Tuesday 3 March 2026?" in html
        assert "3 exercise entries" in html and "Clamshell (skipped)" in html
        assert '<button type="submit" class="btn btn-danger">Delete this session</button>' in html
        assert counts() == before

    def test_it_deletes_the_session_and_its_entries_and_nothing_else(self, alice_client, logged):
        monday, tuesday = logged
        before = counts()
        with at_morning(WED):
            r = alice_client.post(f"/sessions/{tuesday.pk}/delete/")
        assert r.status_code == 302 and r.url == "/progress/history/"
        assert not SessionLog.objects.filter(pk=tuesday.pk).exists()
        assert not ExerciseEntry.objects.filter(session_id=tuesday.pk).exists()
        after = counts()
        # Suggestions are worked out again (tests/test_suggestions.py); the rest stays.
        del before["Suggestion"], after["Suggestion"]
        assert after == before | {
            "SessionLog": before["SessionLog"] - 1,
            "ExerciseEntry": before["ExerciseEntry"] - 3,
        }
        monday.refresh_from_db()
        assert monday.entries.count() == 3
        html = alice_client.get(r.url).content.decode()
        assert "The session of Tuesday 3 March 2026 was deleted." in html

    def test_another_users_session_is_404(self, client, bob, logged):
        client.force_login(bob)
        url = f"/sessions/{logged[0].pk}/delete/"
        before = owned_rows(logged[0].user)
        assert client.get(url).status_code == 404
        r = client.post(url)
        assert r.status_code == 404
        assert "We could not find that page" in r.content.decode()
        assert SessionLog.objects.count() == 2
        assert owned_rows(logged[0].user) == before

    def test_it_rejects_other_methods(self, alice_client, logged):
        assert alice_client.put(f"/sessions/{logged[0].pk}/delete/").status_code == 405
        assert SessionLog.objects.count() == 2

    def test_deleting_twice_is_404(self, alice_client, logged):
        url = f"/sessions/{logged[0].pk}/delete/"
        owner = logged[0].user
        alice_client.post(url)
        after_first = owned_rows(owner)
        r = alice_client.post(url)
        assert r.status_code == 404
        assert "We could not find that page" in r.content.decode()
        assert SessionLog.objects.count() == 1
        assert owned_rows(owner) == after_first
