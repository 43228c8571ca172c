import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises import catalog_data
from exercises.catalog import catalog_load
from exercises.models import Equipment, Exercise, Region, Rung

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog():
    catalog_load()


def exercise_names(response):
    return [e.name for _, exercises in response.context["groups"] for e in exercises]


def add_exercise_with_rungs(slug, *, region, rungs=3):
    exercise = Exercise.objects.create(
        name=slug.replace("-", " ").title(), slug=slug, region=region, summary="Extra."
    )
    exercise.equipment.set(Equipment.objects.all()[:2])
    for position in range(1, rungs + 1):
        Rung.objects.create(
            exercise=exercise,
            position=position,
            name=f"Rung {position}",
            stage="bodyweight",
            instructions="1. Move.",
            cues="Breathe",
            reps=10,
            marker_name="Reps",
            marker_unit="reps",
        )
    return exercise


class TestExerciseList:
    def test_it_lists_every_published_exercise_grouped_by_region_in_order(self, client, catalog):
        response = client.get("/exercises/")
        assert response.status_code == 200
        regions = [region.slug for region, _ in response.context["groups"]]
        assert regions == [
            r["slug"] for r in sorted(catalog_data.REGIONS, key=lambda r: r["order"])
        ]
        expected = [
            row["name"]
            for row in sorted(
                catalog_data.EXERCISES,
                key=lambda r: (Region.objects.get(slug=r["region"]).order, r["order"], r["name"]),
            )
        ]
        assert exercise_names(response) == expected

    def test_it_shows_region_headings_and_links_to_each_exercise(self, client, catalog):
        html = client.get("/exercises/").content.decode()
        for region in catalog_data.REGIONS:
            assert f'id="region-{region["slug"]}">{region["name"]}</h2>' in html
        assert 'href="/exercises/glute-bridge/"' in html

    def test_it_works_anonymously_and_signed_in(self, client, alice_client, catalog):
        assert alice_client.get("/exercises/").status_code == 200
        for visitor in (client, alice_client):
            assert 'href="/exercises/glute-bridge/"' in visitor.get("/exercises/").content.decode()

    def test_it_hides_unpublished_exercises_from_the_public(self, client, alice_client, catalog):
        Exercise.objects.filter(slug="pullover").update(is_published=False)
        assert "Pullover" not in exercise_names(client.get("/exercises/"))
        assert "Pullover" not in exercise_names(alice_client.get("/exercises/"))

    def test_staff_see_unpublished_exercises_marked_as_such(
        self, client, catalog, django_user_model
    ):
        staff = django_user_model.objects.create_user(email="staff@example.com", is_staff=True)
        client.force_login(staff)
        Exercise.objects.filter(slug="pullover").update(is_published=False)
        response = client.get("/exercises/")
        assert "Pullover" in exercise_names(response)
        assert "unpublished</span>" in response.content.decode()

    def test_it_filters_by_region(self, client, catalog):
        response = client.get("/exercises/?region=below")
        expected = [r["name"] for r in catalog_data.EXERCISES if r["region"] == "below"]
        assert sorted(exercise_names(response)) == sorted(expected)
        assert [region.slug for region, _ in response.context["groups"]] == ["below"]

    def test_it_filters_by_equipment(self, client, catalog):
        response = client.get("/exercises/?equipment=slant-bar")
        expected = [r["name"] for r in catalog_data.EXERCISES if "slant-bar" in r["equipment"]]
        assert expected
        assert sorted(exercise_names(response)) == sorted(expected)

    def test_it_filters_by_region_and_equipment_together(self, client, catalog):
        response = client.get("/exercises/?region=below&equipment=chair")
        expected = [
            r["name"]
            for r in catalog_data.EXERCISES
            if r["region"] == "below" and "chair" in r["equipment"]
        ]
        assert sorted(exercise_names(response)) == sorted(expected)

    def test_it_keeps_the_chosen_filter_selected(self, client, catalog):
        html = client.get("/exercises/?region=above").content.decode()
        assert '<option value="above" selected>' in html

    def test_empty_filter_values_show_everything(self, client, catalog):
        response = client.get("/exercises/?region=&equipment=")
        assert len(exercise_names(response)) == len(catalog_data.EXERCISES)

    @pytest.mark.parametrize(
        "query", ["region=nowhere", "equipment=rocket", "region=below&equipment=%3Cb%3E"]
    )
    def test_an_unknown_filter_value_explains_itself_and_lists_nothing(
        self, client, catalog, query
    ):
        response = client.get(f"/exercises/?{query}")
        assert response.status_code == 200
        assert exercise_names(response) == []
        html = response.content.decode()
        assert "That filter is not one we know" in html
        assert "there is no " in html
        assert 'href="/exercises/">Show all exercises</a>' in html
        assert "<b>" not in html

    def test_an_unknown_region_is_named_in_the_message(self, client, catalog):
        html = client.get("/exercises/?region=nowhere").content.decode()
        assert "there is no region called “nowhere”." in html
        assert "No exercises match" not in html

    def test_a_filter_that_matches_nothing_says_so(self, client, catalog):
        Exercise.objects.filter(region__slug="above").update(is_published=False)
        response = client.get("/exercises/?region=above")
        assert exercise_names(response) == []
        assert "No exercises match this filter." in response.content.decode()

    def test_an_empty_catalog_says_so(self, client):
        response = client.get("/exercises/")
        assert response.status_code == 200
        assert "No exercises match" in response.content.decode()

    def test_it_counts_rungs_in_words(self, client, catalog):
        exercise = add_exercise_with_rungs("one-step", region=Region.objects.first(), rungs=1)
        html = client.get("/exercises/").content.decode()
        assert re.search(r"\b1 rung · bodyweight<", html)
        assert exercise.name in html

    def test_it_names_each_stage_a_ladder_covers_once_easiest_first(self, client, catalog):
        response = client.get("/exercises/")
        clamshell = next(
            e for _, group in response.context["groups"] for e in group if e.slug == "clamshell"
        )
        stages = list(clamshell.rungs.values_list("stage", flat=True))
        assert clamshell.stage_names == [
            s for s in ("assisted", "bodyweight", "loaded") if s in stages
        ]
        assert f"{len(stages)} rungs · {', '.join(clamshell.stage_names)}<" in (
            response.content.decode()
        )

    def test_it_rejects_post(self, client):
        r = client.post("/exercises/")
        assert r.status_code == 405
        assert r["Allow"] == "GET, HEAD"

    @pytest.mark.parametrize("query", ["", "?equipment=chair"])
    def test_its_query_count_does_not_grow_with_the_catalog(self, client, catalog, query):
        with CaptureQueriesContext(connection) as loaded:
            client.get(f"/exercises/{query}")
        for n in range(5):
            add_exercise_with_rungs(f"extra-{n}", region=Region.objects.get(slug="around"))
        with CaptureQueriesContext(connection) as grown:
            response = client.get(f"/exercises/{query}")
        assert len(exercise_names(response)) > len(catalog_data.EXERCISES) - 4
        assert len(grown) == len(loaded)
