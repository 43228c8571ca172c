"""Shape and consistency checks for exercises/catalog_data.py (no database, no Django)."""

import re
from pathlib import Path

import pytest

from exercises import catalog_data as cd

EXPECTED_EXERCISE_ORDER = [
    "hip-flexor-stretch",
    "inner-thigh-stretch",
    "atg-split-squat",
    "glute-bridge",
    "clamshell",
    "seated-good-morning",
    "slant-bar-squat",
    "ql-stretch-and-strengthen",
    "pullover",
]
STARTER_SLUGS = {"hip-flexor-stretch", "glute-bridge", "clamshell"}
STAGES = {"assisted", "bodyweight", "loaded"}

REGION_KEYS = {"slug", "name", "order", "why_it_matters"}
EQUIPMENT_KEYS = {"slug", "name"}
EXERCISE_KEYS = {
    "slug",
    "name",
    "region",
    "order",
    "summary",
    "why_it_helps",
    "safety_notes",
    "equipment",
    "video_url",
    "rungs",
}
RUNG_KEYS = {
    "position",
    "name",
    "stage",
    "equipment",
    "instructions",
    "cues",
    "sets",
    "reps",
    "hold_seconds",
    "per_side",
    "marker_name",
    "marker_unit",
}

ALL_RUNGS = [(ex["slug"], rung) for ex in cd.EXERCISES for rung in ex["rungs"]]
RUNG_IDS = [f"{slug}-{rung['position']}" for slug, rung in ALL_RUNGS]


def _is_pos_int(value):
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _pos_dose_ok(rung):
    reps, hold = rung["reps"], rung["hold_seconds"]
    return (_is_pos_int(reps) and hold is None) or (reps is None and _is_pos_int(hold))


def _nonblank(value):
    return isinstance(value, str) and value.strip() != ""


def test_module_has_no_django_import():
    source = Path(cd.__file__).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import)\s+django", source, re.MULTILINE)


def test_regions_follow_seed_000_headings():
    assert [r["slug"] for r in cd.REGIONS] == ["below", "around", "quadratus-lumborum", "above"]
    assert [r["name"] for r in cd.REGIONS] == [
        "Below the lower back",
        "Around the lower back",
        "Quadratus lumborum",
        "Above the spine",
    ]
    assert [r["order"] for r in cd.REGIONS] == [1, 2, 3, 4]
    for region in cd.REGIONS:
        assert set(region) == REGION_KEYS
        assert _nonblank(region["why_it_matters"])


def test_equipment_slugs_unique_and_named():
    slugs = [e["slug"] for e in cd.EQUIPMENT]
    assert len(slugs) == len(set(slugs))
    for item in cd.EQUIPMENT:
        assert set(item) == EQUIPMENT_KEYS
        assert _nonblank(item["slug"]) and _nonblank(item["name"])


def test_nine_exercises_in_domain_order_with_unique_slugs():
    slugs = [ex["slug"] for ex in cd.EXERCISES]
    assert len(cd.EXERCISES) == 9
    assert len(slugs) == len(set(slugs))
    assert slugs == EXPECTED_EXERCISE_ORDER
    assert [ex["order"] for ex in cd.EXERCISES] == list(range(1, 10))


def test_starter_exercises_exist():
    slugs = {ex["slug"] for ex in cd.EXERCISES}
    assert STARTER_SLUGS.issubset(slugs)


@pytest.mark.parametrize("exercise", cd.EXERCISES, ids=lambda ex: ex["slug"])
def test_exercise_fields(exercise):
    region_slugs = {r["slug"] for r in cd.REGIONS}
    equipment_slugs = {e["slug"] for e in cd.EQUIPMENT}
    assert set(exercise) == EXERCISE_KEYS
    assert exercise["region"] in region_slugs
    for key in ("name", "summary", "why_it_helps", "safety_notes"):
        assert _nonblank(exercise[key]), key
    assert exercise["equipment"], "every exercise lists its equipment"
    assert len(exercise["equipment"]) == len(set(exercise["equipment"]))
    assert set(exercise["equipment"]) <= equipment_slugs
    assert exercise["video_url"] == ""


def test_regions_are_grouped_in_region_order():
    region_order = {r["slug"]: r["order"] for r in cd.REGIONS}
    orders = [region_order[ex["region"]] for ex in cd.EXERCISES]
    assert orders == sorted(orders)
    assert {ex["region"] for ex in cd.EXERCISES} == set(region_order)


@pytest.mark.parametrize("exercise", cd.EXERCISES, ids=lambda ex: ex["slug"])
def test_ladder_shape(exercise):
    rungs = exercise["rungs"]
    assert len(rungs) >= 4
    assert [r["position"] for r in rungs] == list(range(1, len(rungs) + 1))
    assert all(r["stage"] in STAGES for r in rungs)
    assert rungs[0]["stage"] != "loaded"
    assert rungs[-1]["stage"] in {"bodyweight", "loaded"}
    names = [r["name"] for r in rungs]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("slug", "rung"), ALL_RUNGS, ids=RUNG_IDS)
def test_rung_fields(slug, rung):
    assert set(rung) == RUNG_KEYS
    assert _nonblank(rung["name"])
    assert _pos_dose_ok(rung), "exactly one of reps / hold_seconds, a positive int"
    assert _is_pos_int(rung["sets"])
    assert isinstance(rung["per_side"], bool)
    assert _nonblank(rung["marker_name"]) and _nonblank(rung["marker_unit"])
    cues = rung["cues"].split("\n")
    assert cues and all(_nonblank(c) for c in cues)


@pytest.mark.parametrize("exercise", cd.EXERCISES, ids=lambda ex: ex["slug"])
def test_rungs_need_only_the_exercises_equipment_and_never_comfort(exercise):
    for rung in exercise["rungs"]:
        needs = rung["equipment"]
        assert isinstance(needs, list) and len(needs) == len(set(needs))
        assert set(needs) <= set(exercise["equipment"]), rung["name"]
        # A towel or carpet does instead: no rung is out of reach for want of a mat.
        assert not {"mat", "cushion"} & set(needs), rung["name"]


def test_rung_equipment_follows_the_instructions():
    needs = {
        (ex["slug"], r["position"]): r["equipment"] for ex in cd.EXERCISES for r in ex["rungs"]
    }
    assert needs["hip-flexor-stretch", 1] == ["chair"]
    assert needs["hip-flexor-stretch", 2] == []
    assert needs["atg-split-squat", 1] == ["step", "wall"]
    assert needs["clamshell", 3] == ["resistance-band"]
    assert needs["pullover", 4] == ["bench", "dumbbell"]
    assert all(needs["slant-bar-squat", p] == ["slant-bar"] for p in range(1, 5))


@pytest.mark.parametrize(("slug", "rung"), ALL_RUNGS, ids=RUNG_IDS)
def test_instructions_are_numbered_steps(slug, rung):
    lines = rung["instructions"].split("\n")
    assert 3 <= len(lines) <= 6
    for number, line in enumerate(lines, start=1):
        assert line.startswith(f"{number}. "), line
        assert _nonblank(line[len(f"{number}. ") :])


def test_sources_cover_every_exercise():
    assert set(cd.SOURCES) == {ex["slug"] for ex in cd.EXERCISES}
    assert all(_nonblank(note) for note in cd.SOURCES.values())


def test_key_cues_from_domain_table_are_present():
    cues = {ex["slug"]: " ".join(r["cues"] for r in ex["rungs"]).lower() for ex in cd.EXERCISES}
    assert "front hamstring covers calf" in cues["atg-split-squat"]
    assert "back knee off the floor" in cues["atg-split-squat"]
    assert "torso upright" in cues["atg-split-squat"]
    assert "only as deep as is pain-free" in cues["atg-split-squat"]
    assert "pure side bend" in cues["ql-stretch-and-strengthen"]
    assert "low back stays unarched" in cues["pullover"]
    assert "remove the band if the pelvis rolls" in cues["clamshell"]
    assert "3-5 s" in cues["glute-bridge"]
    assert "belly button" in cues["hip-flexor-stretch"]


def test_starting_doses_follow_seed_004():
    by_slug = {ex["slug"]: ex for ex in cd.EXERCISES}
    for slug in ("glute-bridge", "clamshell"):
        first = by_slug[slug]["rungs"][0]
        assert 10 <= first["reps"] <= 20
    assert by_slug["glute-bridge"]["rungs"][0]["per_side"] is False
    assert by_slug["clamshell"]["rungs"][0]["per_side"] is True
    for rung in by_slug["hip-flexor-stretch"]["rungs"]:
        assert (rung["sets"], rung["hold_seconds"], rung["per_side"]) == (2, 30, True)
