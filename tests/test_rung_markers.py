"""A rung's progress marker is optional: with nothing to measure a rung has neither a name nor
a unit, and no page shows or asks for one; a rung with a marker has both."""

import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from exercises import catalog_data
from exercises.catalog import catalog_load
from exercises.models import Exercise, Rung
from progress.models import ExerciseEntry
from tests.builders import PASSWORD
from tests.logging_helpers import at_morning, log_session

pytestmark = pytest.mark.django_db
MON = date(2026, 3, 2)


@pytest.fixture
def stretch(alice_plan):
    """Alice's hip flexor stretch, on a rung its curator left with nothing to measure."""
    item = alice_plan.items.select_related("rung").get(exercise__slug="hip-flexor-stretch")
    Rung.objects.filter(pk=item.rung_id).update(marker_name="", marker_unit="")
    return item


def page(client, url: str) -> str:
    with at_morning(MON):
        r = client.get(url, follow=True)
    assert r.status_code == 200
    return r.content.decode()


def rung_card(html: str, rung_name: str) -> str:
    """The rung card that names `rung_name`, up to its instructions."""
    return html.split(f"<strong>{rung_name}</strong>", 1)[1].split("<ol", 1)[0]


class TestTheRule:
    def test_a_rung_with_nothing_to_measure_saves_and_validates(self):
        catalog_load()
        rung = Rung.objects.get(exercise__slug="glute-bridge", position=1)
        rung.marker_name = rung.marker_unit = ""
        rung.full_clean()
        rung.save()
        rung.refresh_from_db()
        assert (rung.marker_name, rung.marker_unit, rung.marker_label) == ("", "", "")

    @pytest.mark.parametrize(
        ("fields", "field", "message"),
        [
            (
                {"marker_unit": ""},
                "marker_unit",
                'Give the marker\'s unit too, e.g. "cm" or "s", or clear its name if this rung '
                "has nothing to measure.",
            ),
            (
                {"marker_name": ""},
                "marker_name",
                'Name what is measured too, e.g. "Front-foot height", or clear the unit if this '
                "rung has nothing to measure.",
            ),
        ],
        ids=["name-without-unit", "unit-without-name"],
    )
    def test_one_without_the_other_is_refused(self, fields, field, message):
        catalog_load()
        rung = Rung.objects.get(exercise__slug="glute-bridge", position=1)
        for name, value in fields.items():
            setattr(rung, name, value)
        with pytest.raises(ValidationError) as error:
            rung.full_clean()
        assert error.value.message_dict == {field: [message]}
        with pytest.raises(IntegrityError), transaction.atomic():
            rung.save()

    def test_the_catalog_loads_unchanged_and_keeps_the_rule(self):
        catalog_load()
        shipped = {
            (ex["slug"], r["position"]): (r["marker_name"], r["marker_unit"])
            for ex in catalog_data.EXERCISES
            for r in ex["rungs"]
        }
        loaded = {
            (slug, position): (name, unit)
            for slug, position, name, unit in Rung.objects.values_list(
                "exercise__slug", "position", "marker_name", "marker_unit"
            )
        }
        assert loaded == shipped
        for rung in Rung.objects.all():
            rung.full_clean()


class TestPagesShowNoMarker:
    def test_the_exercise_page_says_what_to_measure_only_where_there_is_something(self, client):
        catalog_load()
        bridge = Exercise.objects.get(slug="glute-bridge")
        first, second = bridge.rungs.order_by("position")[:2]
        Rung.objects.filter(pk=first.pk).update(marker_name="", marker_unit="")
        html = page(client, "/exercises/glute-bridge/")
        assert "To measure" not in rung_card(html, first.name)
        marker = "To measure, if you like:</span> Squeeze hold at the top (s)"
        assert marker in rung_card(html, second.name)

    def test_today_says_nothing_to_measure_for_the_rung(self, alice_client, stretch):
        html = page(alice_client, "/today/")
        assert "To measure" not in rung_card(html, stretch.rung.name)
        # The glute bridge still has its marker.
        assert "To measure, if you like:</span> Reps" in html

    def test_the_session_form_asks_no_marker_for_it(self, alice_client, alice_plan, stretch):
        html = page(alice_client, "/sessions/new/")
        assert f'name="e{stretch.pk}-marker_value"' not in html
        bridge = alice_plan.items.get(exercise__slug="glute-bridge")
        assert f'name="e{bridge.pk}-marker_value"' in html
        assert "Measured: Reps (optional)" in html

    def test_a_session_logs_without_it_and_history_shows_none(
        self, alice_client, alice_plan, stretch
    ):
        # A value posted for it anyway (an old page) is not stored: the field is not there.
        r = log_session(alice_client, alice_plan, day=MON, **{f"e{stretch.pk}-marker_value": "9"})
        assert r.status_code == 302
        entry = ExerciseEntry.objects.get(plan_exercise=stretch)
        assert (entry.marker_name, entry.marker_unit, entry.marker_value) == ("", "", None)
        html = page(alice_client, "/progress/history/")
        assert "Hold time" not in html
        assert ": 9" not in html

    def test_the_edit_form_asks_no_marker_for_it(self, alice_client, alice_plan, stretch):
        log_session(alice_client, alice_plan, day=MON)
        entry = ExerciseEntry.objects.get(plan_exercise=stretch)
        html = page(alice_client, f"/sessions/{entry.session_id}/edit/")
        assert f'name="e{entry.pk}-marker_value"' not in html
        assert html.count("Measured: ") == 2  # the bridge and the clam

    def test_the_export_leaves_the_marker_out(self, alice_client, alice_plan, stretch):
        log_session(alice_client, alice_plan, day=MON)
        assert alice_client.post("/accounts/reauthenticate/", {"password": PASSWORD})
        entries = json.loads(alice_client.get("/progress/export.json").content)["entries"]
        by_exercise = {e["exercise"]: e for e in entries}
        stretch_entry = by_exercise["hip-flexor-stretch"]
        assert (stretch_entry["marker_name"], stretch_entry["marker_unit"]) == (None, None)
        assert by_exercise["glute-bridge"]["marker_name"] == "Reps"

    def test_the_dashboard_draws_and_asks_nothing_for_it(self, alice_client, alice_plan, stretch):
        log_session(alice_client, alice_plan, day=MON)
        html = page(alice_client, "/progress/")
        # The bridge and the clam say their reps are not measured yet; the stretch, nothing.
        assert html.count("measured in this period") == 2
        assert html.count("No reps measured in this period") == 2
