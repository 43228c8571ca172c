import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from exercises.models import Exercise
from progress.models import ExerciseEntry, SessionLog
from progress.services.plans import plan_add_exercise, plan_exercise_set_paused
from tests.logging_helpers import at_morning, log_session, session_post

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 2)


def bridge(plan):
    return plan.items.get(exercise__slug="glute-bridge")


class TestSessionNew:
    def test_it_requires_a_plan(self, client, alice_cleared):
        client.force_login(alice_cleared)
        assert client.get("/sessions/new/").url == "/plan/start/"

    def test_with_every_exercise_paused_it_leads_to_the_plan(self, alice_client, alice_plan):
        for item in alice_plan.items.all():
            plan_exercise_set_paused(item=item, paused=True)
        r = alice_client.get("/sessions/new/", follow=True)
        assert r.redirect_chain[0][0] == "/plan/"
        assert "Your plan has no active exercises to log." in r.content.decode()

    def test_it_prefills_each_exercise_with_its_prescription(self, alice_client, alice_plan):
        item = bridge(alice_plan)
        with at_morning(DAY):
            html = alice_client.get("/sessions/new/", follow=True).content.decode()
        assert f'name="e{item.pk}-sets_done" value="2"' in html
        assert f'name="e{item.pk}-amount_done" value="12"' in html
        assert 'value="2026-03-02"' in html
        assert "4 · comfortable" in html
        assert f'for="id_e{item.pk}-marker_value">Measured: Reps (optional)</label>' in html

    def test_it_stores_the_session_with_the_rung_in_force(self, alice_client, alice_plan):
        r = log_session(alice_client, alice_plan, day=DAY, pain_before=3, pain=2, ease=5)
        assert r.url == "/today/"
        session = SessionLog.objects.get()
        assert (session.day, session.pain_before) == (DAY, 3)
        entry = session.entries.get(exercise__slug="glute-bridge")
        assert (entry.rung.position, entry.pain_during, entry.ease) == (1, 2, 5)
        assert entry.full_dose

    def test_history_stays_true_after_the_plan_changes(self, alice_client, alice_plan):
        from progress.services.plans import plan_exercise_move

        log_session(alice_client, alice_plan, day=DAY)
        item = bridge(alice_plan)
        plan_exercise_move(item=item, rung=item.exercise.rungs.get(position=4), now=timezone.now())
        entry = ExerciseEntry.objects.get(exercise__slug="glute-bridge")
        assert entry.rung.position == 1

    def test_an_exercise_can_be_skipped(self, alice_client, alice_plan):
        p = f"e{bridge(alice_plan).pk}-"
        log_session(
            alice_client, alice_plan, day=DAY, **{p + "status": "skipped", p + "pain_during": ""}
        )
        entry = ExerciseEntry.objects.get(exercise__slug="glute-bridge")
        assert entry.skipped and entry.pain_during is None
        assert SessionLog.objects.count() == 1

    def test_skipping_everything_is_refused(self, alice_client, alice_plan):
        skipped = {f"e{i.pk}-status": "skipped" for i in alice_plan.items.all()}
        with at_morning(DAY):
            r = alice_client.post("/sessions/new/", session_post(alice_plan, day=DAY) | skipped)
        assert "Mark at least one exercise as done" in r.content.decode()
        assert not SessionLog.objects.exists()

    def test_a_missed_day_can_be_logged_back(self, alice_client, alice_plan):
        with at_morning(DAY):
            alice_client.post("/sessions/new/", session_post(alice_plan, day=DAY - timedelta(3)))
        assert SessionLog.objects.get().day == DAY - timedelta(3)

    def test_a_second_submit_of_the_same_form_stores_one_session(self, alice_client, alice_plan):
        data = session_post(alice_plan, day=DAY)
        with at_morning(DAY):
            alice_client.post("/sessions/new/", data)
            r = alice_client.post("/sessions/new/", data, follow=True)
        assert "That session was already saved." in r.content.decode()
        assert SessionLog.objects.count() == 1
        assert ExerciseEntry.objects.count() == 3

    @pytest.mark.parametrize("key", [None, "", "not-a-key"])
    def test_a_post_without_its_save_key_saves_nothing_and_keeps_what_was_typed(
        self, alice_client, alice_plan, key
    ):
        data = session_post(alice_plan, day=DAY, note="kept")
        data.pop("submission_key")
        if key is not None:
            data["submission_key"] = key
        with at_morning(DAY):
            r = alice_client.post("/sessions/new/", data)
            html = r.content.decode()
            assert r.status_code == 200
            assert "sent without its save key, so nothing was saved" in html
            assert "kept</textarea>" in html
            assert not SessionLog.objects.exists()
            # The page comes back with a fresh key: saving it again stores the session once.
            fresh = re.search(r'name="submission_key" value="([^"]+)"', html)[1]
            for _ in range(2):
                alice_client.post("/sessions/new/", data | {"submission_key": fresh})
        assert SessionLog.objects.get().note == "kept"

    @pytest.mark.parametrize(
        "field, value, message",
        [
            ("pain_before", "11", "Pain is a whole number from 0 to 10."),
            ("pain_before", "-1", "Pain is a whole number from 0 to 10."),
            ("pain_before", "abc", "Pain is a whole number from 0 to 10."),
            ("pain_before", "", "Choose a pain score from 0 (none) to 10"),
            ("day", "2026-03-03", "A session cannot be logged for a day that has not come yet."),
            ("day", "not a date", "Enter a date."),
        ],
    )
    def test_bad_session_input_is_explained_and_nothing_stored(
        self, alice_client, alice_plan, field, value, message
    ):
        with at_morning(DAY):
            r = alice_client.post(
                "/sessions/new/", session_post(alice_plan, day=DAY, note="kept") | {field: value}
            )
        html = r.content.decode()
        assert r.status_code == 200
        assert message in html
        assert "kept</textarea>" in html
        assert not SessionLog.objects.exists()

    @pytest.mark.parametrize(
        "field, value, message",
        [
            ("pain_during", "11", "Pain is a whole number from 0 to 10."),
            ("pain_during", "", "Rate your pain during this exercise"),
            ("ease", "6", "Ease is 1 to 5."),
            ("ease", "0", "Ease is 1 to 5."),
            ("sets_done", "-3", "greater than or equal to 1"),
            ("amount_done", "10000", "less than or equal to 600"),
            ("amount_done", "abc", "Enter a whole number."),
        ],
    )
    def test_bad_entry_input_is_explained_with_the_typed_values_kept(
        self, alice_client, alice_plan, field, value, message
    ):
        p = f"e{bridge(alice_plan).pk}-"
        data = session_post(alice_plan, day=DAY) | {p + field: value, p + "note": "felt odd"}
        with at_morning(DAY):
            r = alice_client.post("/sessions/new/", data)
        html = r.content.decode()
        assert message in html
        assert 'value="felt odd"' in html
        assert not SessionLog.objects.exists()
        assert not ExerciseEntry.objects.exists()

    def test_its_query_count_does_not_grow_with_history(self, alice_client, alice_plan):
        with at_morning(DAY), CaptureQueriesContext(connection) as fresh:
            alice_client.get("/sessions/new/", follow=True)
        for back in range(1, 40):
            log_session(alice_client, alice_plan, day=DAY - timedelta(days=back) + timedelta(60))
        with at_morning(DAY + timedelta(61)), CaptureQueriesContext(connection) as later:
            alice_client.get("/sessions/new/", follow=True)
        assert SessionLog.objects.count() == 39
        assert len(later) == len(fresh)

    def test_its_query_counts_do_not_grow_with_the_number_of_exercises(
        self, alice_client, alice_plan
    ):
        def counts():
            data = session_post(alice_plan, day=DAY)
            with at_morning(DAY):
                with CaptureQueriesContext(connection) as form:
                    alice_client.get("/sessions/new/", follow=True)
                with CaptureQueriesContext(connection) as save:
                    r = alice_client.post("/sessions/new/", data)
            assert r.url == "/today/"
            # One transaction (a savepoint inside the test's): the suggestions refresh runs
            # in it without a savepoint of its own.
            savepoints = [q["sql"].split()[0] for q in save if "SAVEPOINT" in q["sql"]]
            assert savepoints == ["SAVEPOINT", "RELEASE"]
            SessionLog.objects.all().delete()
            return len(form), len(save)

        few = counts()
        others = Exercise.objects.exclude(plan_items__plan=alice_plan)[:3]
        for exercise in others:
            plan_add_exercise(plan=alice_plan, exercise=exercise, now=timezone.now())
        assert alice_plan.items.count() == 6
        assert counts() == few

    def test_typed_markup_is_shown_escaped(self, alice_client, alice_plan):
        p = f"e{bridge(alice_plan).pk}-"
        markup = '<b>"x"</b>'
        data = session_post(alice_plan, day=DAY, note=markup, pain_before="")
        data |= {p + "note": markup, p + "status": markup}
        with at_morning(DAY):
            html = alice_client.post("/sessions/new/", data).content.decode()
        assert "<b>" not in html
        assert 'value="&lt;b&gt;&quot;x&quot;&lt;/b&gt;"' in html
        assert "&lt;b&gt;&quot;x&quot;&lt;/b&gt;</textarea>" in html
        assert "Select a valid choice. &lt;b&gt;&quot;x&quot;&lt;/b&gt; is not one of" in html


class TestSessionFormMarkup:
    """What the form's fields look like to a user, and to a screen reader, on the page."""

    def test_each_pain_scale_is_a_fieldset_of_labelled_buttons_with_its_hint(
        self, alice_client, alice_plan
    ):
        p = f"id_e{bridge(alice_plan).pk}-pain_during"
        with at_morning(DAY):
            html = alice_client.get("/sessions/new/", follow=True).content.decode()
        legend = '<legend class="form-label fs-6 mb-1 fw-semibold">{}</legend>'
        assert '<fieldset class="mb-3">\n' + legend.format("Pain before you started") in html
        assert legend.format("Pain during") in html
        for scale in ("id_pain_before", p):
            assert (
                f'<p class="small text-body-secondary mb-1" id="{scale}_hint">0 = no pain' in html
            )
            for n in range(11):
                name = scale.removeprefix("id_")
                assert (
                    f'<input type="radio" class="btn-check" name="{name}" id="{scale}_{n}" '
                    f'value="{n}">\n'
                    f'<label class="btn btn-outline-primary scale-btn" for="{scale}_{n}">'
                    f"{n}</label>"
                ) in html
        assert "scale-btn" in html and 'class="btn-check" checked' not in html
        # No pain is chosen for the user, and no radio carries autocomplete (invalid there).
        assert not re.search(r'id="id_pain_before_\d+" value="\d+" checked', html)
        assert not re.search(r'<input type="radio"[^>]*autocomplete', html)

    @pytest.mark.parametrize("data", [None, {"pain_before": "3"}, {"pain_before": "11"}])
    def test_a_scales_options_are_the_radios_django_would_draw(self, data):
        from progress.forms.sessions import SessionForm

        field = SessionForm(data, today=DAY)["pain_before"]
        django_drew = [(r.data["value"], r.choice_label, r.id_for_label, r.data["selected"])
                       for r in field]  # fmt: skip
        assert field.options == django_drew
        assert [value for value, *_, checked in field.options if checked] == (
            ["3"] if data == {"pain_before": "3"} else []
        )

    def test_status_and_ease_are_lists_of_labelled_radios(self, alice_client, alice_plan):
        p = f"e{bridge(alice_plan).pk}-"
        with at_morning(DAY):
            html = alice_client.get("/sessions/new/", follow=True).content.decode()
        assert '<legend class="form-label fs-6 mb-1 fw-semibold">Did you do it?</legend>' in html
        assert (
            f'<div class="form-check"><input class="form-check-input" type="radio" '
            f'name="{p}status" id="id_{p}status_0" value="done" checked>\n'
            f'<label class="form-check-label" for="id_{p}status_0">Done</label></div>'
        ) in html
        assert f'id="id_{p}status_1" value="skipped">' in html
        assert '<legend class="form-label fs-6 mb-1 fw-semibold">How easy was it?</legend>' in html
        assert (
            f'name="{p}ease" id="id_{p}ease_3" value="4">\n'
            f'<label class="form-check-label" for="id_{p}ease_3">4 · comfortable</label>'
        ) in html

    def test_each_input_has_a_label_tied_to_it(self, alice_client, alice_plan):
        p = f"e{bridge(alice_plan).pk}-"
        with at_morning(DAY):
            html = alice_client.get("/sessions/new/", follow=True).content.decode()
        for field, label in [
            ("day", "Date of the session"),
            # Told apart from each exercise's own note.
            ("note", "Note on the whole session (optional)"),
            (p + "sets_done", "Sets"),
            (p + "amount_done", "Reps per set"),
            (p + "note", "Note (optional)"),
        ]:
            assert f'<label class="form-label small mb-0" for="id_{field}">{label}</label>' in html
            assert f'name="{field}"' in html and f'id="id_{field}"' in html
        assert 'type="date" name="day" value="2026-03-02"' in html
        assert 'max="2026-03-02" min="2026-01-01"' in html  # today and 60 days back

    def test_a_catalog_marker_name_is_escaped_in_its_label(self, alice_client, alice_plan):
        item = bridge(alice_plan)
        item.rung.marker_name = '<b>"Reach"</b>'
        item.rung.save(update_fields=["marker_name"])
        with at_morning(DAY):
            html = alice_client.get("/sessions/new/", follow=True).content.decode()
        assert "<b>" not in html
        label = "Measured: &lt;b&gt;&quot;Reach&quot;&lt;/b&gt;"
        assert f'for="id_e{item.pk}-marker_value">{label}' in html

    def test_a_group_in_error_is_described_by_its_message_and_keeps_the_other_choices(
        self, alice_client, alice_plan
    ):
        p = f"e{bridge(alice_plan).pk}-"
        data = session_post(alice_plan, day=DAY, pain_before="", pain=5, ease=3)
        data[p + "ease"] = "6"
        with at_morning(DAY):
            html = alice_client.post("/sessions/new/", data).content.decode()
        assert '<fieldset class="mb-3" aria-describedby="id_pain_before_error">' in html
        assert (
            '<div class="invalid-feedback d-block" id="id_pain_before_error">'
            "Choose a pain score from 0 (none) to 10 (worst imaginable).</div>"
        ) in html
        assert 'id="id_pain_before_0" value="0">' in html  # none checked
        # Another exercise's choices are kept, as typed.
        other = alice_plan.items.exclude(pk=bridge(alice_plan).pk).first()
        assert f'id="id_e{other.pk}-pain_during_5" value="5" checked>' in html
        assert f'id="id_e{other.pk}-ease_2" value="3" checked>' in html
        # The list in error is marked invalid, option by option, and points at its message.
        assert f'<fieldset class="mb-3" aria-describedby="id_{p}ease_error">' in html
        assert (
            f'<input class="form-check-input is-invalid" type="radio" name="{p}ease" '
            f'id="id_{p}ease_0" value="1">'
        ) in html
        assert (
            f'<div class="invalid-feedback d-block" id="id_{p}ease_error">Ease is 1 to 5.' in html
        )
        assert f'id="id_{p}status_0" value="done" checked>' in html

    def test_an_input_in_error_is_described_by_its_message_and_keeps_the_typed_value(
        self, alice_client, alice_plan
    ):
        p = f"e{bridge(alice_plan).pk}-"
        data = session_post(alice_plan, day=DAY) | {p + "sets_done": "-3"}
        with at_morning(DAY):
            html = alice_client.post("/sessions/new/", data).content.decode()
        assert (
            f'name="{p}sets_done" value="-3" class="form-control" inputmode="numeric" '
            f'min="1" max="20" aria-invalid="true" aria-describedby="id_{p}sets_done_error" '
            f'id="id_{p}sets_done">'
        ) in html
        assert (
            f'<div class="invalid-feedback d-block" id="id_{p}sets_done_error">'
            "Ensure this value is greater than or equal to 1.</div>"
        ) in html
        assert html.count('aria-invalid="true"') == 1  # only the field in error


class TestOneSessionHoweverThePersonNavigates:
    def test_the_form_key_is_in_the_address_so_back_after_save_finds_the_saved_session(
        self, alice_client, alice_plan
    ):
        with at_morning(DAY):
            r = alice_client.get("/sessions/new/")
            assert r.url.startswith("/sessions/new/?key=")
            key = r.url.split("=", 1)[1]
            form_page = alice_client.get(r.url).content.decode()
            assert f'name="submission_key" value="{key}"' in form_page
            saved = alice_client.post(r.url, session_post(alice_plan, day=DAY, key=key))
            assert saved.url == "/today/"
            # Back: the browser fetches the same address again.
            again = alice_client.get(r.url, follow=True)
        session = SessionLog.objects.get()
        assert again.redirect_chain[-1][0] == f"/sessions/{session.pk}/edit/"
        assert "This session is saved already." in again.content.decode()

    def test_save_again_from_a_restored_page_stores_nothing_more(self, alice_client, alice_plan):
        key = "6d1c1a52-3a43-4a8f-9f53-0c2f3b4f7e11"
        data = session_post(alice_plan, day=DAY, key=key)
        with at_morning(DAY):
            alice_client.post(f"/sessions/new/?key={key}", data)
            r = alice_client.post(f"/sessions/new/?key={key}", data, follow=True)
        assert "That session was already saved." in r.content.decode()
        assert SessionLog.objects.count() == 1

    def test_todays_link_carries_a_fresh_key(self, alice_client, alice_plan):
        with at_morning(DAY):
            html = alice_client.get("/today/").content.decode()
        assert re.search(r'href="/sessions/new/\?key=[0-9a-f-]{36}">Log today', html)

    def test_a_bad_key_gets_a_fresh_one(self, alice_client, alice_plan):
        with at_morning(DAY):
            r = alice_client.get("/sessions/new/?key=not-a-key")
        assert re.fullmatch(r"/sessions/new/\?key=[0-9a-f-]{36}", r.url)
