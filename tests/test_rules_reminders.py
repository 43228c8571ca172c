"""The reminder rules, without a database: wall-clock times across time zones and
daylight-saving changes, and the rules that keep reminders from nagging."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from progress.rules.reminders import (
    AWAY_DAYS,
    LATE,
    Kind,
    Preferences,
    Standing,
    checkin,
    due,
    practice,
    practice_days,
    summary,
    wall_clock,
)

EVERY_DAY = frozenset(range(7))


def prefs(zone="Europe/London", at=time(7, 30), days=EVERY_DAY, **kw):
    return Preferences(zone=zone, days=frozenset(days), at=at, enabled=True, **kw)


@pytest.mark.parametrize(
    ("zone", "day", "at", "utc"),
    [
        # 07:30 local either side of each zone's change of clocks.
        ("Europe/London", date(2026, 3, 28), time(7, 30), datetime(2026, 3, 28, 7, 30)),
        ("Europe/London", date(2026, 3, 29), time(7, 30), datetime(2026, 3, 29, 6, 30)),
        ("Europe/London", date(2026, 10, 24), time(7, 30), datetime(2026, 10, 24, 6, 30)),
        ("Europe/London", date(2026, 10, 25), time(7, 30), datetime(2026, 10, 25, 7, 30)),
        ("America/New_York", date(2026, 3, 7), time(7, 30), datetime(2026, 3, 7, 12, 30)),
        ("America/New_York", date(2026, 3, 8), time(7, 30), datetime(2026, 3, 8, 11, 30)),
        ("America/New_York", date(2026, 11, 1), time(7, 30), datetime(2026, 11, 1, 12, 30)),
        ("Pacific/Auckland", date(2026, 4, 4), time(7, 30), datetime(2026, 4, 3, 18, 30)),
        ("Pacific/Auckland", date(2026, 4, 5), time(7, 30), datetime(2026, 4, 4, 19, 30)),
        ("Pacific/Auckland", date(2026, 9, 27), time(7, 30), datetime(2026, 9, 26, 18, 30)),
        ("Asia/Kolkata", date(2026, 3, 29), time(7, 30), datetime(2026, 3, 29, 2, 0)),
        # In the spring gap, at the end of the gap; in the autumn repeat, the first one.
        ("Europe/London", date(2026, 3, 29), time(1, 30), datetime(2026, 3, 29, 1, 0)),
        ("Europe/London", date(2026, 10, 25), time(1, 30), datetime(2026, 10, 25, 0, 30)),
        ("America/New_York", date(2026, 3, 8), time(2, 15), datetime(2026, 3, 8, 7, 0)),
        ("Pacific/Auckland", date(2026, 9, 27), time(2, 30), datetime(2026, 9, 26, 14, 0)),
    ],
)
def test_a_reminder_comes_at_the_local_wall_clock_time(zone, day, at, utc):
    assert wall_clock(day, at, zone) == utc.replace(tzinfo=UTC)


MONDAY = date(2026, 3, 2)


def test_a_practice_reminder_on_a_chosen_day_only():
    chosen = prefs(days={0, 2, 4})
    assert practice(chosen, Standing(), MONDAY).kind == Kind.PRACTICE
    assert practice(chosen, Standing(), MONDAY + timedelta(days=1)) is None
    assert practice(prefs(days={0}), Standing(), MONDAY).identity == "practice:2026-03-02"


def test_reminders_are_off_until_the_person_turns_them_on():
    off = Preferences(zone="Europe/London", days=EVERY_DAY, at=time(7, 30))
    assert practice(off, Standing(), MONDAY) is None
    assert checkin(off, Standing(session_days=frozenset({MONDAY})), MONDAY + timedelta(1)) is None


@pytest.mark.parametrize(
    "standing",
    [
        Standing(session_days=frozenset({MONDAY})),  # already logged today
        Standing(paused_for_care=True),  # the plan, or an exercise, paused to seek care
        Standing(step_down_open=True),
    ],
)
def test_no_practice_reminder_when_it_would_nag(standing):
    assert practice(prefs(), standing, MONDAY) is None


def test_after_a_week_away_one_welcome_back_then_quiet():
    last = MONDAY - timedelta(days=AWAY_DAYS + 1)
    away = Standing(session_days=frozenset({last}))
    assert practice(prefs(), away, MONDAY).kind == Kind.WELCOME_BACK
    welcomed = Standing(session_days=frozenset({last}), welcomed_back_since=MONDAY)
    assert practice(prefs(), welcomed, MONDAY + timedelta(days=1)) is None
    # A week exactly is not away yet.
    recent = Standing(session_days=frozenset({MONDAY - timedelta(days=AWAY_DAYS)}))
    assert practice(prefs(), recent, MONDAY).kind == Kind.PRACTICE


def test_the_check_in_reminder_follows_a_session_until_the_check_in():
    tuesday = MONDAY + timedelta(days=1)
    after = Standing(session_days=frozenset({MONDAY}))
    reminder = checkin(prefs(zone="Asia/Kolkata"), after, tuesday)
    assert reminder.kind == Kind.CHECKIN
    assert reminder.send_at == datetime(2026, 3, 3, 3, 30, tzinfo=UTC)  # 09:00 in Kolkata
    done = Standing(session_days=frozenset({MONDAY}), checked_in=frozenset({tuesday}))
    assert checkin(prefs(), done, tuesday) is None
    assert checkin(prefs(checkin=False), after, tuesday) is None
    assert checkin(prefs(), Standing(), tuesday) is None  # no session yesterday


def test_due_sends_each_reminder_once_and_only_when_its_time_has_come():
    london = prefs(at=time(7, 30))
    before = datetime(2026, 3, 2, 7, 29, tzinfo=UTC)
    at = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
    assert due(london, Standing(), before, set()) == []
    [reminder] = due(london, Standing(), at, set())
    assert reminder.kind == Kind.PRACTICE
    assert due(london, Standing(), at + timedelta(hours=3), {reminder.identity}) == []


def test_due_uses_the_persons_own_today():
    # 19:00 UTC on Sunday is already Monday 08:00 in Auckland.
    auckland = prefs(zone="Pacific/Auckland", at=time(7, 30), days={0})
    [reminder] = due(auckland, Standing(), datetime(2026, 3, 1, 19, 0, tzinfo=UTC), set())
    assert reminder.day == MONDAY


def test_the_calendar_lists_the_chosen_days_at_their_local_time():
    moments = practice_days(prefs(days={6}), date(2026, 3, 22), weeks=2)  # Sundays
    assert moments == [
        datetime(2026, 3, 22, 7, 30, tzinfo=UTC),  # GMT
        datetime(2026, 3, 29, 6, 30, tzinfo=UTC),  # BST from that morning
    ]


def test_no_reminder_for_a_moment_before_the_person_chose_it():
    london = prefs(at=time(7, 30))
    at = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
    # Saved at 07:40 for 07:30: today's has passed, so it waits for the next chosen day.
    assert due(london, Standing(), at + timedelta(minutes=10), set(), since=at + timedelta(1)) == []
    # Saved at 07:28 for 07:30: it comes at 07:30.
    [reminder] = due(london, Standing(), at, set(), since=at - timedelta(minutes=2))
    assert reminder.send_at == at


def test_a_reminder_more_than_a_few_hours_late_is_dropped():
    at = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
    assert len(due(prefs(), Standing(), at + LATE, set())) == 1
    assert due(prefs(), Standing(), at + LATE + timedelta(minutes=1), set()) == []


def test_the_weekly_summary_comes_on_monday_morning_on_its_own():
    weekly = Preferences(zone="America/New_York", days=frozenset(), at=time(18), weekly=True)
    reminder = summary(weekly, Standing(), MONDAY)
    assert reminder.identity == "summary:2026-03-02"
    assert reminder.send_at == datetime(2026, 3, 2, 13, 0, tzinfo=UTC)  # 08:00 EST
    assert summary(weekly, Standing(), MONDAY + timedelta(days=1)) is None
    assert summary(prefs(), Standing(), MONDAY) is None  # practice reminders alone: no summary
    [only] = due(weekly, Standing(), datetime(2026, 3, 2, 13, 0, tzinfo=UTC), set())
    assert only.kind == Kind.SUMMARY
