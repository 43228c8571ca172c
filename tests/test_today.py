import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from progress.models import PlanExercise
from progress.rules.red_flags import QUESTIONS
from progress.services.screens import screen_record
from tests import builders
from tests.logging_helpers import at_morning, log_session

pytestmark = pytest.mark.django_db


def form_token(html: str, action: str) -> str:
    """The CSRF token inside the form posting to `action` (the nav's log-out form has its own)."""
    form = re.search(rf'<form[^>]*action="{re.escape(action)}".*?</form>', html, re.S).group(0)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)


class TestToday:
    def test_a_new_user_is_led_to_the_safety_screen(self, alice_client):
        assert alice_client.get("/today/").url == "/safety/"

    def test_a_cleared_user_without_a_plan_is_led_to_plan_start(self, client, alice_cleared):
        client.force_login(alice_cleared)
        assert client.get("/today/").url == "/plan/start/"

    def test_it_shows_each_exercise_at_its_current_rung(self, alice_client, alice_plan):
        html = alice_client.get("/today/").content.decode()
        assert "Half-kneeling" in html  # hip flexor stretch starts on rung 2
        assert "2 × 12 reps" in html  # glute bridge rung 1
        assert "To measure, if you like:" in html
        assert "See the whole ladder" in html

    def test_the_day_follows_the_users_time_zone(self, alice_client, alice, alice_plan):
        from datetime import UTC, datetime
        from unittest import mock

        alice.time_zone = "Pacific/Auckland"
        alice.save()
        # 20:00 UTC on 1 March is already 2 March in Auckland.
        with mock.patch(
            "django.utils.timezone.now", return_value=datetime(2026, 3, 1, 20, tzinfo=UTC)
        ):
            html = alice_client.get("/today/").content.decode()
        assert "Today, Monday 2 March" in html

    def test_its_query_count_does_not_grow_with_the_plan(self, alice_client, alice_plan):
        with CaptureQueriesContext(connection) as small:
            alice_client.get("/today/")
        builders.every_exercise(alice_plan)
        with CaptureQueriesContext(connection) as large:
            html = alice_client.get("/today/").content.decode()
        assert "Pullover" in html
        assert len(large) == len(small)

    def test_it_shows_the_users_own_plan_and_nobody_elses(self, alice_plan, bob, bob_plan):
        screen_record(
            user=bob,
            answers=dict.fromkeys(QUESTIONS, False),
            clinician_checked=True,
            now=timezone.now(),
        )
        bob_client = Client()
        bob_client.force_login(bob)
        html = bob_client.get("/today/").content.decode()
        bobs = {i.exercise.name for i in bob_plan.items.all()}
        alices_only = {i.exercise.name for i in alice_plan.items.all()} - bobs
        assert bobs and all(name in html for name in bobs)
        assert alices_only and not any(name in html for name in alices_only)

    def test_a_curators_edit_of_a_rung_shows_at_once(self, alice_client, alice_plan):
        rung = alice_plan.items.get(exercise__slug="glute-bridge").rung
        rung.name = "Bridge with a pause at the top"
        rung.save()
        assert rung.name in alice_client.get("/today/").content.decode()

    def test_its_forms_post_from_each_of_the_users_browsers(self, alice, alice_plan):
        alice_plan.items.update(is_paused=True)  # every exercise gets a resume form on Today
        phone, laptop = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
        for browser, paused in zip((phone, laptop), alice_plan.items.all()[:2], strict=True):
            browser.force_login(alice)
            action = f"/plan/items/{paused.pk}/resume/"
            token = form_token(browser.get("/today/").content.decode(), action)
            response = browser.post(action, {"csrfmiddlewaretoken": token, "next": "today"})
            assert response.status_code == 302
            paused.refresh_from_db()
            assert not paused.is_paused


class TestFirstSteps:
    def test_a_new_user_is_told_what_will_appear_and_when(self, alice_client, alice_plan):
        day = date(2026, 3, 2)
        with at_morning(day):
            html = alice_client.get("/today/").content.decode()
        assert "What happens next" in html
        assert "After two sessions on different days, each with its morning check-in" in html
        log_session(alice_client, alice_plan, day=day)
        with at_morning(day):
            assert "What happens next" not in alice_client.get("/today/").content.decode()


def test_a_changed_dose_is_shown_once_with_the_rungs_beside_it(alice_client, alice_plan):
    bridge = alice_plan.items.get(exercise__slug="glute-bridge")
    PlanExercise.objects.filter(pk=bridge.pk).update(custom_sets=3, custom_amount=15)
    with at_morning(date(2026, 3, 2)):
        html = alice_client.get("/today/").content.decode()
    card = html.split(f'id="item-{bridge.pk}"')[1].split("</article>")[0]
    assert card.count("Your dose") == 1 and "3 × 15 reps" in card
    assert "(the rung's is 2 × 12 reps)" in card
    assert "Dose:</span>" not in card
