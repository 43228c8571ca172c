"""Chart summaries say each catalog marker's numbers as a person would: "level 2", "12 reps"."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest

from exercises import catalog_data
from progress.figures import amount, marker_summary, trend
from progress.rules.charts import Point
from progress.selectors.dashboard import MarkerReading

MON = date(2026, 3, 2)
MARKERS = sorted(
    {(r["marker_name"], r["marker_unit"]) for e in catalog_data.EXERCISES for r in e["rungs"]}
)
# How each unit the catalog uses reads with the numbers 1 and 2.
SAID = {
    "cm": ("1 cm", "2 cm"),
    "kg": ("1 kg", "2 kg"),
    "s": ("1 s", "2 s"),
    "level": ("level 1", "level 2"),
    "reps": ("1 rep", "2 reps"),
}


def readings(*values_and_rungs: tuple[int, int]) -> list[MarkerReading]:
    """One reading a week, each (value, rung) in turn."""
    return [
        MarkerReading(MON + timedelta(weeks=n), Decimal(value), rung, stint=rung)
        for n, (value, rung) in enumerate(values_and_rungs)
    ]


def said(name: str, unit: str, n: int) -> str:
    """The number as the summary should say it: a unit the name already says is left out."""
    if unit in name.lower().split() and unit != "level":
        return str(n)
    return SAID[unit][n - 1]


def test_every_unit_in_the_catalog_has_its_wording():
    assert {unit for _, unit in MARKERS} == set(SAID)


@pytest.mark.parametrize(("name", "unit"), MARKERS, ids=[f"{n} ({u})" for n, u in MARKERS])
class TestEachCatalogMarker:
    def test_across_rungs(self, name, unit):
        summary = marker_summary(name, unit, readings((1, 3), (2, 4)))
        one, two = said(name, unit, 1), said(name, unit, 2)
        assert summary == f"{name} went from {one} on rung 3 to {two} on rung 4 over 7 days."

    def test_on_one_rung(self, name, unit):
        summary = marker_summary(name, unit, readings((1, 2), (2, 2)))
        one, two = said(name, unit, 1), said(name, unit, 2)
        assert summary == f"{name} rose from {one} to {two} over 7 days."

    def test_no_unit_is_doubled_or_misplaced(self, name, unit):
        summary = marker_summary(name, unit, readings((1, 1), (12, 2)))
        assert not re.search(rf"\b{unit} {unit}\b|\b1 (reps|level)\b|\d level\b", summary)
        if unit in name.lower().split() and unit != "level":
            assert not re.search(rf"\d {unit}\b", summary)


def test_reps_read_naturally():
    assert marker_summary("Reps", "reps", readings((12, 1), (15, 1))) == (
        "Reps rose from 12 to 15 over 7 days."
    )
    assert marker_summary("Reps", "reps", readings((12, 1))).startswith("Reps were 12 on ")


def test_band_levels_read_as_steps():
    assert marker_summary("Band level", "level", readings((1, 3), (2, 4))) == (
        "Band level went from level 1 on rung 3 to level 2 on rung 4 over 7 days."
    )


def test_pain_keeps_its_out_of_ten():
    points = [Point(MON, 5), Point(MON + timedelta(days=3), 2)]
    assert trend("Pain during", points) == "Pain during fell from 5/10 to 2/10 over 3 days."
    assert trend("Pain during", points[:1]) == "Pain during was 5/10 on 2 Mar."


@pytest.mark.parametrize(
    ("value", "unit", "name", "expected"),
    [
        (1, "reps", "Count", "1 rep"),
        (12, "reps", "Count", "12 reps"),
        (12, "rep", "Count", "12 reps"),
        (12, "reps", "Reps", "12"),
        (2, "level", "Band level", "level 2"),
        (2.5, "kg", "Load", "2.5 kg"),
        (30, "s", "Squeeze hold at the top", "30 s"),
    ],
)
def test_amounts(value, unit, name, expected):
    assert amount(value, unit, name) == expected


def test_no_reading_keeps_an_abbreviation_capitalised():
    assert trend("QL side bend", []) == "No QL side bend recorded in this period."
    assert trend("Front-foot height", []) == "No front-foot height recorded in this period."
