"""Tests for the pure progression engine: no database, no Django."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from progress.rules.dates import day_month
from progress.rules.engine import (
    EASE_WORDS,
    Action,
    Dose,
    Entry,
    Rule,
    Suggestion,
    Thresholds,
    bigger_dose,
    smaller_dose,
    suggest_next_step,
    weekly_guard_tripped,
)

MARCH_3 = date(2025, 3, 3)
TODAY = date(2025, 3, 10)
REPS = Dose(sets=3, reps=10, hold_seconds=None, per_side=True)
HOLD = Dose(sets=2, reps=None, hold_seconds=30, per_side=True)


def log(
    day: int = 0,
    *,
    pain: int = 1,
    ease: int = 4,
    full: bool = True,
    before: int | None = 2,
    morning: int | None = 2,
    rung: int = 2,
) -> Entry:
    """A good session at rung 2 on 3 March + `day`, unless told otherwise."""
    return Entry(
        day=MARCH_3 + timedelta(days=day),
        rung_position=rung,
        baseline_pain=before,
        pain_during=pain,
        ease=ease,
        full_dose=full,
        next_morning_pain=morning,
    )


def suggest(entries: list[Entry], **kwargs: object) -> Suggestion:
    """suggest_next_step with a 5-rung ladder, rung 2 and 3 × 10 reps unless told otherwise."""
    args: dict[object, object] = {
        "current_position": 2,
        "rung_count": 5,
        "dose": REPS,
        "today": TODAY,
    }
    args.update(kwargs)
    return suggest_next_step(entries=entries, **args)  # type: ignore[arg-type]


def weeks(before: list[int], now: list[int]) -> list[tuple[date, int]]:
    """Morning pains: `before` in the previous 7 days, `now` in the last 7 days up to TODAY."""
    return [(TODAY - timedelta(days=7 + i), p) for i, p in enumerate(before)] + [
        (TODAY - timedelta(days=i), p) for i, p in enumerate(now)
    ]


# (entries, extra kwargs, action, target, substrings every one of which some reason contains)
CASES = [
    # Pain during: 3 vs 4, 5 vs 6, 7 vs 8.
    pytest.param(
        [log(0, pain=3), log(1, pain=3)], {}, Action.PROGRESS, 3, ["3/10"], id="pain-3-progresses"
    ),
    pytest.param(
        [log(0), log(1, pain=4)], {}, Action.HOLD, None, ["4/10", "above 3/10"], id="pain-4-holds"
    ),
    pytest.param([log(0), log(1, pain=5)], {}, Action.HOLD, None, ["5/10"], id="pain-5-holds"),
    pytest.param(
        [log(0), log(1, pain=6)], {}, Action.REGRESS, 1, ["6/10", "too much"], id="pain-6-regresses"
    ),
    pytest.param([log(0), log(1, pain=7)], {}, Action.REGRESS, 1, ["7/10"], id="pain-7-regresses"),
    pytest.param(
        [log(0), log(1, pain=8)],
        {},
        Action.SEEK_CARE,
        None,
        ["8/10", "physiotherapist"],
        id="pain-8-seeks-care",
    ),
    pytest.param(
        [log(0, pain=8), log(1, pain=2)],
        {},
        Action.HOLD,
        None,
        ["3 March reached 8/10: too much"],
        id="old-pain-8-then-good-session-holds",
    ),
    # Next morning: +1 settles, +2 did not settle.
    pytest.param(
        [log(0, before=2, morning=3), log(1, before=2, morning=3)],
        {},
        Action.PROGRESS,
        3,
        ["3/10 and 3/10"],
        id="next-morning-plus-1-progresses",
    ),
    pytest.param(
        [log(0), log(1, before=3, morning=5)],
        {},
        Action.REGRESS,
        1,
        ["5/10", "2 above", "3/10 before"],
        id="next-morning-plus-2-regresses",
    ),
    pytest.param(
        [log(0, before=3, morning=5), log(1)],
        {},
        Action.HOLD,
        None,
        ["5/10", "2 above", "3 March"],
        id="older-session-did-not-settle-holds",
    ),
    # Unknown baseline: next morning <= 3 settles, >= 6 did not settle, 4-5 waits.
    pytest.param(
        [log(0, before=None, morning=3), log(1, before=None, morning=0)],
        {},
        Action.PROGRESS,
        3,
        ["3/10 and 0/10"],
        id="no-baseline-morning-3-progresses",
    ),
    pytest.param(
        [log(0), log(1, before=None, morning=4)],
        {},
        Action.HOLD,
        None,
        ["4/10", "no pain-before"],
        id="no-baseline-morning-4-holds",
    ),
    pytest.param(
        [log(0), log(1, before=None, morning=6)],
        {},
        Action.REGRESS,
        1,
        ["6/10", "did not settle"],
        id="no-baseline-morning-6-regresses",
    ),
    # How many sessions, on how many days.
    pytest.param([], {}, Action.HOLD, None, ["No sessions logged"], id="no-sessions-holds"),
    pytest.param(
        [log(0)], {}, Action.HOLD, None, ["Only 1 session", "different days"], id="one-good-holds"
    ),
    pytest.param(
        [log(0), log(0)],
        {},
        Action.HOLD,
        None,
        ["last 2 sessions at this rung were on the same day (3 March)", "different days"],
        id="two-good-same-day-holds",
    ),
    # Every session counts: "the last two" are the two most recent, whatever their days.
    pytest.param(
        [log(0), log(1, pain=5), log(1)],
        {},
        Action.HOLD,
        None,
        ["same day (4 March)", "4 March reached 5/10"],
        id="last-two-on-one-day-hold-though-the-days-before-were-good",
    ),
    pytest.param(
        [log(0), log(0), log(1)],
        {},
        Action.PROGRESS,
        3,
        ["3 March and 4 March"],
        id="two-on-day-one-then-one-on-day-two-progresses",
    ),
    pytest.param(
        [log(0, pain=4), log(0), log(1)],
        {},
        Action.PROGRESS,
        3,
        ["1/10 and 1/10"],
        id="an-earlier-session-on-the-same-day-is-not-one-of-the-last-two",
    ),
    pytest.param(
        [log(0), log(1, ease=3), log(1)],
        {},
        Action.HOLD,
        None,
        ["same day (4 March)", "Ease on 4 March was 3"],
        id="a-same-day-session-with-low-ease-is-not-hidden-by-a-later-one",
    ),
    pytest.param(
        [log(0), log(1, morning=None)],
        {},
        Action.HOLD,
        None,
        ["No next-morning check-in yet for the session on 4 March"],
        id="missing-check-in-holds",
    ),
    pytest.param(
        [log(0, pain=5), log(1), log(2)], {}, Action.PROGRESS, 3, ["1/10 and 1/10"], id="last-two"
    ),
    # Ease and dose.
    pytest.param(
        [log(0, ease=1), log(1, ease=1)],
        {},
        Action.REGRESS,
        1,
        ["Ease was 1", "could not complete", "3 March and 4 March"],
        id="ease-1-twice-regresses",
    ),
    pytest.param(
        [log(0), log(1, ease=1)], {}, Action.HOLD, None, ["Ease on 4 March was 1"], id="ease-1-once"
    ),
    pytest.param(
        [log(0), log(1, ease=3)],
        {},
        Action.HOLD,
        None,
        ["was 3 (challenging but doable)"],
        id="ease-3-holds",
    ),
    pytest.param(
        [log(0), log(1, full=False)], {}, Action.HOLD, None, ["full dose"], id="partial-dose-holds"
    ),
    # Only the current rung counts.
    pytest.param(
        [log(0, rung=1), log(1)],
        {},
        Action.HOLD,
        None,
        ["Only 1 session"],
        id="other-rung-sessions-do-not-count",
    ),
    pytest.param(
        [log(0), log(1), log(2, pain=9, rung=1), log(3, ease=1, rung=3)],
        {},
        Action.PROGRESS,
        3,
        ["1/10"],
        id="other-rung-pain-ignored",
    ),
    # Order: the engine sorts, and a bad same-day entry is never hidden.
    pytest.param(
        [log(1), log(0)], {}, Action.PROGRESS, 3, ["3 March and 4 March"], id="unsorted-input"
    ),
    pytest.param(
        [log(0), log(1, pain=8), log(1, pain=1)],
        {},
        Action.SEEK_CARE,
        None,
        ["8/10"],
        id="same-day-pain-8-not-hidden",
    ),
    # Red flag beats everything.
    pytest.param(
        [log(0), log(1)],
        {"red_flag": True},
        Action.SEEK_CARE,
        None,
        ["red-flag", "emergency"],
        id="red-flag-beats-progress",
    ),
    pytest.param([], {"red_flag": True}, Action.SEEK_CARE, None, ["red-flag"], id="red-flag-alone"),
    # Weekly guard.
    pytest.param(
        [log(0), log(1)],
        {"morning_pains": weeks([2, 2], [4, 4])},
        Action.HOLD,
        None,
        ["(4/10) is 2 above", "(2/10)", "1/10 and 1/10"],
        id="weekly-guard-trips",
    ),
    pytest.param(
        [log(0), log(1)],
        {"morning_pains": weeks([2, 2], [3, 4])},
        Action.PROGRESS,
        3,
        ["1/10"],
        id="weekly-guard-rise-1.5-passes",
    ),
    pytest.param(
        [log(0), log(1)],
        {"morning_pains": weeks([], [9, 9])},
        Action.PROGRESS,
        3,
        ["1/10"],
        id="weekly-guard-needs-both-weeks",
    ),
    # Ends of the ladder.
    pytest.param(
        [log(0, rung=5), log(1, rung=5)],
        {"current_position": 5},
        Action.PROGRESS,
        None,
        ["top rung (5)", "3 × 10 reps per side to 3 × 12 reps per side"],
        id="top-rung-adds-reps",
    ),
    pytest.param(
        [log(0, rung=5), log(1, rung=5)],
        {"current_position": 5, "dose": HOLD},
        Action.PROGRESS,
        None,
        ["2 × 30 s per side to 2 × 35 s per side"],
        id="top-rung-adds-hold-time",
    ),
    pytest.param(
        [log(0, rung=1), log(1, pain=6, rung=1)],
        {"current_position": 1},
        Action.REGRESS,
        None,
        ["6/10", "rung 1", "3 × 10 reps per side to 3 × 8 reps per side"],
        id="bottom-rung-cuts-reps",
    ),
    pytest.param(
        [log(0, rung=1), log(1, pain=6, rung=1)],
        {"current_position": 1, "dose": HOLD},
        Action.REGRESS,
        None,
        ["2 × 30 s per side to 2 × 23 s per side"],
        id="bottom-rung-cuts-hold",
    ),
    pytest.param(
        [log(0, rung=1), log(1, pain=6, rung=1)],
        {"current_position": 1, "dose": Dose(sets=2, reps=1, hold_seconds=None, per_side=False)},
        Action.SEEK_CARE,
        None,
        ["smallest dose (2 × 1 rep)", "physiotherapist"],
        id="bottom-rung-smallest-dose-seeks-care",
    ),
]


@pytest.mark.parametrize(("entries", "kwargs", "action", "target", "says"), CASES)
def test_suggest_next_step(
    entries: list[Entry],
    kwargs: dict[str, object],
    action: Action,
    target: int | None,
    says: list[str],
) -> None:
    result = suggest(entries, **kwargs)
    assert (result.action, result.target_position) == (action, target), result.reasons
    text = " ".join(result.reasons)
    for fragment in says:
        assert fragment in text


@pytest.mark.parametrize(
    ("entries", "rule"),
    [
        pytest.param([log(0), log(1, pain=6, ease=1, morning=9)], Rule.PAIN_TOO_HIGH, id="pain"),
        pytest.param([log(0), log(1, morning=9, ease=1)], Rule.DID_NOT_SETTLE, id="settle"),
        pytest.param([log(0, ease=1), log(1, ease=1)], Rule.COULD_NOT_COMPLETE, id="ease"),
        pytest.param([log(0), log(1)], Rule.TWO_FOR_TWO, id="progress"),
        pytest.param([log(0)], Rule.NOT_ENOUGH_DATA, id="too-few"),
        pytest.param([log(0), log(1, pain=4)], Rule.NOT_READY, id="acceptable-pain"),
    ],
)
def test_the_first_matching_rule_names_the_suggestion(entries: list[Entry], rule: Rule) -> None:
    assert suggest(entries).rule == rule


def test_every_regress_trigger_is_explained() -> None:
    result = suggest([log(0, ease=1), log(1, pain=7, ease=1, before=2, morning=5)])
    assert result.rule == Rule.PAIN_TOO_HIGH
    assert len(result.reasons) == 3


@pytest.mark.parametrize(
    ("result", "summary"),
    [
        pytest.param(suggest([log(0), log(1)]), "Move up to rung 3", id="up"),
        pytest.param(suggest([log(0)]), "Stay on rung 2", id="stay"),
        pytest.param(suggest([log(0, pain=6)]), "Step down to rung 1", id="down"),
        pytest.param(suggest([log(0, pain=9)]), "Stop and seek care", id="care"),
        pytest.param(
            suggest([log(0, rung=5), log(1, rung=5)], current_position=5),
            "Stay on rung 5 with a bigger dose: 3 × 12 reps per side",
            id="top",
        ),
        pytest.param(
            suggest([log(0, pain=6, rung=1)], current_position=1),
            "Stay on rung 1 with a smaller dose: 3 × 8 reps per side",
            id="bottom",
        ),
    ],
)
def test_summary(result: Suggestion, summary: str) -> None:
    assert result.summary == summary


@pytest.mark.parametrize(
    ("pains", "tripped"),
    [
        pytest.param(weeks([2], [4]), True, id="rise-2"),
        pytest.param(weeks([2], [3]), False, id="rise-1"),
        pytest.param(weeks([1, 1, 2], [3, 4, 3]), True, id="rise-exactly-2-in-thirds"),
        pytest.param(weeks([2], []), False, id="no-values-this-week"),
        pytest.param(
            [(TODAY - timedelta(days=14), 0), (TODAY, 9)], False, id="14-days-ago-ignored"
        ),
        pytest.param(
            [(TODAY - timedelta(days=7), 0), (TODAY - timedelta(days=6), 2)], True, id="edge"
        ),
        pytest.param(
            [(TODAY + timedelta(days=1), 9), (TODAY - timedelta(7), 0)], False, id="future"
        ),
    ],
)
def test_weekly_guard(pains: list[tuple[date, int]], tripped: bool) -> None:
    result, reason = weekly_guard_tripped(pains, TODAY, Thresholds())
    assert result is tripped
    assert (reason is not None) is tripped


def test_weekly_guard_reason_has_the_means() -> None:
    _, reason = weekly_guard_tripped(weeks([1, 2], [4, 5]), TODAY, Thresholds())
    assert reason is not None
    assert "(4.5/10) is 3 above the 7 days before (1.5/10)" in reason


def test_weekly_guard_uses_the_tuned_rise() -> None:
    tripped, _ = weekly_guard_tripped(weeks([2], [3]), TODAY, Thresholds(weekly_guard_rise=1.0))
    assert tripped


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(REPS, Dose(3, 8, None, True), id="10-reps-to-8"),
        pytest.param(Dose(1, 6, None, False), Dose(1, 5, None, False), id="6-reps-to-5"),
        pytest.param(Dose(1, 2, None, False), Dose(1, 1, None, False), id="2-reps-to-1"),
        pytest.param(Dose(1, 1, None, False), None, id="1-rep-is-the-floor"),
        pytest.param(HOLD, Dose(2, None, 23, True), id="30s-to-23s"),
        pytest.param(Dose(1, None, 12, False), Dose(1, None, 7, False), id="12s-to-7s-at-least-5"),
        pytest.param(Dose(1, None, 8, False), Dose(1, None, 5, False), id="8s-to-5s-floor"),
        pytest.param(Dose(1, None, 5, False), None, id="5s-is-the-floor"),
    ],
)
def test_smaller_dose(before: Dose, after: Dose | None) -> None:
    assert smaller_dose(before) == after


def test_bigger_dose_uses_the_tuned_steps() -> None:
    steps = Thresholds(top_rung_rep_step=5, top_rung_hold_step=10)
    assert bigger_dose(REPS, steps).reps == 15
    assert bigger_dose(HOLD, steps).hold_seconds == 40


def test_thresholds_are_tunable() -> None:
    strict = Thresholds(progress_max_pain=1)
    assert suggest([log(0, pain=2), log(1, pain=2)], thresholds=strict).action is Action.HOLD


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: Dose(1, 10, 30, False), id="reps-and-hold"),
        pytest.param(lambda: Dose(1, None, None, False), id="neither"),
        pytest.param(lambda: Dose(0, 10, None, False), id="no-sets"),
        pytest.param(lambda: Dose(1, 0, None, False), id="no-reps"),
        pytest.param(lambda: log(pain=11), id="pain-11"),
        pytest.param(lambda: log(morning=-1), id="pain-negative"),
        pytest.param(lambda: log(ease=0), id="ease-0"),
        pytest.param(lambda: log(rung=0), id="rung-0"),
        pytest.param(lambda: suggest([], current_position=6), id="rung-off-the-ladder"),
    ],
)
def test_bad_input_is_rejected(make: object) -> None:
    with pytest.raises(ValueError):
        make()  # type: ignore[operator]


def test_ease_words_and_dates_read_like_the_domain_brief() -> None:
    assert EASE_WORDS[3] == "challenging but doable"
    assert sorted(EASE_WORDS) == [1, 2, 3, 4, 5]
    assert day_month(MARCH_3) == "3 March"


# Property tests: any history, any ladder.

doses = st.one_of(
    st.builds(Dose, st.integers(1, 5), st.integers(1, 30), st.none(), st.booleans()),
    st.builds(Dose, st.integers(1, 5), st.none(), st.integers(1, 120), st.booleans()),
)


@st.composite
def situations(draw: st.DrawFn) -> dict[str, object]:
    """A ladder, a position on it, a history of sessions and morning pains."""
    rung_count = draw(st.integers(1, 8))
    position = draw(st.integers(1, rung_count))
    pain = st.integers(0, 10)
    entry = st.builds(
        Entry,
        day=st.dates(TODAY - timedelta(days=20), TODAY),
        # Mostly the current rung, so the interesting rules actually fire.
        rung_position=st.one_of(st.just(position), st.integers(1, rung_count)),
        baseline_pain=st.none() | pain,
        pain_during=pain,
        ease=st.integers(1, 5),
        full_dose=st.booleans(),
        next_morning_pain=st.none() | pain,
    )
    return {
        "entries": draw(st.lists(entry, max_size=8)),
        "current_position": position,
        "rung_count": rung_count,
        "dose": draw(doses),
        "red_flag": draw(st.booleans()),
        "morning_pains": draw(st.lists(st.tuples(st.dates(TODAY - timedelta(20), TODAY), pain))),
        "today": TODAY,
    }


@given(situations())
def test_any_suggestion_is_well_formed(situation: dict[str, object]) -> None:
    result = suggest_next_step(**situation)  # type: ignore[arg-type]
    here = situation["current_position"]
    assert result.reasons and all(result.reasons)
    assert result.summary and "\n" not in result.summary
    if result.target_position is not None:
        assert 1 <= result.target_position <= situation["rung_count"]  # type: ignore[operator]
        assert abs(result.target_position - here) == 1  # type: ignore[operator]
    # A dose change only ever replaces a rung change, at the ends of the ladder.
    if result.dose is not None:
        assert result.target_position is None
        assert result.action in (Action.PROGRESS, Action.REGRESS)
    if result.action is Action.SEEK_CARE:
        assert result.target_position is None and result.dose is None


@given(situations())
def test_red_flag_always_means_seek_care(situation: dict[str, object]) -> None:
    result = suggest_next_step(**{**situation, "red_flag": True})  # type: ignore[arg-type]
    assert result.action is Action.SEEK_CARE


@given(situations(), st.integers(6, 10))
def test_latest_pain_6_or_more_never_progresses(situation: dict[str, object], pain: int) -> None:
    here = situation["current_position"]
    painful = log(30, pain=pain, rung=here)  # type: ignore[arg-type]
    entries = [*situation["entries"], painful]  # type: ignore[misc]
    result = suggest_next_step(**{**situation, "entries": entries, "today": painful.day})  # type: ignore[arg-type]
    assert result.action is not Action.PROGRESS
    assert result.action in (Action.REGRESS, Action.SEEK_CARE)


@given(situations(), st.data())
def test_input_order_does_not_matter(situation: dict[str, object], data: st.DataObject) -> None:
    # One entry per day: within a day the caller's order is the only clock there is.
    one_per_day = list({e.day: e for e in situation["entries"]}.values())  # type: ignore[attr-defined]
    shuffled = data.draw(st.permutations(one_per_day))
    first = suggest_next_step(**{**situation, "entries": one_per_day})  # type: ignore[arg-type]
    assert suggest_next_step(**{**situation, "entries": shuffled}) == first  # type: ignore[arg-type]
