"""Today and the dashboard, cached per user: fresh after any change, never shared."""

import re
from datetime import date, timedelta

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from progress.models import PlanExercise
from progress.plans import screen_record
from progress.red_flags import QUESTIONS
from tests.conftest import PLAN_START
from tests.logging_helpers import at_morning, log_session

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 3, 2)


def form_token(html: str, action: str) -> str:
    """The CSRF token inside the form posting to `action` (the nav's log-out form has its own)."""
    form = re.search(rf'<form[^>]*action="{re.escape(action)}".*?</form>', html, re.S).group(0)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)


@pytest.fixture
def morning():
    with time_machine.travel(PLAN_START + timedelta(days=1), tick=False) as traveller:
        yield traveller


def item_of(plan, slug) -> PlanExercise:
    return plan.items.get(exercise__slug=slug)


class TestTodayCache:
    def test_a_second_visit_reads_nothing_but_the_session_and_the_user(
        self, alice_client, alice_plan, morning
    ):
        alice_client.get("/today/")
        with CaptureQueriesContext(connection) as warm:
            html = alice_client.get("/today/").content.decode()
        assert len(warm) == 2, [q["sql"] for q in warm]
        assert "Today, Monday 2 March" in html

    def test_a_change_shows_on_the_very_next_visit(self, alice_client, alice_plan, morning):
        bridge = item_of(alice_plan, "glute-bridge")
        assert f'id="item-{bridge.pk}"' in alice_client.get("/today/").content.decode()
        alice_client.post(f"/plan/items/{bridge.pk}/pause/", {"next": "today"})
        html = alice_client.get("/today/").content.decode()
        assert f'id="item-{bridge.pk}"' not in html
        assert "Paused" in html

    def test_one_users_page_never_reaches_another(self, alice_client, alice_plan, bob, bob_plan):
        screen_record(user=bob, answers=dict.fromkeys(QUESTIONS, False), clinician_checked=True)
        alice_client.get("/today/")
        bob_client = Client()
        bob_client.force_login(bob)
        html = bob_client.get("/today/").content.decode()
        names = {i.exercise.name for i in bob_plan.items.all()} - {
            i.exercise.name for i in alice_plan.items.all()
        }
        assert names and all(name in html for name in names)

    def test_the_next_day_is_built_afresh(self, alice_client, alice_plan, morning):
        assert "Monday 2 March" in alice_client.get("/today/").content.decode()
        morning.shift(timedelta(days=1))
        assert "Tuesday 3 March" in alice_client.get("/today/").content.decode()

    def test_each_browser_gets_forms_with_its_own_valid_csrf_token(
        self, alice, alice_plan, morning
    ):
        bridge = item_of(alice_plan, "glute-bridge")
        alice_plan.items.exclude(pk=bridge.pk).update(is_paused=True)  # resume forms on Today
        phone, laptop = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
        for browser in (phone, laptop):
            browser.force_login(alice)
        phone.get("/today/")  # builds and caches the page
        html = laptop.get("/today/").content.decode()  # served from the cache
        paused = alice_plan.items.filter(is_paused=True).first()
        action = f"/plan/items/{paused.pk}/resume/"
        token = form_token(html, action)
        response = laptop.post(action, {"csrfmiddlewaretoken": token, "next": "today"})
        assert response.status_code == 302
        paused.refresh_from_db()
        assert not paused.is_paused

    def test_a_curators_edit_shows_at_once(
        self, alice_client, alice_plan, morning, django_capture_on_commit_callbacks
    ):
        rung = item_of(alice_plan, "glute-bridge").rung
        alice_client.get("/today/")
        rung.name = "Bridge with a pause at the top"
        with django_capture_on_commit_callbacks(execute=True):
            rung.save()
        assert rung.name in alice_client.get("/today/").content.decode()

    def test_a_cached_page_expires_whatever_happened(self, alice_client, alice_plan, morning):
        rung = item_of(alice_plan, "glute-bridge").rung
        alice_client.get("/today/")
        # As a curator's bulk change would: no save signal, so only expiry catches it.
        type(rung).objects.filter(pk=rung.pk).update(name="Bridge with a pause at the top")
        assert "Bridge with a pause" not in alice_client.get("/today/").content.decode()
        morning.shift(timedelta(seconds=settings.BACKCARE_PAGE_CACHE_SECONDS + 1))
        assert "Bridge with a pause" in alice_client.get("/today/").content.decode()


class TestDashboardCache:
    def test_a_second_visit_reads_nothing_but_the_session_and_the_user(
        self, alice_client, alice_plan
    ):
        log_session(alice_client, alice_plan, day=MONDAY, pain_before=3)
        with at_morning(MONDAY):
            alice_client.get("/progress/")
            with CaptureQueriesContext(connection) as warm:
                html = alice_client.get("/progress/").content.decode()
        assert len(warm) == 2, [q["sql"] for q in warm]
        assert "Your exercises" in html

    def test_a_logged_session_shows_on_the_very_next_visit(self, alice_client, alice_plan):
        with at_morning(MONDAY):
            assert "Your charts will appear here" in alice_client.get("/progress/").content.decode()
        log_session(alice_client, alice_plan, day=MONDAY, pain_before=3)
        with at_morning(MONDAY):
            html = alice_client.get("/progress/").content.decode()
        assert "Your charts will appear here" not in html
        assert "Your exercises" in html

    def test_an_unknown_range_is_the_default_ones_page_not_another_entry(
        self, alice_client, alice_plan
    ):
        log_session(alice_client, alice_plan, day=MONDAY)
        with at_morning(MONDAY):
            alice_client.get("/progress/")  # shows, and so uses up, the "Session saved" message
            default = alice_client.get("/progress/").content.decode()
            with CaptureQueriesContext(connection) as unknown:
                same = alice_client.get("/progress/?range=%3Cscript%3E").content.decode()
        assert len(unknown) == 2
        assert 'aria-current="page">3 months' in same
        assert strip_csrf(same) == strip_csrf(default)


def strip_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
