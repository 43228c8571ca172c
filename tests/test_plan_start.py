import re

import pytest
from django.utils import timezone

from exercises.models import Rung
from progress.models import Plan, PlanExercise, PlanTemplate, PsfsRating, RungChange
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
        # A browser always sends the CSRF token, so the form is bound even with nothing chosen.
        r = client.post("/plan/start/", {"csrfmiddlewaretoken": "sent-by-every-browser"})
        assert (
            '<div class="alert alert-danger" role="alert" id="template_error">'
            "Choose a plan to start with.</div>"
        ) in r.content.decode()
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


def selected_rung(html: str, field: str) -> int:
    """The position of the rung a starting-rung select shows as chosen."""
    select = re.search(rf'<select name="{field}".*?</select>', html, re.S).group(0)
    option = re.search(r'<option value="\d+" selected>Rung (\d+):', select)
    return int(option.group(1))


def ticked(html: str) -> set[str]:
    return set(re.findall(r'name="equipment" value="([\w-]+)"[^>]* checked>', html))


class TestEquipmentAtStart:
    """Plan start asks what equipment the person has and fits the starting rungs to it."""

    def test_it_asks_about_the_equipment_the_templates_rungs_need(
        self, alice_client, alice_cleared, catalog
    ):
        html = alice_client.get("/plan/start/").content.decode()
        assert "Which of these do you have?" in html
        offered = set(re.findall(r'name="equipment" value="([\w-]+)"', html))
        # Mats and cushions are never needed; no template exercise uses the slant bar.
        assert offered == {"chair", "bench", "step", "wall", "dumbbell", "resistance-band"}
        assert not ticked(html)
        assert 'name="propose"' in html and "Suggest starting rungs for my equipment" in html

    def test_suggesting_fits_the_rungs_and_keeps_everything_typed(
        self, alice_client, alice_cleared, catalog
    ):
        data = {"template": "whole-chain", "equipment": ["chair", "wall"], "propose": "1"}
        r = alice_client.post("/plan/start/", data | psfs_post(("Gardening", 4), initial=0))
        html = r.content.decode()
        assert r.status_code == 200
        assert not Plan.objects.exists()
        # No step: the split squat's first two rungs need one, its third only a wall.
        assert selected_rung(html, "whole-chain__atg-split-squat") == 3
        assert "Rung 3 instead of 1: rung 1 needs a step or box. Rung 3 is harder" in html
        # A chair is at hand: the good morning and side bend keep their suggested rung.
        assert selected_rung(html, "whole-chain__seated-good-morning") == 1
        assert selected_rung(html, "whole-chain__ql-stretch-and-strengthen") == 1
        assert html.count("instead of") == 1
        assert "fitted to the equipment you ticked" in html
        assert ticked(html) == {"chair", "wall"}
        assert 'value="whole-chain" checked' in html and 'value="Gardening"' in html
        assert re.search(r'name="activity-0-score"[^>]*value="4"', html)
        assert 'id="template_error"' not in html  # nothing reported missing yet

    def test_with_nothing_ticked_a_rung_needing_nothing_is_chosen_or_the_need_is_said(
        self, alice_client, alice_cleared, catalog
    ):
        html = alice_client.post("/plan/start/", {"propose": "1"}).content.decode()
        assert selected_rung(html, "whole-chain__atg-split-squat") == 4
        assert "Rung 4 instead of 1: rung 1 needs a step or box and a wall." in html
        assert selected_rung(html, "whole-chain__seated-good-morning") == 1
        assert "Rung 1 needs a chair, and no rung of this exercise fits what you ticked." in html
        # The starter's suggested rungs need nothing: no note there.
        assert selected_rung(html, "starter__hip-flexor-stretch") == 2
        assert 'id="template_error"' not in html  # nothing reported missing yet

    def test_an_easier_rung_is_proposed_before_a_harder_one(
        self, alice_client, alice_cleared, catalog
    ):
        template = PlanTemplate.objects.get(slug="starter")
        couch = Rung.objects.get(exercise__slug="hip-flexor-stretch", position=5)
        template.items.filter(exercise__slug="hip-flexor-stretch").update(starting_rung=couch)
        html = alice_client.post("/plan/start/", {"propose": "1"}).content.decode()
        assert selected_rung(html, "starter__hip-flexor-stretch") == 4
        assert "Rung 4 instead of 5: rung 5 needs a bench." in html

    def test_starting_after_a_suggestion_uses_the_rungs_selected(
        self, alice_client, alice_cleared, catalog
    ):
        data = {"template": "whole-chain", "equipment": ["chair", "wall"], "propose": "1"}
        html = alice_client.post("/plan/start/", data).content.decode()
        chosen = {
            f"whole-chain__{slug}": re.search(
                rf'<select name="whole-chain__{slug}".*?<option value="(\d+)" selected>',
                html,
                re.S,
            ).group(1)
            for slug in ("atg-split-squat", "seated-good-morning", "pullover")
        }
        del data["propose"]
        r = alice_client.post("/plan/start/", data | chosen)
        assert r.url == "/today/"
        items = {i.exercise.slug: i.rung.position for i in PlanExercise.objects.all()}
        assert items == {
            "atg-split-squat": 3,
            "seated-good-morning": 1,
            "ql-stretch-and-strengthen": 1,
            "pullover": 1,
        }

    def test_a_half_typed_activity_is_kept_without_an_error_until_the_start(
        self, alice_client, alice_cleared, catalog
    ):
        data = {"template": "starter", "propose": "1"} | psfs_post(("Gardening", ""), initial=0)
        html = alice_client.post("/plan/start/", data).content.decode()
        assert 'value="Gardening"' in html and "Rate “Gardening”" not in html
        del data["propose"]
        html = alice_client.post("/plan/start/", data).content.decode()
        assert "Rate “Gardening”" in html
        assert not Plan.objects.exists()

    def test_a_start_that_fails_keeps_the_equipment_ticked(
        self, alice_client, alice_cleared, catalog
    ):
        html = alice_client.post("/plan/start/", {"equipment": ["bench"]}).content.decode()
        assert 'id="template_error"' in html
        assert ticked(html) == {"bench"}
