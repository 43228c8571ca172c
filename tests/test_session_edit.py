from datetime import date

import pytest

from progress.models import ExerciseEntry, SessionLog
from tests.logging_helpers import at_morning, log_session
from tests.snapshots import owned_rows

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 2)


@pytest.fixture
def session(alice_client, alice_plan):
    log_session(alice_client, alice_plan, day=DAY, pain_before=2, pain=1, ease=4)
    return SessionLog.objects.get()


def edit_post(session, **entry_changes):
    data = {"day": session.day.isoformat(), "pain_before": "5", "note": "edited"}
    for entry in session.entries.all():
        p = f"e{entry.pk}-"
        data |= {
            p + "status": "done",
            p + "sets_done": str(entry.sets_done),
            p + "amount_done": str(entry.amount_done),
            p + "pain_during": str(entry.pain_during),
            p + "ease": str(entry.ease),
        }
    return data | entry_changes


class TestSessionEdit:
    def test_it_shows_what_was_logged(self, alice_client, session):
        entry = session.entries.first()
        with at_morning(DAY):
            html = alice_client.get(f"/sessions/{session.pk}/edit/").content.decode()
        radio = f'id="id_e{entry.pk}-pain_during_1" value="1" checked'
        assert radio in html
        assert 'id="id_pain_before_2" value="2" checked' in html
        assert f'id="id_e{entry.pk}-ease_3" value="4" checked>' in html
        assert f'id="id_e{entry.pk}-status_0" value="done" checked>' in html
        assert html.count(" checked>") == 3 * session.entries.count() + 1

    def test_it_saves_changes_the_next_day(self, alice_client, session):
        entry = session.entries.first()
        with at_morning(date(2026, 3, 4)):
            r = alice_client.post(
                f"/sessions/{session.pk}/edit/", edit_post(session, **{f"e{entry.pk}-ease": "2"})
            )
        assert r.url == "/today/"
        session.refresh_from_db()
        entry.refresh_from_db()
        assert (session.pain_before, session.note, entry.ease) == (5, "edited", 2)

    def test_bad_input_changes_nothing(self, alice_client, session):
        entry = session.entries.first()
        with at_morning(DAY):
            r = alice_client.post(
                f"/sessions/{session.pk}/edit/",
                edit_post(session, **{f"e{entry.pk}-pain_during": "12"}),
            )
        assert "Pain is a whole number from 0 to 10." in r.content.decode()
        session.refresh_from_db()
        assert session.pain_before == 2
        assert ExerciseEntry.objects.get(pk=entry.pk).pain_during == 1

    def test_another_users_session_is_404(self, client, bob, session):
        client.force_login(bob)
        before = owned_rows(session.user)
        page = client.get(f"/sessions/{session.pk}/edit/")
        assert page.status_code == 404
        assert "We could not find that page" in page.content.decode()
        r = client.post(f"/sessions/{session.pk}/edit/", edit_post(session))
        assert r.status_code == 404
        session.refresh_from_db()
        assert session.pain_before == 2
        assert owned_rows(session.user) == before
