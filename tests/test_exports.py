"""The data exports: everything alice logged, in CSV and JSON, and nothing of bob's."""

import csv
import io
import json
import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from progress import exports
from progress.models import SessionLog, Suggestion
from progress.services.psfs import ActivityRating, psfs_rate
from progress.services.screens import clearance_record, symptoms_report
from progress.services.sessions import EntryData
from progress.services.sharing import record_look
from progress.services.suggestions import suggestion_accept
from tests import builders
from tests.builders import PASSWORD, daily_history, local
from tests.logging_helpers import at_morning, check_in, log_session

pytestmark = pytest.mark.django_db
MON = date(2026, 3, 2)
TUE, WED, THU = (MON + timedelta(n) for n in (1, 2, 3))
DOC = Path(__file__).resolve().parents[1] / "docs" / "EXPORT_FORMAT.md"
NOTE = 'Ça tire un peu — 腰 ✓ "quoted", with a comma\nand a second line'


def get_csv(client) -> list[dict]:
    r = client.get("/progress/export.csv")
    text = b"".join(r.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def get_json(client) -> dict:
    return json.loads(client.get("/progress/export.json").content)


def of_type(rows: list[dict], record_type: str) -> list[dict]:
    return [r for r in rows if r["record_type"] == record_type]


@pytest.fixture(autouse=True)
def recently_authenticated(alice_client):
    """An export asks for the password again unless it was given in the last minutes."""
    assert alice_client.post("/accounts/reauthenticate/", {"password": PASSWORD}).status_code == 302


@pytest.fixture
def history(alice_client, alice_plan, alice):
    """Two good days, an accepted suggestion, notes, a marker, a skip, a red flag and PSFS."""
    bridge = alice_plan.items.get(exercise__slug="glute-bridge")
    clam = alice_plan.items.get(exercise__slug="clamshell")
    log_session(
        alice_client,
        alice_plan,
        day=MON,
        pain_before=2,
        pain=1,
        ease=4,
        note=NOTE,
        **{f"e{bridge.pk}-marker_value": "42.5", f"e{clam.pk}-note": "=1+1 looks like a formula"},
    )
    check_in(alice_client, day=TUE, pain=1)
    log_session(
        alice_client,
        alice_plan,
        day=TUE,
        pain_before=2,
        pain=2,
        ease=5,
        **{f"e{clam.pk}-status": "skipped", f"e{clam.pk}-note": "Hip sore"},
    )
    check_in(alice_client, day=WED, pain=2)
    suggestion_accept(suggestion=bridge.suggestions.get(decision="open"), now=local(alice, WED, 9))
    check_in(alice_client, day=THU, pain=3, flags=["fever"])
    clearance_record(
        user=alice,
        screen=alice.safety_screens.first(),
        clinician="doctor",
        assessed_on=THU,
        note="A cold; fine to go on.",
        now=local(alice, THU, 12),
    )
    # She shares with her physiotherapist, who reads her report.
    builders.care_grant(alice, builders.clinician(builders.user("sam@example.com")))
    record_look(
        patient=alice,
        who="Sam Lee, physiotherapist",
        what="your report",
        now=local(alice, THU, 11),
        address="192.0.2.7",
    )
    # Then night pain appears: the plan is paused again, until a clinician sees it.
    symptoms_report(user=alice, appeared=["night_pain"], now=local(alice, THU, 20))
    psfs_rate(
        user=alice,
        day=THU,
        ratings=[
            ActivityRating(1, "Putting on socks", 4),
            ActivityRating(2, "Sitting through a film", 6),
        ],
        now=local(alice, THU, 9),
    )
    return alice_plan


@pytest.fixture
def bobs_data(bob_plan, bob):
    item = bob_plan.items.first()
    entry = EntryData(skipped=False, sets_done=1, amount_done=5, pain_during=7, ease=2)
    builders.session(
        bob, day=MON, pain_before=9, note="Bob's private note", entries=[(item, entry)]
    )
    builders.checkin(bob, day=TUE, pain=9)
    psfs_rate(
        user=bob, day=TUE, ratings=[ActivityRating(1, "Bob's gardening", 1)], now=local(bob, TUE, 9)
    )


class TestExportCsv:
    def test_it_is_a_dated_attachment_that_is_never_cached(self, alice_client):
        with at_morning(WED):
            r = alice_client.get("/progress/export.csv")
        assert r["Content-Type"] == "text/csv; charset=utf-8"
        assert r["Content-Disposition"] == 'attachment; filename="backcare-export-2026-03-04.csv"'
        assert "no-store" in r["Cache-Control"]

    def test_it_starts_with_the_format_version(self, alice_client):
        rows = get_csv(alice_client)
        assert list(rows[0]) == list(exports.CSV_COLUMNS)
        assert rows[0]["record_type"] == "export"
        assert rows[0]["format"] == "backcare-export/1"
        assert rows[0]["email"] == "alice@example.com"

    def test_what_was_logged_is_in_the_file(self, alice_client, history):
        rows = get_csv(alice_client)
        sessions = of_type(rows, "session")
        assert [(s["day"], s["pain_before"]) for s in sessions] == [
            ("2026-03-02", "2"),
            ("2026-03-03", "2"),
        ]
        assert sessions[0]["note"] == NOTE
        entries = of_type(rows, "entry")
        assert len(entries) == 6
        assert {e["session_id"] for e in entries} == {s["id"] for s in sessions}
        bridge = next(e for e in entries if e["exercise"] == "glute-bridge")
        assert bridge["marker_value"] == "42.5" and bridge["marker_name"] == "Reps"
        assert (bridge["pain_during"], bridge["ease"], bridge["ease_words"]) == (
            "1",
            "4",
            "comfortable",
        )
        assert bridge["skipped"] == "false" and bridge["amount_unit"] == "reps"
        skipped = next(e for e in entries if e["skipped"] == "true")
        assert (skipped["note"], skipped["pain_during"], skipped["ease"]) == ("Hip sore", "", "")
        checkins = of_type(rows, "check_in")
        assert [(c["day"], c["morning_pain"]) for c in checkins][-1] == ("2026-03-05", "3")
        assert json.loads(checkins[-1]["red_flags"]) == ["fever"]
        accepted = [s for s in of_type(rows, "suggestion") if s["decision"] == "accepted"]
        assert accepted[0]["action"] == "progress" and accepted[0]["target_rung"] == "2"
        assert "3/10" in " ".join(json.loads(accepted[0]["reasons"]))
        change = of_type(rows, "rung_change")[-1]
        assert (change["from_rung"], change["to_rung"], change["source"]) == (
            "1",
            "2",
            "suggestion",
        )
        assert {r["name"] for r in of_type(rows, "psfs_activity")} == {
            "Putting on socks",
            "Sitting through a film",
        }
        assert sorted(r["score"] for r in of_type(rows, "psfs_rating")) == ["4", "6"]
        screens = of_type(rows, "safety_screen")
        assert [s["outcome"] for s in screens] == ["clear", "see_doctor", "see_doctor"]
        fever = [a for a in of_type(rows, "safety_answer") if a["question"] == "fever"]
        assert [a["answer"] for a in fever] == ["false", "true", "true"]  # an earlier yes stays
        assert fever[0]["question_text"] == "Fever or chills"
        assert of_type(rows, "plan")[0]["template"] == "Starter"
        assert len(of_type(rows, "plan_exercise")) == 3

    def test_a_formula_is_kept_as_text(self, alice_client, history):
        rows = get_csv(alice_client)
        assert any(e["note"] == "'=1+1 looks like a formula" for e in of_type(rows, "entry"))

    def test_each_line_fills_only_its_own_columns(self, alice_client, history):
        fields = {r.name: set(r.fields) for r in exports.RECORD_TYPES}
        fields["export"] = set(exports.EXPORT_FIELDS)
        for row in get_csv(alice_client):
            filled = {k for k, v in row.items() if v != "" and k != "record_type"}
            assert filled <= fields[row["record_type"]], row["record_type"]

    def test_another_users_data_never_appears(self, alice_client, history, bobs_data):
        r = alice_client.get("/progress/export.csv")
        text = b"".join(r.streaming_content).decode()
        assert "Bob" not in text and "bob@" not in text
        bob_session = SessionLog.objects.get(user__email="bob@example.com")
        rows = list(csv.DictReader(io.StringIO(text[1:])))
        assert str(bob_session.pk) not in {r["id"] for r in of_type(rows, "session")}
        assert {r["pain_before"] for r in of_type(rows, "session")} == {"2"}


class TestExportJson:
    def test_it_is_a_dated_attachment_that_is_never_cached(self, alice_client):
        with at_morning(WED):
            r = alice_client.get("/progress/export.json")
        assert r["Content-Type"] == "application/json; charset=utf-8"
        assert r["Content-Disposition"] == 'attachment; filename="backcare-export-2026-03-04.json"'
        assert "no-store" in r["Cache-Control"]

    def test_an_empty_account_has_every_list(self, alice_client):
        doc = get_json(alice_client)
        assert doc["format"] == "backcare-export/1"
        assert doc["time_zone"] == "Europe/London"
        for record_type in exports.RECORD_TYPES:
            assert doc[record_type.key] == []

    def test_what_was_logged_is_in_the_file(self, alice_client, history):
        doc = get_json(alice_client)
        monday = doc["sessions"][0]
        assert (monday["day"], monday["pain_before"], monday["note"]) == ("2026-03-02", 2, NOTE)
        entries = [e for e in doc["entries"] if e["session_id"] == monday["id"]]
        bridge = next(e for e in entries if e["exercise"] == "glute-bridge")
        assert bridge["marker_value"] == 42.5
        assert Decimal(str(bridge["marker_value"])) == Decimal("42.5")
        assert (bridge["pain_during"], bridge["ease"], bridge["skipped"]) == (1, 4, False)
        clam = next(e for e in entries if e["exercise"] == "clamshell")
        assert clam["note"] == "=1+1 looks like a formula"
        assert doc["check_ins"][-1]["red_flags"] == ["fever"]
        assert doc["clearances"][0]["note"] == "A cold; fine to go on."
        assert doc["clearances"][0]["assessed_on"] == "2026-03-05"
        decisions = {s["decision"] for s in doc["suggestions"]}
        assert "accepted" in decisions
        assert doc["plans"][0]["paused_for_safety_at"] is not None
        assert doc["psfs_ratings"][0]["day"] == "2026-03-05"

    def test_every_record_has_exactly_its_documented_fields(self, alice_client, history):
        doc = get_json(alice_client)
        assert set(exports.EXPORT_FIELDS) <= set(doc)
        for record_type in exports.RECORD_TYPES:
            assert doc[record_type.key], f"the history fixture has no {record_type.name}"
            for record in doc[record_type.key]:
                assert tuple(record) == record_type.fields

    def test_another_users_data_never_appears(self, alice_client, history, bobs_data):
        text = alice_client.get("/progress/export.json").content.decode()
        assert "Bob" not in text and "bob@" not in text
        doc = json.loads(text)
        assert {s["pain_before"] for s in doc["sessions"]} == {2}
        assert 9 not in {c["morning_pain"] for c in doc["check_ins"]}


class TestProfileLinks:
    def test_the_profile_offers_both_exports_and_the_report(self, alice_client):
        html = alice_client.get("/accounts/profile/").content.decode()
        assert '<a href="/progress/export.csv">Download all your data (CSV)</a>' in html
        assert '<a href="/progress/export.json">Download all your data (JSON)</a>' in html
        assert '<a href="/progress/report/">Report for your clinician (printable)</a>' in html


class TestExportCost:
    @pytest.mark.parametrize("url", ["/progress/export.csv", "/progress/export.json"])
    def test_its_query_count_does_not_grow_with_two_years_of_history(
        self, alice_client, alice_plan, url
    ):
        def export() -> tuple[int, bytes]:
            with CaptureQueriesContext(connection) as queries:
                r = alice_client.get(url)
                body = b"".join(r.streaming_content) if r.streaming else r.content
            return len(queries), body

        log_session(alice_client, alice_plan, day=MON)
        small, _ = export()
        daily_history(alice_plan, first=TUE, days=730)
        large, body = export()
        assert large == small
        assert body.count(b"day 729") == 1
        assert Suggestion.objects.exists()


class TestExportFormatDocument:
    def test_it_documents_every_record_type_and_field(self):
        doc = DOC.read_text()
        assert f"`{exports.FORMAT}`" in doc
        for name in exports.EXPORT_FIELDS:
            assert f"| `{name}` |" in doc
        for record_type in exports.RECORD_TYPES:
            heading = f"### `{record_type.name}` — JSON `{record_type.key}`"
            assert heading in doc
            section = doc.split(heading)[1].split("\n### ")[0]
            documented = re.findall(r"^\| `(\w+)` \|", section, flags=re.M)
            assert tuple(documented) == record_type.fields, record_type.name

    def test_it_lists_the_csv_columns_in_order(self):
        doc = DOC.read_text()
        header = doc.split("The header, in order: ")[1].split("\n\n")[0]
        assert tuple(re.findall(r"`(\w+)`", header)) == exports.CSV_COLUMNS
