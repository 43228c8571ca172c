"""Hostile input into every form: never a 500, never markup stored that renders unescaped."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from progress.models import PlanExercise, SessionLog
from tests.logging_helpers import at_morning, log_session, session_post

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 2)
MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)>"

hostile = st.one_of(
    st.text(max_size=300),
    # Huge values, cheap to generate: one character repeated.
    st.builds(lambda c, n: c * n, st.characters(codec="utf-8"), st.integers(1000, 5000)),
    st.sampled_from(
        [
            MARKUP,
            "' OR 1=1 --",
            "'; DROP TABLE progress_sessionlog; --",
            "\x00",
            "-1",
            "11",
            "1e309",
            "NaN",
            "Infinity",
            "99999999999999999999",
            "2026-02-30",
            "9999-12-31",
            "",
            "🦴" * 50,
        ]
    ),
    st.integers().map(str),
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def fuzz(fields):
    return st.fixed_dictionaries({name: hostile for name in fields})


def assert_a_page_answers(response):
    """What the user sees is the form again with its errors, or a redirect within the site."""
    if response.status_code == 200:
        assert "<form" in response.content.decode()
    elif response.status_code == 302:
        assert response.url.startswith("/")


def assert_no_raw_markup(client, *urls):
    for url in urls:
        with at_morning(DAY):
            html = client.get(url, follow=True).content.decode()
        assert "<script>alert(1)" not in html
        assert "<img src=x" not in html


class TestAnonymousForms:
    @FUZZ
    @given(data=fuzz(["email", "password1", "password2"]))
    def test_signup(self, client, data):
        r = client.post("/accounts/signup/", data)
        assert r.status_code < 500
        assert_a_page_answers(r)

    @FUZZ
    @given(data=fuzz(["username", "password"]))
    def test_login(self, client, data):
        r = client.post("/accounts/login/", data)
        assert r.status_code < 500
        assert_a_page_answers(r)

    @FUZZ
    @given(data=fuzz(["email"]))
    def test_password_reset(self, client, data):
        r = client.post("/accounts/password_reset/", data)
        assert r.status_code < 500
        assert_a_page_answers(r)

    @FUZZ
    @given(query=fuzz(["region", "equipment"]))
    def test_catalog_filter(self, client, catalog, query):
        r = client.get("/exercises/", query)
        assert r.status_code < 500
        assert_a_page_answers(r)


class TestSignedInForms:
    @FUZZ
    @given(data=fuzz(["display_name", "time_zone"]))
    def test_profile(self, alice_client, data):
        r = alice_client.post("/accounts/profile/", data)
        assert r.status_code < 500
        assert_a_page_answers(r)
        assert_no_raw_markup(alice_client, "/accounts/profile/")

    @FUZZ
    @given(data=fuzz(["password"]))
    def test_delete_account(self, alice_client, alice, data):
        r = alice_client.post("/accounts/delete/", data)
        assert r.status_code < 500
        assert_a_page_answers(r)

    @FUZZ
    @given(data=fuzz(["fever", "fall", "bladder_bowel", "clinician_checked"]))
    def test_safety_screen(self, alice_client, data):
        r = alice_client.post("/safety/", data)
        assert r.status_code < 500
        assert_a_page_answers(r)

    @FUZZ
    @given(data=fuzz(["template", "starter__glute-bridge"]))
    def test_plan_start(self, client, alice_cleared, catalog, data):
        client.force_login(alice_cleared)
        r = client.post("/plan/start/", data)
        assert r.status_code < 500
        assert_a_page_answers(r)

    @FUZZ
    @given(data=fuzz(["exercise"]), rung=hostile)
    def test_plan_edits(self, alice_client, alice_plan, data, rung):
        item = PlanExercise.objects.filter(plan=alice_plan).first()
        r = alice_client.post("/plan/add/", data)
        assert r.status_code < 500
        assert_a_page_answers(r)
        r = alice_client.post(f"/plan/items/{item.pk}/rung/", {f"i{item.pk}-rung": rung})
        assert r.status_code < 500
        assert_a_page_answers(r)

    @FUZZ
    @given(
        session=fuzz(["day", "pain_before", "note", "submission_key"]),
        entry=fuzz(
            ["status", "sets_done", "amount_done", "pain_during", "ease", "marker_value", "note"]
        ),
    )
    def test_session_log(self, alice_client, alice_plan, session, entry):
        item = PlanExercise.objects.filter(plan=alice_plan).first()
        data = session_post(alice_plan, day=DAY) | session
        data |= {f"e{item.pk}-{k}": v for k, v in entry.items()}
        with at_morning(DAY):
            r = alice_client.post("/sessions/new/", data)
            assert r.status_code < 500
            assert_a_page_answers(r)
        assert_no_raw_markup(alice_client, "/today/")

    @FUZZ
    @given(data=fuzz(["morning_pain", "red_flags"]))
    def test_check_in(self, alice_client, alice_plan, data):
        with at_morning(DAY):
            r = alice_client.post("/checkin/", data)
            assert r.status_code < 500
            assert_a_page_answers(r)


def test_markup_in_notes_is_stored_as_text_and_shown_escaped(alice_client, alice_plan):
    item = PlanExercise.objects.filter(plan=alice_plan).first()
    log_session(alice_client, alice_plan, day=DAY, note=MARKUP, **{f"e{item.pk}-note": MARKUP})
    session = SessionLog.objects.get()
    assert session.note == MARKUP
    with at_morning(DAY):
        html = alice_client.get(f"/sessions/{session.pk}/edit/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert_no_raw_markup(alice_client, f"/sessions/{session.pk}/edit/", "/today/")
