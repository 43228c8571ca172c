import pytest
from django.utils import timezone

from exercises.models import Rung
from progress.models import Plan, PlanExercise, PsfsRating, RungChange
from tests.logging_helpers import psfs_post

pytestmark = pytest.mark.django_db


class TestPlanStart:
    def test_it_requires_a_clear_safety_screen(self, alice_client, catalog):
        assert alice_client.get("/plan/start/").url == "/safety/"

    def test_it_shows_the_templates_with_their_ladders(self, client, alice_cleared, catalog):
        client.force_login(alice_cleared)
        html = client.get("/plan/start/").content.decode()
        assert "Starter" in html and "Whole chain" in html
        assert "Starting rung for Glute bridge" in html
        assert "Rung 5: Loaded bridge" in html

    def test_it_starts_the_plan_with_adjusted_rungs(self, client, alice_cleared, catalog):
        client.force_login(alice_cleared)
        bridge_rung_3 = Rung.objects.get(exercise__slug="glute-bridge", position=3)
        r = client.post(
            "/plan/start/", {"template": "starter", "starter__glute-bridge": bridge_rung_3.pk}
        )
        assert r.url == "/today/"
        items = {i.exercise.slug: i.rung.position for i in PlanExercise.objects.all()}
        assert items == {"hip-flexor-stretch": 2, "glute-bridge": 3, "clamshell": 1}
        assert RungChange.objects.filter(source="start").count() == 3

    def test_it_rejects_a_rung_of_another_exercise(self, client, alice_cleared, catalog):
        client.force_login(alice_cleared)
        clam = Rung.objects.get(exercise__slug="clamshell", position=2)
        r = client.post("/plan/start/", {"template": "starter", "starter__glute-bridge": clam.pk})
        assert r.status_code == 200
        assert "Choose one of this exercise&#x27;s rungs." in r.content.decode()
        assert not Plan.objects.exists()

    def test_it_asks_for_a_template(self, client, alice_cleared, catalog):
        client.force_login(alice_cleared)
        r = client.post("/plan/start/", {})
        assert "Choose a plan to start with." in r.content.decode()
        assert not Plan.objects.exists()

    def test_a_second_start_creates_nothing_more(self, client, alice_cleared, catalog):
        client.force_login(alice_cleared)
        client.post("/plan/start/", {"template": "starter"})
        r = client.post("/plan/start/", {"template": "whole-chain"})
        assert r.url == "/plan/"
        assert Plan.objects.count() == 1
        assert PlanExercise.objects.count() == 3


class TestPlanCreateFromTemplate:
    def test_a_race_past_the_view_check_is_refused_whole(self, alice_plan):
        from progress.models import PlanTemplate
        from progress.services.plans import PlanError, plan_create_from_template

        with pytest.raises(PlanError, match="already have a plan"):
            plan_create_from_template(
                user=alice_plan.user,
                template=PlanTemplate.objects.get(slug="whole-chain"),
                now=timezone.now(),
            )
        assert PlanExercise.objects.count() == 3

    def test_a_bad_rung_rolls_back_everything(self, alice_cleared, catalog):
        from progress.models import PlanTemplate
        from progress.services.plans import PlanError, plan_create_from_template

        template = PlanTemplate.objects.get(slug="starter")
        bridge = template.items.get(exercise__slug="glute-bridge").exercise
        wrong = Rung.objects.get(exercise__slug="pullover", position=1)
        with pytest.raises(PlanError):
            plan_create_from_template(
                user=alice_cleared,
                template=template,
                starting_rungs={bridge.pk: wrong},
                now=timezone.now(),
            )
        assert not Plan.objects.exists()
        assert not PlanExercise.objects.exists()


class TestActivitiesAtStart:
    """The PSFS activities are asked once at plan start, so the outcome has a baseline."""

    def test_the_form_asks_for_them_as_an_option(self, alice_client, alice_cleared, catalog):
        html = alice_client.get("/plan/start/").content.decode()
        assert "What does your back make hard?" in html and "(optional)" in html
        assert 'name="activity-0-name"' in html and 'name="activity-2-score"' in html

    def test_rated_activities_are_the_first_psfs_ratings(
        self, alice_client, alice_cleared, catalog
    ):
        data = {"template": "starter"} | psfs_post(
            ("Putting on socks", 3), ("Gardening", 5), initial=0
        )
        r = alice_client.post("/plan/start/", data)
        assert r.url == "/today/"
        ratings = PsfsRating.objects.filter(activity__user=alice_cleared).order_by(
            "activity__position"
        )
        assert [(r.activity.name, r.score) for r in ratings] == [
            ("Putting on socks", 3),
            ("Gardening", 5),
        ]

    def test_they_may_be_left_empty(self, alice_client, alice_cleared, catalog):
        r = alice_client.post("/plan/start/", {"template": "starter"} | psfs_post(initial=0))
        assert r.url == "/today/"
        assert Plan.objects.filter(user=alice_cleared).exists()

    def test_a_bad_rating_keeps_everything_typed_and_starts_nothing(
        self, alice_client, alice_cleared, catalog
    ):
        data = {"template": "starter"} | psfs_post(("Putting on socks", 11), initial=0)
        r = alice_client.post("/plan/start/", data)
        html = r.content.decode()
        assert r.status_code == 200
        assert "Rate from 0" in html
        assert 'value="Putting on socks"' in html and 'value="starter" checked' in html
        assert not Plan.objects.filter(user=alice_cleared).exists()
