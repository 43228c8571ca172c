import pytest

from exercises.catalog import catalog_load
from exercises.models import MARKER_NAME_MISSING, MARKER_UNIT_MISSING, Exercise, Rung
from progress.models import Plan, PlanExercise
from tests.builders import rung_admin_form

# admin_client is pytest-django's, signed in as conftest's admin_user (with two-factor).
pytestmark = pytest.mark.django_db


@pytest.fixture
def bridge():
    catalog_load()
    return Exercise.objects.get(slug="glute-bridge")


@pytest.fixture
def used_rung(alice, bridge):
    rung = bridge.rungs.get(position=2)
    PlanExercise.objects.create(plan=Plan.objects.create(user=alice), exercise=bridge, rung=rung)
    return rung


class TestRungChangelist:
    def test_it_filters_by_stage_region_and_published(self, admin_client, bridge):
        response = admin_client.get("/admin/exercises/rung/?stage__exact=loaded")
        assert response.status_code == 200
        assert {r.stage for r in response.context["cl"].result_list} == {"loaded"}
        titles = {spec.title for spec in response.context["cl"].filter_specs}
        assert {"stage", "region", "published"} <= titles

    def test_search_finds_rungs_by_exercise_name(self, admin_client, bridge):
        response = admin_client.get("/admin/exercises/rung/?q=glute+bridge")
        assert set(response.context["cl"].result_list) >= set(bridge.rungs.all())


class TestRungChange:
    def test_it_saves_an_edit(self, admin_client, bridge):
        rung = bridge.rungs.get(position=1)
        response = admin_client.post(
            f"/admin/exercises/rung/{rung.pk}/change/", rung_admin_form(rung, name="Renamed")
        )
        assert response.status_code == 302
        rung.refresh_from_db()
        assert rung.name == "Renamed"

    def test_a_taken_position_is_a_clear_error(self, admin_client, bridge):
        rung = bridge.rungs.get(position=1)
        response = admin_client.post(
            f"/admin/exercises/rung/{rung.pk}/change/", rung_admin_form(rung, position=2)
        )
        assert response.status_code == 200
        assert response.context["adminform"].form.non_field_errors() == [
            "Each rung of an exercise needs its own position."
        ]
        rung.refresh_from_db()
        assert rung.position == 1

    @pytest.mark.parametrize("field", ["sets", "position"])
    @pytest.mark.parametrize("value", [0, -2])
    def test_a_zero_or_negative_number_is_a_field_error(self, admin_client, bridge, field, value):
        rung = bridge.rungs.get(position=1)
        response = admin_client.post(
            f"/admin/exercises/rung/{rung.pk}/change/", rung_admin_form(rung, **{field: value})
        )
        assert response.status_code == 200
        assert response.context["adminform"].form.errors[field] == [
            "Ensure this value is greater than or equal to 1."
        ]

    def test_a_number_that_is_not_a_number_is_a_field_error(self, admin_client, bridge):
        rung = bridge.rungs.get(position=1)
        response = admin_client.post(
            f"/admin/exercises/rung/{rung.pk}/change/", rung_admin_form(rung, sets="lots")
        )
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["sets"] == ["Enter a whole number."]

    def test_a_dose_too_big_for_the_database_is_a_field_error(self, admin_client, bridge):
        rung = bridge.rungs.get(position=1)
        response = admin_client.post(
            f"/admin/exercises/rung/{rung.pk}/change/", rung_admin_form(rung, sets=70000)
        )
        assert response.status_code == 200
        assert "sets" in response.context["adminform"].form.errors


class TestRungDelete:
    def test_an_unused_rung_can_be_deleted(self, admin_client, bridge):
        rung = bridge.rungs.get(position=1)
        response = admin_client.post(f"/admin/exercises/rung/{rung.pk}/delete/", {"post": "yes"})
        assert response.status_code == 302
        assert not Rung.objects.filter(pk=rung.pk).exists()

    def test_a_used_rung_explains_why_it_cannot_be_deleted(self, admin_client, used_rung):
        response = admin_client.get(f"/admin/exercises/rung/{used_rung.pk}/delete/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "This rung is used in people's plans, so it cannot be deleted." in html
        assert f'href="/admin/exercises/exercise/{used_rung.exercise_id}/change/"' in html
        assert "Plan exercise #" in html
        assert "alice@example.com" not in html

    def test_a_used_rung_is_not_deleted_on_post(self, admin_client, used_rung):
        response = admin_client.post(
            f"/admin/exercises/rung/{used_rung.pk}/delete/", {"post": "yes"}
        )
        assert response.status_code == 200
        assert Rung.objects.filter(pk=used_rung.pk).exists()

    def test_deleting_selected_used_rungs_explains_why_not(self, admin_client, used_rung):
        response = admin_client.post(
            "/admin/exercises/rung/",
            {"action": "delete_selected", "_selected_action": [used_rung.pk]},
        )
        assert response.status_code == 200
        assert "Some of these rungs are used in people's plans" in response.content.decode()
        assert Rung.objects.filter(pk=used_rung.pk).exists()


class TestRungMarker:
    def test_a_rung_with_nothing_to_measure_saves(self, editor_client, bridge):
        rung = bridge.rungs.get(position=1)
        response = editor_client.post(
            f"/admin/exercises/rung/{rung.pk}/change/",
            rung_admin_form(rung, marker_name="", marker_unit=""),
        )
        assert response.status_code == 302
        rung.refresh_from_db()
        assert (rung.marker_name, rung.marker_unit) == ("", "")

    @pytest.mark.parametrize(
        ("changes", "field", "message"),
        [
            ({"marker_unit": ""}, "marker_unit", MARKER_UNIT_MISSING),
            ({"marker_name": "  "}, "marker_name", MARKER_NAME_MISSING),
        ],
        ids=["name-without-unit", "unit-without-name"],
    )
    def test_one_without_the_other_is_an_error_on_the_missing_field(
        self, editor_client, bridge, changes, field, message
    ):
        rung = bridge.rungs.get(position=1)
        response = editor_client.post(
            f"/admin/exercises/rung/{rung.pk}/change/", rung_admin_form(rung, **changes)
        )
        assert response.status_code == 200
        assert response.context["adminform"].form.errors == {field: [message]}
        assert message.replace("'", "&#x27;").replace('"', "&quot;") in response.content.decode()
        rung.refresh_from_db()
        assert (rung.marker_name, rung.marker_unit) == ("Reps", "reps")


class TestRungStageOrder:
    def test_a_rung_added_above_a_loaded_one_saves_with_a_warning(self, editor_client, bridge):
        top = bridge.rungs.get(position=5)
        assert top.stage == "loaded"
        data = rung_admin_form(top, position=6, name="Bridge on a cushion", stage="assisted")
        response = editor_client.post("/admin/exercises/rung/add/", data, follow=True)
        assert response.status_code == 200
        assert bridge.rungs.get(position=6).name == "Bridge on a cushion"
        warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
        assert warnings == [
            "Saved, but Glute bridge’s rungs are no longer easiest first (assisted, then "
            "bodyweight, then loaded): rung 5 “Loaded bridge, weight on the hips” (loaded) "
            "comes before rung 6 “Bridge on a cushion” (assisted). Check the positions if "
            "that is not what you meant."
        ]

    def test_an_edit_that_keeps_the_order_has_no_warning(self, editor_client, bridge):
        rung = bridge.rungs.get(position=1)
        response = editor_client.post(
            f"/admin/exercises/rung/{rung.pk}/change/",
            rung_admin_form(rung, cues="Slow"),
            follow=True,
        )
        assert response.status_code == 200
        assert [m.level_tag for m in response.context["messages"]] == ["success"]
