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
    assert response.status_code < 500
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


# Forms that take the same hostile values in every field they read: URL → fields.
ANONYMOUS_FORMS = {
    "/accounts/signup/": ["email", "password1", "password2"],
    "/accounts/login/": ["username", "password"],
    "/accounts/password_reset/": ["email"],
}
SIGNED_IN_FORMS = {
    "/accounts/delete/": ["password"],
    "/safety/": ["fever", "fall", "bladder_bowel", "clinician_checked"],
}


class TestAnonymousForms:
    @pytest.mark.parametrize("url", ANONYMOUS_FORMS)
    @FUZZ
    @given(data=st.data())
    def test_a_form(self, client, url, data):
        assert_a_page_answers(client.post(url, data.draw(fuzz(ANONYMOUS_FORMS[url]))))

    @FUZZ
    @given(query=fuzz(["region", "equipment"]))
    def test_catalog_filter(self, client, catalog, query):
        assert_a_page_answers(client.get("/exercises/", query))


class TestSignedInForms:
    @pytest.mark.parametrize("url", SIGNED_IN_FORMS)
    @FUZZ
    @given(data=st.data())
    def test_a_form(self, alice_client, url, data):
        assert_a_page_answers(alice_client.post(url, data.draw(fuzz(SIGNED_IN_FORMS[url]))))

    @FUZZ
    @given(data=fuzz(["display_name", "time_zone"]))
    def test_profile(self, alice_client, data):
        assert_a_page_answers(alice_client.post("/accounts/profile/", data))
        assert_no_raw_markup(alice_client, "/accounts/profile/")

    @FUZZ
    @given(data=fuzz(["template", "starter__glute-bridge"]))
    def test_plan_start(self, client, alice_cleared, catalog, data):
        client.force_login(alice_cleared)
        assert_a_page_answers(client.post("/plan/start/", data))

    @FUZZ
    @given(data=fuzz(["exercise"]), rung=hostile)
    def test_plan_edits(self, alice_client, alice_plan, data, rung):
        item = PlanExercise.objects.filter(plan=alice_plan).first()
        assert_a_page_answers(alice_client.post("/plan/add/", data))
        assert_a_page_answers(
            alice_client.post(f"/plan/items/{item.pk}/rung/", {f"i{item.pk}-rung": rung})
        )

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
            assert_a_page_answers(alice_client.post("/sessions/new/", data))
        assert_no_raw_markup(alice_client, "/today/")

    @FUZZ
    @given(data=fuzz(["morning_pain", "red_flags"]))
    def test_check_in(self, alice_client, alice_plan, data):
        with at_morning(DAY):
            assert_a_page_answers(alice_client.post("/checkin/", data))


def test_markup_in_notes_is_stored_as_text_and_shown_escaped(alice_client, alice_plan):
    item = PlanExercise.objects.filter(plan=alice_plan).first()
    log_session(alice_client, alice_plan, day=DAY, note=MARKUP, **{f"e{item.pk}-note": MARKUP})
    session = SessionLog.objects.get()
    assert session.note == MARKUP
    with at_morning(DAY):
        html = alice_client.get(f"/sessions/{session.pk}/edit/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert_no_raw_markup(alice_client, f"/sessions/{session.pk}/edit/", "/today/")
