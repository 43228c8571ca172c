"""When BackCare reminds a person, with no Django imports: the scheduling rules of reminders.

Times are the person's wall-clock times in their own zone: a practice reminder set for 07:30
arrives at 07:30 local time on both sides of a daylight-saving change. A wall-clock time that
does not exist that day (the hour skipped in spring) is sent when the clock reaches it, at
the first moment after the gap; one that happens twice (the hour repeated in autumn) is sent
at its first occurrence.

Reminders are kept from nagging: no practice reminder on a day with a session logged, while
the plan or an exercise is paused to seek care, or while a step-down suggestion waits for an
answer; after a week without a session, one "welcome back" instead of daily reminders. Each
reminder is identified by its kind and the local day it is for, so whoever sends it can
record that and never send the same one twice. A reminder is not sent for a moment before
the person chose it, nor more than a few hours late (a worker that was down).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

# After this many days without a session, daily practice reminders give way to one welcome back.
AWAY_DAYS = 7
# The next-morning check-in reminder, local time, the morning after a session.
CHECKIN_TIME = time(9, 0)
# The weekly summary, local time, on Monday mornings.
SUMMARY_DAY, SUMMARY_TIME = 0, time(8, 0)
# A reminder later than this (the worker was down) is no longer worth sending.
LATE = timedelta(hours=3)


class Kind(StrEnum):
    PRACTICE = "practice"
    CHECKIN = "checkin"
    WELCOME_BACK = "welcome-back"
    SUMMARY = "summary"


@dataclass(frozen=True)
class Preferences:
    """What the person chose on their profile."""

    zone: str
    days: frozenset[int]  # 0 = Monday … 6 = Sunday
    at: time
    checkin: bool = True
    enabled: bool = False  # practice reminders, and with them the check-in reminder
    weekly: bool = False  # the weekly summary, on its own


@dataclass(frozen=True)
class Standing:
    """What the person's record says on a day, for the rules below."""

    session_days: frozenset[date] = field(default_factory=frozenset)  # local days with a session
    checked_in: frozenset[date] = field(default_factory=frozenset)  # mornings with a check-in
    paused_for_care: bool = False  # the plan, or an exercise, paused to seek care
    step_down_open: bool = False  # a regress suggestion waits for an answer
    welcomed_back_since: date | None = None  # the day a welcome back was sent, if any


@dataclass(frozen=True)
class Reminder:
    kind: Kind
    day: date  # the local day it is for: with the kind, what makes it one reminder
    send_at: datetime  # aware, UTC

    @property
    def identity(self) -> str:
        return f"{self.kind}:{self.day.isoformat()}"


def wall_clock(day: date, at: time, zone: str) -> datetime:
    """The moment (UTC) a local day's clock first shows `at`.

    In the spring gap the clock jumps past it: the moment is the end of the gap. In the
    autumn repeat it is the first of the two (fold 0)."""
    tz = ZoneInfo(zone)
    moment = datetime.combine(day, at, tzinfo=tz)
    for _ in range(24 * 60):  # gaps last an hour or less; the bound only guards the loop
        if _exists(moment):
            return moment.astimezone(UTC)
        moment += timedelta(minutes=1)  # wall-clock arithmetic: the next minute on the clock
    raise ValueError(f"no {at} on {day} in {zone}")


def _exists(local: datetime) -> bool:
    back = local.astimezone(UTC).astimezone(local.tzinfo)
    return back.replace(tzinfo=None) == local.replace(tzinfo=None)


def _last_session(standing: Standing, day: date) -> date | None:
    before = [d for d in standing.session_days if d < day]
    return max(before) if before else None


def practice(prefs: Preferences, standing: Standing, day: date) -> Reminder | None:
    """The practice reminder for a local day, or the welcome back, or none."""
    if not prefs.enabled or day.weekday() not in prefs.days:
        return None
    if day in standing.session_days or standing.paused_for_care or standing.step_down_open:
        return None
    last = _last_session(standing, day)
    send_at = wall_clock(day, prefs.at, prefs.zone)
    if last is not None and (day - last).days > AWAY_DAYS:
        if standing.welcomed_back_since is not None and standing.welcomed_back_since > last:
            return None  # welcomed back once already since the last session: quiet now
        return Reminder(Kind.WELCOME_BACK, day, send_at)
    return Reminder(Kind.PRACTICE, day, send_at)


def checkin(prefs: Preferences, standing: Standing, day: date) -> Reminder | None:
    """The check-in reminder on the morning of a local day, after yesterday's session."""
    if not (prefs.enabled and prefs.checkin):
        return None
    yesterday = day - timedelta(days=1)
    if yesterday not in standing.session_days or day in standing.checked_in:
        return None
    return Reminder(Kind.CHECKIN, day, wall_clock(day, CHECKIN_TIME, prefs.zone))


def summary(prefs: Preferences, standing: Standing, day: date) -> Reminder | None:
    """The weekly summary on Monday morning, for the week before."""
    if not prefs.weekly or day.weekday() != SUMMARY_DAY:
        return None
    return Reminder(Kind.SUMMARY, day, wall_clock(day, SUMMARY_TIME, prefs.zone))


def due(
    prefs: Preferences,
    standing: Standing,
    now: datetime,
    sent: set[str],
    since: datetime | None = None,
) -> list[Reminder]:
    """The reminders whose time has come by `now` (aware) on the person's local today, that
    have not been sent (`sent` holds identities), that were not due before the person chose
    them (`since`, when they last saved their settings) and are not more than LATE late."""
    today = now.astimezone(ZoneInfo(prefs.zone)).date()
    out = []
    for rule in (practice, checkin, summary):
        reminder = rule(prefs, standing, today)
        if (
            reminder
            and now - LATE <= reminder.send_at <= now
            and (since is None or reminder.send_at >= since)
            and reminder.identity not in sent
        ):
            out.append(reminder)
    return out


def may_be_due(prefs: Preferences, now: datetime, sent: set[str], since: datetime | None) -> bool:
    """Whether anything could be due now, whatever the person's record says: a sender asks
    this before it reads the record. (The most the record can allow: yesterday's session,
    nothing logged today.)"""
    today = now.astimezone(ZoneInfo(prefs.zone)).date()
    most = Standing(session_days=frozenset({today - timedelta(days=1)}))
    return bool(due(prefs, most, now, sent, since))


def practice_days(prefs: Preferences, start: date, weeks: int) -> list[datetime]:
    """The practice moments (UTC) of the coming weeks, from `start`: the calendar feed's."""
    days = (start + timedelta(days=n) for n in range(weeks * 7))
    return [wall_clock(d, prefs.at, prefs.zone) for d in days if d.weekday() in prefs.days]
