"""A past session says what the person did then: renaming a rung (or its marker) in the
catalog does not rewrite the History, the session form, the export or the dashboard."""

import json
from datetime import date, timedelta

import pytest

from progress.models import SessionLog
from tests.builders import PASSWORD, rung_admin_form
from tests.logging_helpers import at_morning, log_session

pytestmark = pytest.mark.django_db
MON = date(2026, 3, 2)
TUE = MON + timedelta(1)
OLD, NEW = "Double-leg bridge", "Two-footed hip lift"


def rename_in_admin(admin_client, rung, **changes) -> None:
    """A curator's edit of the rung in the admin, the rest of it as it is."""
    data = rung_admin_form(rung, **changes)
    r = admin_client.post(f"/admin/exercises/rung/{rung.pk}/change/", data)
    assert r.status_code == 302, r.context["adminform"].form.errors
    rung.refresh_from_db()
    assert rung.name == data["name"]


@pytest.fixture
def bridge(alice_plan):
    return alice_plan.items.select_related("rung").get(exercise__slug="glute-bridge")


@pytest.fixture
def renamed(alice_client, alice_plan, bridge, admin_client):
    """Monday's session with the bridge's reps measured, then the rung and marker renamed."""
    assert bridge.rung.name == OLD
    log_session(alice_client, alice_plan, day=MON, **{f"e{bridge.pk}-marker_value": "12"})
    rename_in_admin(admin_client, bridge.rung, name=NEW, marker_name="Lifts", marker_unit="lifts")
    return SessionLog.objects.get()


def page(client, url: str, day=MON) -> str:
    with at_morning(day):
        r = client.get(url)
    assert r.status_code == 200
    return r.content.decode()


class TestRenamingARung:
    def test_history_still_shows_the_name_and_marker_it_had(self, alice_client, renamed):
        for url in ("/progress/history/", f"/progress/history/{renamed.pk}/"):
            html = page(alice_client, url)
            assert f"Rung 1: {OLD}" in html
            assert "Measured: Reps 12" in html
            assert NEW not in html
            assert "Lifts" not in html

    def test_the_edit_form_shows_it_as_logged_and_saving_keeps_it(
        self, alice_client, bridge, renamed
    ):
        entry = renamed.entries.get(plan_exercise=bridge)
        html = page(alice_client, f"/sessions/{renamed.pk}/edit/")
        assert f"Rung 1: {OLD}" in html
        assert "Measured: Reps (optional)" in html
        assert NEW not in html
        data = {"day": MON.isoformat(), "pain_before": "3", "note": ""}
        for e in renamed.entries.all():
            p = f"e{e.pk}-"
            data |= {
                p + "status": "done",
                p + "sets_done": str(e.sets_done),
                p + "amount_done": str(e.amount_done),
                p + "pain_during": "1",
                p + "ease": "4",
                p + "marker_value": "13" if e.pk == entry.pk else "",
            }
        with at_morning(MON):
            assert alice_client.post(f"/sessions/{renamed.pk}/edit/", data).status_code == 302
        entry.refresh_from_db()
        assert (entry.rung_name, entry.marker_name, entry.marker_value) == (OLD, "Reps", 13)
        assert "Measured: Reps 13" in page(alice_client, "/progress/history/")

    def test_a_session_logged_after_the_rename_uses_the_new_name(
        self, alice_client, alice_plan, bridge, renamed
    ):
        log_session(alice_client, alice_plan, day=TUE, **{f"e{bridge.pk}-marker_value": "14"})
        html = page(alice_client, "/progress/history/", day=TUE)
        assert f"Rung 1: {NEW}" in html and "Measured: Lifts 14" in html
        assert f"Rung 1: {OLD}" in html and "Measured: Reps 12" in html

    def test_the_export_keeps_the_logged_name_and_the_plan_the_current_one(
        self, alice_client, renamed
    ):
        assert alice_client.post("/accounts/reauthenticate/", {"password": PASSWORD})
        document = json.loads(alice_client.get("/progress/export.json").content)
        entry = next(e for e in document["entries"] if e["exercise"] == "glute-bridge")
        assert (entry["rung_name"], entry["marker_name"], entry["marker_unit"]) == (
            OLD,
            "Reps",
            "reps",
        )
        item = next(i for i in document["plan_exercises"] if i["exercise"] == "glute-bridge")
        assert item["rung_name"] == NEW

    def test_the_dashboard_charts_the_marker_as_measured(self, alice_client, renamed):
        html = page(alice_client, "/progress/")
        assert "Glute bridge: reps over time" in html
        assert "lifts" not in html.lower()
