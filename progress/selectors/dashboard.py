"""The numbers behind the progress dashboard, fetched in the same few queries for any history."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, DateField, Q, Subquery
from django.db.models.functions import Cast, TruncWeek

from backcare.accounts.models import User
from progress.models import (
    CheckIn,
    PlanExercise,
    PsfsRating,
    RungChange,
    SessionLog,
    Suggestion,
)
from progress.rules.charts import Point
from progress.rules.dates import local_day
from progress.rules.stats import mean
from progress.services import psfs

# key → (label, days shown ending today; None = since the first session)
RANGES = {"4w": ("4 weeks", 28), "3m": ("3 months", 91), "all": ("All time", None)}
DEFAULT_RANGE = "3m"
FOUR_WEEKS = 28  # the default range for a history shorter than this
# Past about three months, daily points crowd the chart: pain is shown as weekly means.
WEEKLY_AFTER_DAYS = 98
# A decided suggestion's event kind is its decision; it sorts after a rung change that day.
DECIDED = (Suggestion.Decision.ACCEPTED, Suggestion.Decision.DECLINED)
CHANGE_TEXT: dict[str, str] = {
    RungChange.Source.START: "Started on rung {}",
    RungChange.Source.MANUAL: "Moved to rung {} by hand",
    RungChange.Source.SUGGESTION: "Moved to rung {} (accepted suggestion)",
    RungChange.Source.CLINICIAN: "Rung {} set by your clinician",
}
assert set(CHANGE_TEXT) == set(RungChange.Source), "every kind of rung change has its words"


@dataclass(frozen=True)
class Window:
    key: str
    label: str
    start: date
    end: date

    @property
    def weekly(self) -> bool:
        return (self.end - self.start).days > WEEKLY_AFTER_DAYS


@dataclass(frozen=True)
class PainDay:
    """One day (or week) of pain: before, mean during the done exercises, next morning."""

    day: date
    before: float
    during: float | None
    next_morning: float | None


@dataclass(frozen=True)
class RungEvent:
    """A rung change or a decided suggestion, on the user's local date."""

    day: date
    position: int
    text: str
    kind: str  # start | manual | suggestion | accepted | declined
    action: str = ""


@dataclass(frozen=True)
class MarkerReading:
    """A measured marker; readings in one stint were taken on the same rung without a break."""

    day: date
    value: Decimal
    position: int
    stint: int


@dataclass
class ExerciseProgress:
    item: PlanExercise
    rung_count: int
    start_position: int | None = None  # the rung in force when the window opens
    events: list[RungEvent] = field(default_factory=list)
    # (name, unit) → readings, one chart per marker the exercise's rungs use
    markers: dict[tuple[str, str], list[MarkerReading]] = field(default_factory=dict)


@dataclass
class DashboardData:
    window: Window
    today: date
    has_sessions: bool
    pain: list[PainDay]
    weeks: list[Point]  # sessions per week, each week by its Monday
    streak: int
    exercises: list[ExerciseProgress]
    psfs: PsfsHistory


def window_for(key: str | None, today: date, first_day: date | None) -> Window:
    """The requested range; without one, the range that fits the history: four weeks until
    there are more (three months would leave a new user's charts mostly empty)."""
    if key not in RANGES:
        new = first_day is None or (today - first_day).days < FOUR_WEEKS
        key = "4w" if new else DEFAULT_RANGE
    label, days = RANGES[key]
    if days is None:
        start = min(first_day or today, today - timedelta(days=27))
    else:
        start = today - timedelta(days=days - 1)
    return Window(key=key, label=label, start=start, end=today)


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_streak(active_weeks: set[date], this_week: date) -> int:
    """Consecutive weeks with at least one session, up to this week.

    Weeks rather than days: rest days are part of back care, so a streak should not
    push anyone to train daily. This week counts once a session is logged; until then
    the streak runs to last week, so Monday morning does not break it.
    """
    week = this_week if this_week in active_weeks else this_week - timedelta(weeks=1)
    streak = 0
    while week in active_weeks:
        streak += 1
        week -= timedelta(weeks=1)
    return streak


def window_entries(user: User, window: Window) -> list[tuple]:
    """The window's sessions with their entries, in order: one query for pain and markers alike.

    A row per entry: (session id, day, pain before, then the entry's plan exercise id,
    skipped, pain during, marker value, rung position, and the marker's name and unit as
    logged), the entry's part all None for a session without entries. Sessions are found by
    the (user, day) index, so only the window is read however long the history.
    """
    return list(
        SessionLog.objects.filter(user=user, day__gte=window.start, day__lte=window.end)
        .order_by("day", "created_at", "id", "entries__id")
        .values_list(
            "id",
            "day",
            "pain_before",
            "entries__plan_exercise_id",
            "entries__skipped",
            "entries__pain_during",
            "entries__marker_value",
            "entries__rung__position",
            "entries__marker_name",
            "entries__marker_unit",
        )
    )


def pain_days(user: User, window: Window, rows: list[tuple] | None = None) -> list[PainDay]:
    """Pain per day in the window: `window_entries` rows and one query for the next mornings."""
    if rows is None:
        rows = window_entries(user, window)
    mornings = dict(
        CheckIn.objects.filter(
            user=user, day__gt=window.start, day__lte=window.end + timedelta(days=1)
        ).values_list("day", "morning_pain")
    )
    befores: defaultdict[date, list[int]] = defaultdict(list)
    durings: defaultdict[date, list[int]] = defaultdict(list)
    last_session = None
    for session_id, day, before, _, skipped, during, *_ in rows:
        if session_id != last_session:  # a session's rows come together
            last_session = session_id
            befores[day].append(before)
        if skipped is False and during is not None:
            durings[day].append(during)
    result = [
        PainDay(
            day=day,
            before=mean(before),
            during=mean(durings[day]) if day in durings else None,
            next_morning=mornings.get(day + timedelta(days=1)),
        )
        for day, before in sorted(befores.items())
    ]
    return _by_week(result) if window.weekly else result


def _by_week(days: list[PainDay]) -> list[PainDay]:
    weeks = defaultdict(list)
    for d in days:
        weeks[monday(d.day)].append(d)

    def known_mean(values: list[float | None]) -> float | None:
        known = [v for v in values if v is not None]
        return mean(known) if known else None

    return [
        PainDay(
            day=week,
            before=mean([d.before for d in rows]),
            during=known_mean([d.during for d in rows]),
            next_morning=known_mean([d.next_morning for d in rows]),
        )
        for week, rows in sorted(weeks.items())
    ]


def sessions_per_week(user: User) -> dict[date, int]:
    """Every week's session count, counted by the database."""
    rows = (
        SessionLog.objects.filter(user=user)
        # A date, not the timestamp DATE_TRUNC gives; COUNT(*) lets PostgreSQL count from
        # the (user, day) index alone, however long the history.
        .values(week=Cast(TruncWeek("day"), DateField()))
        .annotate(sessions=Count("*"))
        .order_by("week")
        .values_list("week", "sessions")
    )
    return dict(rows)


def weeks_in_window(counts: dict[date, int], window: Window) -> list[Point]:
    first, last = monday(window.start), monday(window.end)
    weeks = []
    week = first
    while week <= last:
        weeks.append(Point(week, counts.get(week, 0)))
        week += timedelta(weeks=1)
    return weeks


def exercise_progress(user: User, window: Window, rows: list[tuple]) -> list[ExerciseProgress]:
    """Each plan exercise's rung history, in three queries, and markers from `window_entries`."""
    zone = user.zone
    items = list(
        PlanExercise.objects.filter(plan__user=user)
        .select_related("exercise", "rung")
        .annotate(rung_count=Count("exercise__rungs"))
    )
    progress = {i.pk: ExerciseProgress(item=i, rung_count=i.rung_count) for i in items}
    # By the plan's exercises' ids: joins up to the plan cost more to build and to plan.
    changes = (
        RungChange.objects.filter(plan_exercise__in=list(progress), change=RungChange.Change.RUNG)
        .order_by("changed_at", "id")
        .values_list("plan_exercise_id", "changed_at", "to_rung__position", "source")
    )
    for item_id, changed_at, position, source in changes:
        p = progress[item_id]
        day = local_day(changed_at, zone)
        if day < window.start:
            p.start_position = position
        else:
            p.events.append(RungEvent(day, position, CHANGE_TEXT[source].format(position), source))
    opens_at = datetime.combine(window.start, time.min, tzinfo=zone)
    decided = (
        Suggestion.objects.filter(
            plan_exercise__in=list(progress),
            decision__in=DECIDED,
            decided_at__gte=opens_at,
        )
        .order_by("decided_at", "id")
        .values_list(
            "plan_exercise_id", "decided_at", "decision", "action", "summary", "from_rung__position"
        )
    )
    for item_id, decided_at, decision, action, summary, position in decided:
        assert decided_at is not None  # decided_at__gte leaves the undecided (NULL) out
        verb = "Accepted" if decision == Suggestion.Decision.ACCEPTED else "Declined"
        progress[item_id].events.append(
            RungEvent(local_day(decided_at, zone), position, f"{verb}: {summary}", decision, action)
        )
    last_rung: dict[int, int] = {}
    stint: dict[int, int] = defaultdict(int)
    # Every done entry, measured or not: a stint on another rung in between ends a line.
    for _, day, _, item_id, skipped, _, value, position, name, unit in rows:
        # Skipped, no entry at all, or an exercise since removed from the plan.
        if skipped is not False or item_id not in progress:
            continue
        if last_rung.get(item_id) != position:
            last_rung[item_id] = position
            stint[item_id] += 1
        if value is not None and name:  # a rung with nothing to measure has no chart
            progress[item_id].markers.setdefault((name, unit), []).append(
                MarkerReading(day, value, position, stint[item_id])
            )
    for p in progress.values():
        p.events.sort(key=lambda e: (e.day, e.kind in DECIDED))
    return list(progress.values())


@dataclass(frozen=True)
class PsfsHistory:
    """The PSFS scores the window shows (each the mean of a day's ratings, retired activities
    included), with the first and the latest ever: the change since the first rating and when
    to rate again need those whatever the range, and nothing else of a long history is read."""

    shown: list[psfs.Score]
    first: psfs.Score | None
    latest: psfs.Score | None

    @property
    def ends(self) -> list[psfs.Score]:
        """The first and the latest score: one when there is only one, none before any."""
        if self.first is None or self.latest is None:
            return []
        return [self.first] if self.first == self.latest else [self.first, self.latest]


def psfs_history(user: User, window: Window) -> PsfsHistory:
    ratings = PsfsRating.objects.filter(activity__user=user)
    # All time shows every rating: it starts at the first session, and ratings may come earlier.
    since = None if window.key == "all" else window.start
    if since is not None:
        days = ratings.values("day")
        ratings = ratings.filter(
            Q(day__gte=since)
            | Q(day=Subquery(days.order_by("day")[:1]))
            | Q(day=Subquery(days.order_by("-day")[:1]))
        )
    scores = psfs.scores(ratings.values_list("day", "score"))
    return PsfsHistory(
        shown=scores if since is None else [s for s in scores if s.day >= since],
        first=scores[0] if scores else None,
        latest=scores[-1] if scores else None,
    )


def dashboard_data(user: User, range_key: str | None) -> DashboardData:
    """Everything the dashboard draws, in a fixed number of queries whatever the history."""
    today = user.local_today()
    counts = sessions_per_week(user)
    window = window_for(range_key, today, min(counts, default=None))
    rows = window_entries(user, window)
    return DashboardData(
        window=window,
        today=today,
        has_sessions=bool(counts),
        pain=pain_days(user, window, rows),
        weeks=weeks_in_window(counts, window),
        streak=week_streak({w for w, n in counts.items() if n}, monday(today)),
        exercises=exercise_progress(user, window, rows),
        psfs=psfs_history(user, window),
    )
