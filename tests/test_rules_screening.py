"""The pure rules behind re-screening, clearances and late check-ins (no database)."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from progress.rules.dates import months_later, time_of_day
from progress.rules.mornings import mornings_missing
from progress.rules.red_flags import (
    CAN_APPEAR,
    QUESTIONS,
    Outcome,
    answers_after_change,
    clearance_current,
    may_exercise,
)

THU = date(2026, 3, 5)


def test_re_screening_asks_only_what_can_appear():
    keys = {q.key for q in CAN_APPEAR}
    assert {"bladder_bowel", "saddle_numbness", "leg_weakness", "fever", "weight_loss"} <= keys
    assert {"night_pain", "fall"} <= keys
    assert not keys & {"cancer_history", "age_onset", "osteoporosis", "immune", "iv_drugs"}


def test_a_change_keeps_every_earlier_yes_and_adds_what_appeared():
    before = dict.fromkeys(QUESTIONS, False) | {"cancer_history": True, "night_pain": True}
    after = answers_after_change(before, ["fever"])
    assert {k for k, yes in after.items() if yes} == {"cancer_history", "night_pain", "fever"}
    assert set(after) == set(QUESTIONS)
    assert {k for k, yes in answers_after_change(None, ["fall"]).items() if yes} == {"fall"}


@pytest.mark.parametrize(
    ("outcome", "assessed_on", "today", "allowed"),
    [
        (Outcome.CLEAR, None, THU, True),
        (Outcome.SEE_DOCTOR, None, THU, False),
        (Outcome.SEE_DOCTOR, date(2025, 3, 6), THU, True),  # a day short of 12 months
        (Outcome.SEE_DOCTOR, date(2025, 3, 5), THU, False),  # 12 months: asked again
        (Outcome.SEE_DOCTOR, date(2026, 3, 6), THU, False),  # a clearance still to come
        (Outcome.EMERGENCY, date(2026, 3, 4), THU, False),  # never cleared this way
        (Outcome.NOT_CHECKED, date(2026, 3, 4), THU, False),
    ],
)
def test_who_may_exercise(outcome, assessed_on, today, allowed):
    assert may_exercise(outcome, assessed_on, today, valid_months=12) is allowed


def test_the_clearance_period_is_a_setting():
    assert clearance_current(date(2026, 1, 5), THU, valid_months=3)
    assert not clearance_current(date(2026, 1, 5), THU, valid_months=1)


@pytest.mark.parametrize(
    ("day", "months", "later"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
    ],
)
def test_months_later(day, months, later):
    assert months_later(day, months) == later


def test_mornings_missing_are_the_last_three_days_sessions_without_a_check_in():
    sessions = [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4), THU]
    checked_in = [date(2026, 3, 4)]  # the morning after the 3rd
    # The 1st is too long ago, today's morning-after has not come, the 3rd is answered.
    assert mornings_missing(sessions, checked_in, THU) == [date(2026, 3, 4), date(2026, 3, 2)]
    assert mornings_missing([date(2026, 3, 4), date(2026, 3, 4)], [], THU) == [date(2026, 3, 4)]


@pytest.mark.parametrize(
    ("hour", "word"),
    [(6, "morning"), (11, "morning"), (12, "afternoon"), (18, "evening"), (2, "evening")],
)
def test_the_greeting_fits_the_time_where_the_user_lives(hour, word):
    london = ZoneInfo("Europe/London")
    assert time_of_day(datetime(2026, 3, 5, hour, tzinfo=london), london) == word
    # The same moment in Tokyo is nine hours later.
    assert time_of_day(datetime(2026, 3, 5, 3, tzinfo=UTC), ZoneInfo("Asia/Tokyo")) == "afternoon"
