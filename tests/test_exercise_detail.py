import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises import catalog_data
from exercises.catalog import catalog_load
from exercises.models import Equipment, Exercise, Rung

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog():
    catalog_load()


@pytest.fixture
def bridge(catalog):
    return Exercise.objects.get(slug="glute-bridge")


class TestExerciseDetail:
    def test_it_shows_the_exercise_why_it_helps_and_safety_notes(self, client, bridge):
        response = client.get("/exercises/glute-bridge/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "<h1" in html and bridge.name in html
        assert bridge.summary in html
        assert "Why it helps" in html
        assert bridge.why_it_helps.split(".")[0] in html
        assert "Safety" in html
        assert bridge.safety_notes.split(".")[0] in html
        assert bridge.region.name in html

    def test_it_shows_the_whole_ladder_in_order(self, client, bridge):
        response = client.get("/exercises/glute-bridge/")
        html = response.content.decode()
        rungs = list(bridge.rungs.order_by("position"))
        assert [r.position for r in response.context["exercise"].rungs.all()] == [
            r.position for r in rungs
        ]
        offsets = [html.index(f'id="rung-{r.position}"') for r in rungs]
        assert offsets == sorted(offsets)
        for rung in rungs:
            assert rung.name in html
            assert rung.get_stage_display() in html
            assert rung.dose_text in html
            assert rung.marker_name in html
            for cue in rung.cue_list():
                assert cue in html
            for step in rung.instruction_steps():
                assert f"<li>{step}</li>" in html

    def test_it_names_a_marker_once_when_its_unit_is_the_same_word(self, client, bridge):
        rung = bridge.rungs.get(position=1)
        rung.marker_name, rung.marker_unit = "Reps", "reps"
        rung.save()
        bridge.rungs.filter(position=2).update(marker_name="Hold time", marker_unit="s")
        html = client.get("/exercises/glute-bridge/").content.decode()
        assert "To measure, if you like:</span> Reps</p>" in html
        assert "Reps (reps)" not in html
        assert "To measure, if you like:</span> Hold time (s)</p>" in html

    def test_it_shows_the_safety_notes_before_the_ladder(self, client, bridge):
        html = client.get("/exercises/glute-bridge/").content.decode()
        assert html.index("Safety</h2>") < html.index("The ladder</h2>")

    def test_it_lists_the_equipment(self, client, bridge):
        html = client.get("/exercises/glute-bridge/").content.decode()
        for item in bridge.equipment.all():
            assert item.name in html

    def test_a_rung_says_what_it_needs_only_when_it_needs_something(self, client, catalog):
        html = client.get("/exercises/hip-flexor-stretch/").content.decode()
        chair = Equipment.objects.get(slug="chair").name
        first = html[html.index('id="rung-1"') : html.index('id="rung-2"')]
        second = html[html.index('id="rung-2"') : html.index('id="rung-3"')]
        assert f"Needs:</span> {chair}</p>" in first
        assert "Needs:" not in second

    def test_every_catalog_exercise_has_a_page(self, client, catalog):
        for row in catalog_data.EXERCISES:
            r = client.get(f"/exercises/{row['slug']}/")
            assert r.status_code == 200
            assert "The ladder</h2>" in r.content.decode(), row["slug"]

    def test_an_unknown_exercise_is_not_found(self, client, catalog):
        r = client.get("/exercises/no-such-exercise/")
        assert r.status_code == 404
        assert "We could not find that page" in r.content.decode()

    def test_an_unpublished_exercise_is_not_found_for_the_public(
        self, client, alice_client, bridge
    ):
        Exercise.objects.filter(pk=bridge.pk).update(is_published=False)
        for visitor in (client, alice_client):
            r = visitor.get("/exercises/glute-bridge/")
            assert r.status_code == 404
            # Not even the name of an exercise the curators have not published yet.
            assert "We could not find that page" in r.content.decode()
            assert bridge.name not in r.content.decode()

    def test_staff_may_preview_an_unpublished_exercise(self, client, bridge, django_user_model):
        staff = django_user_model.objects.create_user(email="staff@example.com", is_staff=True)
        client.force_login(staff)
        Exercise.objects.filter(pk=bridge.pk).update(is_published=False)
        response = client.get("/exercises/glute-bridge/")
        assert response.status_code == 200
        assert "unpublished</span>" in response.content.decode()

    def test_it_escapes_curator_text(self, client, bridge):
        Exercise.objects.filter(pk=bridge.pk).update(safety_notes="<script>x()</script>")
        html = client.get("/exercises/glute-bridge/").content.decode()
        assert "<script>x()</script>" not in html
        assert "&lt;script&gt;" in html

    def test_it_rejects_post(self, client, bridge):
        r = client.post("/exercises/glute-bridge/")
        assert r.status_code == 405
        assert r["Allow"] == "GET, HEAD"

    def test_its_query_count_does_not_grow_with_the_ladder(self, client, bridge):
        with CaptureQueriesContext(connection) as loaded:
            client.get("/exercises/glute-bridge/")
        top = bridge.rungs.order_by("-position").first().position
        for n in range(1, 6):
            Rung.objects.create(
                exercise=bridge,
                position=top + n,
                name=f"Extra rung {n}",
                stage="loaded",
                instructions="1. Lift.",
                cues="Brace",
                reps=8,
                marker_name="Load",
                marker_unit="kg",
            )
        bridge.equipment.add(*Equipment.objects.all())
        with CaptureQueriesContext(connection) as grown:
            html = client.get("/exercises/glute-bridge/").content.decode()
        assert "Extra rung 5" in html
        assert len(grown) == len(loaded)
