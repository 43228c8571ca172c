import re

import pytest

from exercises.catalog import catalog_load
from exercises.models import Equipment, Exercise, Region, Rung
from progress.models import Plan, PlanExercise
from tests.builders import exercise_admin_form

# admin_client is pytest-django's, signed in as conftest's admin_user (with two-factor).
pytestmark = pytest.mark.django_db

RUNG_FIELDS = Rung.CONTENT_FIELDS


@pytest.fixture
def bridge():
    catalog_load()
    return Exercise.objects.get(slug="glute-bridge")


@pytest.fixture
def alice_plan(alice, bridge):
    plan = Plan.objects.create(user=alice)
    rung = bridge.rungs.get(position=1)
    return PlanExercise.objects.create(plan=plan, exercise=bridge, rung=rung)


def post_with_new_rung(admin_client, exercise, fields):
    """Post the exercise's change form with a rung added after the others, made of `fields`;
    the form comes back (200) and this is the new rung's, with its errors."""
    rungs = list(exercise.rungs.order_by("position"))
    data = exercise_admin_form(
        exercise, rungs=[*rungs, new_rung(**{"position": len(rungs) + 1, **fields})]
    )
    response = admin_client.post(f"/admin/exercises/exercise/{exercise.pk}/change/", data)
    assert response.status_code == 200
    return response.context["inline_admin_formsets"][0].formset.forms[len(rungs)]


def new_rung(position, **fields):
    values = {
        "name": "Bridge with a band round the knees",
        "stage": "loaded",
        "instructions": "1. Loop a band above the knees.\n2. Bridge, pressing the knees out.",
        "cues": "Knees out",
        "sets": 3,
        "reps": 12,
        "hold_seconds": None,
        "per_side": False,
        "marker_name": "Band",
        "marker_unit": "colour",
    }
    values.update(fields)
    values.setdefault("position", position)
    return Rung(**values)


def positions(exercise):
    return dict(exercise.rungs.values_list("name", "position"))


class TestExerciseChangelist:
    def test_it_lists_exercises_with_their_rung_counts(self, admin_client, bridge):
        response = admin_client.get("/admin/exercises/exercise/")
        assert response.status_code == 200
        assert response.context["cl"].result_count == Exercise.objects.count()
        row = next(e for e in response.context["cl"].result_list if e.pk == bridge.pk)
        assert row._rung_count == bridge.rungs.count()

    def test_it_filters_by_region_stage_and_published(self, admin_client, bridge):
        response = admin_client.get("/admin/exercises/exercise/")
        titles = [spec.title for spec in response.context["cl"].filter_specs]
        assert {"region", "stage", "published"} <= set(titles)

    def test_the_region_filter_keeps_one_region(self, admin_client, bridge):
        response = admin_client.get(
            f"/admin/exercises/exercise/?region__id__exact={bridge.region_id}"
        )
        found = response.context["cl"].result_list
        assert bridge in found
        assert {e.region_id for e in found} == {bridge.region_id}

    def test_the_stage_filter_lists_each_exercise_once(self, admin_client, bridge):
        response = admin_client.get("/admin/exercises/exercise/?rungs__stage__exact=bodyweight")
        found = [e.pk for e in response.context["cl"].result_list]
        assert len(found) == len(set(found))
        expected = Exercise.objects.filter(rungs__stage="bodyweight").distinct().count()
        assert len(found) == expected

    def test_the_published_filter_finds_unpublished_exercises(self, admin_client, bridge):
        Exercise.objects.filter(pk=bridge.pk).update(is_published=False)
        response = admin_client.get("/admin/exercises/exercise/?is_published__exact=0")
        assert list(response.context["cl"].result_list) == [bridge]

    def test_search_finds_an_exercise_by_rung_name_once(self, admin_client, bridge):
        response = admin_client.get("/admin/exercises/exercise/?q=bridge")
        found = [e.pk for e in response.context["cl"].result_list]
        assert bridge.pk in found
        assert len(found) == len(set(found))

    def test_an_unknown_filter_value_is_not_a_server_error(self, admin_client, bridge):
        response = admin_client.get("/admin/exercises/exercise/?region__id__exact=nonsense")
        assert response.status_code in (200, 302)
        # The admin drops the filter it cannot read and shows the whole list.
        url = "/admin/exercises/exercise/?region__id__exact=nonsense"
        assert bridge.name in admin_client.get(url, follow=True).content.decode()


class TestExerciseAdd:
    def test_it_prefills_the_slug_from_the_name(self, admin_client):
        html = admin_client.get("/admin/exercises/exercise/add/").content.decode()
        assert "data-prepopulated-fields" in html
        assert "&quot;#id_slug&quot;" in html
        assert "&quot;#id_name&quot;" in html

    def test_it_adds_an_exercise_with_rungs(self, admin_client, bridge):
        exercise = Exercise(
            name="Bird dog",
            slug="bird-dog",
            region=Region.objects.get(slug="around"),
            summary="Opposite arm and leg.",
        )
        data = exercise_admin_form(
            exercise, rungs=[new_rung(1), new_rung(2, name="Longer", reps=None, hold_seconds=20)]
        )
        response = admin_client.post("/admin/exercises/exercise/add/", data)
        assert response.status_code == 302
        added = Exercise.objects.get(slug="bird-dog")
        assert list(added.rungs.values_list("position", flat=True)) == [1, 2]

    def test_a_slug_clash_is_a_form_error(self, admin_client, bridge):
        clash = Exercise(
            name="Another bridge",
            slug="glute-bridge",
            region=bridge.region,
            summary="Same slug.",
        )
        response = admin_client.post("/admin/exercises/exercise/add/", exercise_admin_form(clash))
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["slug"] == [
            "Exercise with this Slug already exists."
        ]
        assert Exercise.objects.filter(slug="glute-bridge").count() == 1


class TestExerciseChange:
    def test_it_shows_the_rungs_inline_in_order(self, admin_client, bridge):
        response = admin_client.get(f"/admin/exercises/exercise/{bridge.pk}/change/")
        assert response.status_code == 200
        formset = response.context["inline_admin_formsets"][0].formset
        assert [f.instance.position for f in formset.forms] == sorted(
            bridge.rungs.values_list("position", flat=True)
        )

    def test_a_rungs_equipment_is_ticked_in_the_inline_and_saved(self, admin_client, bridge):
        html = admin_client.get(f"/admin/exercises/exercise/{bridge.pk}/change/").content.decode()
        loaded = bridge.rungs.get(position=5)
        dumbbell = Equipment.objects.get(slug="dumbbell")
        index = list(bridge.rungs.order_by("position")).index(loaded)
        ticked = re.findall(rf'name="rungs-{index}-equipment" value="(\d+)"[^>]* checked>', html)
        assert ticked == [str(dumbbell.pk)]
        band = Equipment.objects.get(slug="resistance-band")
        data = exercise_admin_form(bridge) | {f"rungs-{index}-equipment": [dumbbell.pk, band.pk]}
        response = admin_client.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data)
        assert response.status_code == 302
        assert set(loaded.equipment.values_list("slug", flat=True)) == {
            "dumbbell",
            "resistance-band",
        }
        # The other rungs keep theirs: the bridge on the floor still needs nothing.
        assert not bridge.rungs.get(position=1).equipment.exists()

    def test_swapping_two_rungs_positions_saves(self, admin_client, bridge):
        rungs = list(bridge.rungs.order_by("position"))
        first, second = rungs[0], rungs[1]
        first.position, second.position = 2, 1
        response = admin_client.post(
            f"/admin/exercises/exercise/{bridge.pk}/change/",
            exercise_admin_form(bridge, rungs=rungs),
        )
        assert response.status_code == 302
        first.refresh_from_db()
        second.refresh_from_db()
        assert (first.position, second.position) == (2, 1)
        assert sorted(bridge.rungs.values_list("position", flat=True)) == list(
            range(1, len(rungs) + 1)
        )

    def test_reversing_the_whole_ladder_saves(self, admin_client, bridge):
        rungs = list(bridge.rungs.order_by("position"))
        names = [r.name for r in rungs]
        for rung, position in zip(rungs, reversed(range(1, len(rungs) + 1)), strict=True):
            rung.position = position
        response = admin_client.post(
            f"/admin/exercises/exercise/{bridge.pk}/change/",
            exercise_admin_form(bridge, rungs=rungs),
        )
        assert response.status_code == 302
        assert list(bridge.rungs.order_by("position").values_list("name", flat=True)) == list(
            reversed(names)
        )

    def test_it_adds_a_rung_in_the_inline(self, admin_client, bridge):
        rungs = list(bridge.rungs.order_by("position"))
        top = rungs[-1].position
        data = exercise_admin_form(bridge, rungs=[*rungs, new_rung(top + 1)])
        response = admin_client.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data)
        assert response.status_code == 302
        assert bridge.rungs.get(position=top + 1).name == "Bridge with a band round the knees"

    def test_it_edits_the_exercise_and_a_rung(self, admin_client, bridge):
        rungs = list(bridge.rungs.order_by("position"))
        rungs[0].sets = 3
        data = exercise_admin_form(bridge, rungs=rungs, summary="A curator's summary.")
        response = admin_client.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data)
        assert response.status_code == 302
        bridge.refresh_from_db()
        rungs[0].refresh_from_db()
        assert (bridge.summary, rungs[0].sets) == ("A curator's summary.", 3)

    def test_deleting_a_rung_and_moving_another_into_its_place_saves(self, admin_client, bridge):
        rungs = list(bridge.rungs.order_by("position"))
        first, second = rungs[0], rungs[1]
        second.position = 1
        data = exercise_admin_form(bridge, rungs=rungs, delete={first.pk})
        response = admin_client.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data)
        assert response.status_code == 302
        assert not Rung.objects.filter(pk=first.pk).exists()
        second.refresh_from_db()
        assert second.position == 1

    def test_a_duplicate_position_is_a_form_error_and_nothing_changes(self, admin_client, bridge):
        before = positions(bridge)
        rungs = list(bridge.rungs.order_by("position"))
        rungs[1].position = rungs[0].position
        response = admin_client.post(
            f"/admin/exercises/exercise/{bridge.pk}/change/",
            exercise_admin_form(bridge, rungs=rungs),
        )
        assert response.status_code == 200
        assert "Please correct the duplicate data for position." in (response.content.decode())
        assert positions(bridge) == before

    def test_a_new_rung_at_a_taken_position_is_a_form_error(self, admin_client, bridge):
        rungs = list(bridge.rungs.order_by("position"))
        count = len(rungs)
        response = admin_client.post(
            f"/admin/exercises/exercise/{bridge.pk}/change/",
            exercise_admin_form(bridge, rungs=[*rungs, new_rung(1)]),
        )
        assert response.status_code == 200
        assert "duplicate data" in response.content.decode()
        assert bridge.rungs.count() == count

    @pytest.mark.parametrize(
        ("fields", "field", "message"),
        [
            ({"sets": 0}, "sets", "Ensure this value is greater than or equal to 1."),
            ({"reps": 0}, "reps", "Ensure this value is greater than or equal to 1."),
            ({"reps": -3}, "reps", "Ensure this value is greater than or equal to 1."),
            (
                {"reps": None, "hold_seconds": 0},
                "hold_seconds",
                "Ensure this value is greater than or equal to 1.",
            ),
            ({"position": 0}, "position", "Ensure this value is greater than or equal to 1."),
            (
                {"position": 5000},
                "position",
                "Ensure this value is less than or equal to 999.",
            ),
        ],
        ids=[
            "zero-sets",
            "zero-reps",
            "negative-reps",
            "zero-hold",
            "zero-position",
            "huge-position",
        ],
    )
    def test_a_bad_dose_or_position_is_a_field_error(
        self, admin_client, bridge, fields, field, message
    ):
        count = bridge.rungs.count()
        form = post_with_new_rung(admin_client, bridge, fields)
        assert form.errors[field] == [message]
        assert bridge.rungs.count() == count

    @pytest.mark.parametrize(
        "fields", [{"reps": 10, "hold_seconds": 30}, {"reps": None, "hold_seconds": None}]
    )
    def test_reps_and_hold_must_be_one_or_the_other(self, admin_client, bridge, fields):
        count = bridge.rungs.count()
        form = post_with_new_rung(admin_client, bridge, fields)
        message = "Give either reps or a hold time (at least 1), not both."
        assert form.non_field_errors() == [message]
        assert bridge.rungs.count() == count

    def test_renaming_the_slug_to_a_taken_one_is_a_form_error(self, admin_client, bridge):
        response = admin_client.post(
            f"/admin/exercises/exercise/{bridge.pk}/change/",
            exercise_admin_form(bridge, slug="clamshell"),
        )
        assert response.status_code == 200
        assert "Exercise with this Slug already exists." in response.content.decode()
        bridge.refresh_from_db()
        assert bridge.slug == "glute-bridge"

    def test_deleting_a_rung_a_plan_uses_is_a_form_error(self, admin_client, bridge, alice_plan):
        used = alice_plan.rung
        response = admin_client.post(
            f"/admin/exercises/exercise/{bridge.pk}/change/",
            exercise_admin_form(bridge, delete={used.pk}),
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "would require deleting the following protected related objects" in html
        assert "alice@example.com" not in html
        assert Rung.objects.filter(pk=used.pk).exists()

    def test_unpublishing_a_used_exercise_saves(self, admin_client, bridge, alice_plan):
        data = exercise_admin_form(bridge)
        del data["is_published"]
        response = admin_client.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data)
        assert response.status_code == 302
        bridge.refresh_from_db()
        assert bridge.is_published is False


class TestExerciseDelete:
    def test_an_unused_exercise_can_be_deleted(self, admin_client, bridge):
        response = admin_client.post(
            f"/admin/exercises/exercise/{bridge.pk}/delete/", {"post": "yes"}
        )
        assert response.status_code == 302
        assert not Exercise.objects.filter(pk=bridge.pk).exists()
        assert not Rung.objects.filter(exercise_id=bridge.pk).exists()

    def test_a_used_exercise_explains_why_it_cannot_be_deleted(
        self, admin_client, bridge, alice_plan
    ):
        response = admin_client.get(f"/admin/exercises/exercise/{bridge.pk}/delete/")
        assert response.status_code == 200
        html = response.content.decode()
        assert (
            "This exercise is used in people's plans, so it cannot be deleted. "
            "Unpublish it instead: untick “published” and save."
        ) in html
        assert f'href="/admin/exercises/exercise/{bridge.pk}/change/"' in html
        assert "Plan exercise #" in html
        assert "alice@example.com" not in html
        assert "Yes, I’m sure" not in html

    def test_a_used_exercise_is_not_deleted_on_post(self, admin_client, bridge, alice_plan):
        response = admin_client.post(
            f"/admin/exercises/exercise/{bridge.pk}/delete/", {"post": "yes"}
        )
        assert response.status_code == 200
        assert Exercise.objects.filter(pk=bridge.pk).exists()

    def test_deleting_selected_used_exercises_explains_why_not(
        self, admin_client, bridge, alice_plan
    ):
        response = admin_client.post(
            "/admin/exercises/exercise/",
            {"action": "delete_selected", "_selected_action": [bridge.pk]},
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "Some of these exercises are used in people's plans" in html
        assert "alice@example.com" not in html
        assert Exercise.objects.filter(pk=bridge.pk).exists()

    def test_an_unused_exercise_shows_no_protection_note(self, admin_client, bridge):
        html = admin_client.get(f"/admin/exercises/exercise/{bridge.pk}/delete/").content.decode()
        assert "cannot be deleted" not in html
        assert "Yes, I’m sure" in html


class TestCatalogEditorCuration:
    def test_an_editor_can_add_an_exercise_with_a_rung(self, editor_client):
        region = Region.objects.create(slug="around", name="Around")
        exercise = Exercise(name="Bird dog", slug="bird-dog", region=region, summary="Reach.")
        response = editor_client.post(
            "/admin/exercises/exercise/add/", exercise_admin_form(exercise, rungs=[new_rung(1)])
        )
        assert response.status_code == 302
        assert Exercise.objects.get(slug="bird-dog").rungs.count() == 1

    def test_an_editor_can_change_an_exercise_and_add_a_rung(self, editor_client, bridge):
        rungs = list(bridge.rungs.order_by("position"))
        rungs[0].position, rungs[1].position = rungs[1].position, rungs[0].position
        data = exercise_admin_form(
            bridge, rungs=[*rungs, new_rung(len(rungs) + 1)], summary="Edited."
        )
        response = editor_client.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data)
        assert response.status_code == 302
        bridge.refresh_from_db()
        assert bridge.summary == "Edited."
        assert bridge.rungs.count() == len(rungs) + 1

    def test_an_editor_can_add_equipment(self, editor_client):
        response = editor_client.post(
            "/admin/exercises/equipment/add/", {"name": "Foam roller", "slug": "foam-roller"}
        )
        assert response.status_code == 302
        assert Equipment.objects.filter(slug="foam-roller").exists()

    def test_an_editor_cannot_delete_an_exercise(self, editor_client, bridge):
        assert (
            editor_client.get(f"/admin/exercises/exercise/{bridge.pk}/delete/").status_code == 403
        )
        assert (
            editor_client.post(
                f"/admin/exercises/exercise/{bridge.pk}/delete/", {"post": "yes"}
            ).status_code
            == 403
        )
        assert Exercise.objects.filter(pk=bridge.pk).exists()


class TestRungMarkerInline:
    def test_a_rung_without_a_marker_saves(self, admin_client, bridge):
        rungs = list(bridge.rungs.order_by("position"))
        rungs[0].marker_name = rungs[0].marker_unit = ""
        response = admin_client.post(
            f"/admin/exercises/exercise/{bridge.pk}/change/",
            exercise_admin_form(bridge, rungs=rungs),
        )
        assert response.status_code == 302
        rungs[0].refresh_from_db()
        assert (rungs[0].marker_name, rungs[0].marker_unit) == ("", "")

    def test_a_name_without_a_unit_is_an_error_on_the_unit(self, admin_client, bridge):
        rungs = list(bridge.rungs.order_by("position"))
        count = len(rungs)
        data = exercise_admin_form(bridge, rungs=[*rungs, new_rung(count + 1, marker_unit="")])
        response = admin_client.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data)
        assert response.status_code == 200
        errors = response.context["inline_admin_formsets"][0].formset.forms[count].errors
        assert errors == {
            "marker_unit": [
                'Give the marker\'s unit too, e.g. "cm" or "s", or clear its name if this rung '
                "has nothing to measure."
            ]
        }
        assert bridge.rungs.count() == count


def warnings(response) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level_tag == "warning"]


class TestRungStageOrderWarning:
    def test_moving_the_loaded_rung_to_the_bottom_saves_with_a_warning(self, editor_client, bridge):
        rungs = list(bridge.rungs.order_by("position"))
        loaded, first = rungs[4], rungs[0]
        assert (loaded.stage, first.stage) == ("loaded", "bodyweight")
        loaded.position, first.position = 1, 5
        response = editor_client.post(
            f"/admin/exercises/exercise/{bridge.pk}/change/",
            exercise_admin_form(bridge, rungs=rungs),
            follow=True,
        )
        assert response.status_code == 200
        assert positions(bridge)["Loaded bridge, weight on the hips"] == 1
        assert warnings(response) == [
            "Saved, but Glute bridge’s rungs are no longer easiest first (assisted, then "
            "bodyweight, then loaded): rung 1 “Loaded bridge, weight on the hips” (loaded) "
            "comes before rung 2 “Double-leg bridge with a 3-5 s squeeze at the top” "
            "(bodyweight). Check the positions if that is not what you meant."
        ]
        html = response.content.decode()
        assert "no longer easiest first" in html
        assert "was changed successfully" in html

    def test_a_reorder_that_keeps_the_stages_in_order_has_no_warning(self, editor_client, bridge):
        rungs = list(bridge.rungs.order_by("position"))
        rungs[0].position, rungs[1].position = 2, 1  # both bodyweight
        response = editor_client.post(
            f"/admin/exercises/exercise/{bridge.pk}/change/",
            exercise_admin_form(bridge, rungs=rungs),
            follow=True,
        )
        assert response.status_code == 200
        assert warnings(response) == []
        assert "no longer easiest first" not in response.content.decode()

    def test_a_ladder_shipped_with_a_harder_stage_first_is_not_warned_about_again(
        self, editor_client, bridge
    ):
        # The clamshell's side plank (bodyweight) comes after its band rungs (loaded).
        clamshell = Exercise.objects.get(slug="clamshell")
        response = editor_client.post(
            f"/admin/exercises/exercise/{clamshell.pk}/change/",
            exercise_admin_form(clamshell, summary="A curator's summary."),
            follow=True,
        )
        assert response.status_code == 200
        assert warnings(response) == []
