"""Starting rungs fitted to the equipment a person has (progress/rules/equipment.py): pure,
tested without a database."""

import re
from pathlib import Path

import pytest

from progress.rules import equipment
from progress.rules.equipment import (
    Proposal,
    and_list,
    proposal_note,
    propose_rung,
    with_article,
)

# A ladder like the ATG split squat's: a step and a wall, then the wall, then nothing,
# then dumbbells.
LADDER = [
    (1, {"step", "wall"}),
    (2, {"step", "wall"}),
    (3, {"wall"}),
    (4, set()),
    (5, {"dumbbell"}),
]
# Like the hip flexor stretch's: a chair, three floor rungs, then a bench.
CHAIR_FIRST = [(1, {"chair"}), (2, set()), (3, set()), (4, set()), (5, {"bench"})]
NAMES = {
    "step": "a step or box",
    "wall": "a wall",
    "dumbbell": "a dumbbell",
    "chair": "a chair",
    "bench": "a bench",
}


@pytest.mark.parametrize(
    ("ladder", "suggested", "have", "expected"),
    [
        pytest.param(LADDER, 1, {"step", "wall"}, Proposal(1, frozenset(), True), id="fits"),
        pytest.param(
            LADDER, 1, {"step", "wall", "dumbbell"}, Proposal(1, frozenset(), True), id="more"
        ),
        pytest.param(CHAIR_FIRST, 2, set(), Proposal(2, frozenset(), True), id="needs-nothing"),
        pytest.param(
            LADDER, 5, {"wall"}, Proposal(4, frozenset({"dumbbell"}), True), id="nearest-below"
        ),
        pytest.param(
            LADDER, 5, set(), Proposal(4, frozenset({"dumbbell"}), True), id="skips-to-below"
        ),
        pytest.param(
            LADDER, 2, {"wall"}, Proposal(3, frozenset({"step"}), True), id="nearest-above"
        ),
        pytest.param(
            LADDER, 1, set(), Proposal(4, frozenset({"step", "wall"}), True), id="first-fit-above"
        ),
        pytest.param(
            CHAIR_FIRST, 5, {"chair"}, Proposal(4, frozenset({"bench"}), True), id="below-first"
        ),
        pytest.param(
            [(1, {"slant-bar"}), (2, {"slant-bar"})],
            2,
            {"chair"},
            Proposal(2, frozenset({"slant-bar"}), False),
            id="nothing-fits",
        ),
        pytest.param(
            [(1, set()), (3, {"bench"}), (7, set())],
            3,
            set(),
            Proposal(1, frozenset({"bench"}), True),
            id="positions-with-gaps",
        ),
    ],
)
def test_the_proposed_rung(ladder, suggested, have, expected):
    assert propose_rung(ladder, suggested, have) == expected


def test_a_suggested_rung_off_the_ladder_is_refused():
    with pytest.raises(ValueError, match="Rung 9"):
        propose_rung(LADDER, 9, set())


@pytest.mark.parametrize(
    ("suggested", "proposal", "note"),
    [
        pytest.param(2, Proposal(2, frozenset(), True), "", id="unchanged"),
        pytest.param(
            2,
            Proposal(1, frozenset({"bench"}), True),
            "Rung 1 instead of 2: rung 2 needs a bench.",
            id="easier",
        ),
        pytest.param(
            1,
            Proposal(4, frozenset({"wall", "step"}), True),
            "Rung 4 instead of 1: rung 1 needs a step or box and a wall. "
            "Rung 4 is harder, so start gently.",
            id="harder",
        ),
        pytest.param(
            1,
            Proposal(1, frozenset({"chair"}), False),
            "Rung 1 needs a chair, and no rung of this exercise fits what you ticked.",
            id="nothing-fits",
        ),
    ],
)
def test_the_note(suggested, proposal, note):
    assert proposal_note(suggested, proposal, NAMES) == note


@pytest.mark.parametrize(
    ("name", "worded"),
    [("bench", "a bench"), ("exercise mat", "an exercise mat"), ("Umbrella", "an Umbrella")],
)
def test_an_article(name, worded):
    assert with_article(name) == worded


@pytest.mark.parametrize(
    ("items", "joined"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")],
)
def test_a_list_in_a_sentence(items, joined):
    assert and_list(items) == joined


def test_the_rule_has_no_django_import():
    source = Path(equipment.__file__).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import)\s+django", source, re.MULTILINE)
