import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises.models import Exercise
from progress.models import PlanExercise

pytestmark = pytest.mark.django_db


class TestToday:
    def test_it_requires_login(self, client):
        assert client.get("/today/").url == "/accounts/login/?next=/today/"

    def test_a_new_user_is_led_to_the_safety_screen(self, alice_client):
        assert alice_client.get("/today/").url == "/safety/"

    def test_a_cleared_user_without_a_plan_is_led_to_plan_start(self, client, alice_cleared):
        client.force_login(alice_cleared)
        assert client.get("/today/").url == "/plan/start/"

    def test_it_shows_each_exercise_at_its_current_rung(self, alice_client, alice_plan):
        html = alice_client.get("/today/").content.decode()
        assert "Half-kneeling" in html  # hip flexor stretch starts on rung 2
        assert "2 × 12 reps" in html  # glute bridge rung 1
        assert "Measure:" in html
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
        cache.clear()  # rows added behind the app's back: build the page afresh
        for exercise in Exercise.objects.exclude(plan_items__plan=alice_plan):
            PlanExercise.objects.create(
                plan=alice_plan, exercise=exercise, rung=exercise.rungs.first()
            )
        with CaptureQueriesContext(connection) as large:
            html = alice_client.get("/today/").content.decode()
        assert "Pullover" in html
        assert len(large) == len(small)
