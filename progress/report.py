"""The clinician report: a date range of one user's history summarised on one or two pages."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django import forms

from backcare.accounts.models import User
from progress import figures as dashboard_figures
from progress.models import (
    CheckIn,
    ExerciseEntry,
    PlanExercise,
    PsfsActivity,
    PsfsRating,
    RungChange,
    SafetyScreen,
    SessionLog,
)
from progress.rules.dates import short_date
from progress.rules.red_flags import QUESTIONS
from progress.rules.stats import mean
from progress.selectors import dashboard
from progress.selectors.screens import latest_screen
from progress.services import psfs

DEFAULT_DAYS = 28
ONE_DAY = timedelta(days=1)
# Thirteen weekly rows still leave room on two A4 pages for everything else.
MAX_DAYS = 91
# Notes beyond these are in the history and the export; the report stays short.
MAX_NOTES = 10
EARLIEST = date(2000, 1, 1)
DATE_HELP = "Use the form YYYY-MM-DD, e.g. 2026-03-31."


class ReportRangeForm(forms.Form):
    start = forms.DateField(
        label="Start date",
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": DATE_HELP},
    )
    end = forms.DateField(
        label="End date",
        required=False,
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": DATE_HELP},
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def _check_bounds(self, value: date | None) -> date | None:
        latest = self.today + timedelta(days=366)
        if value is not None and not EARLIEST <= value <= latest:
            raise forms.ValidationError(
                f"Choose a date between {short_date(EARLIEST)} and {short_date(latest)}."
            )
        return value

    def clean_start(self):
        return self._check_bounds(self.cleaned_data["start"])

    def clean_end(self):
        return self._check_bounds(self.cleaned_data["end"])

    def error_list(self) -> list[str]:
        """Every problem as one sentence that names its field."""
        return [
            f"{self[name].label}: {error}" if name in self.fields else str(error)
            for name, errors in self.errors.items()
            for error in errors
        ]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        start, end = report_range(cleaned.get("start"), cleaned.get("end"), today=self.today)
        if start > end:
            raise forms.ValidationError("The start date is after the end date.")
        if (end - start).days + 1 > MAX_DAYS:
            raise forms.ValidationError(f"A report covers at most {MAX_DAYS // 7} weeks.")
        cleaned["start"], cleaned["end"] = start, end
        return cleaned


def report_range(start: date | None, end: date | None, *, today: date) -> tuple[date, date]:
    """Fill in what is missing: the end defaults to today, the start to four weeks before it."""
    end = end or (start + timedelta(days=DEFAULT_DAYS - 1) if start else today)
    start = start or end - timedelta(days=DEFAULT_DAYS - 1)
    return start, end


@dataclass(frozen=True)
class Week:
    start: date
    end: date
    sessions: int
    pain_before: float | None
    pain_during: float | None
    morning_pain: float | None


@dataclass(frozen=True)
class Note:
    day: date
    where: str
    text: str


@dataclass(frozen=True)
class PsfsLine:
    name: str
    retired: bool
    first: PsfsRating
    last: PsfsRating


@dataclass
class Psfs:
    activities: int = 0
    lines: list[PsfsLine] = field(default_factory=list)
    first: psfs.Score | None = None
    last: psfs.Score | None = None

    @property
    def change(self) -> float | None:
        if self.first is None or self.last is None or self.first.day == self.last.day:
            return None
        return float(self.last.mean - self.first.mean)

    @property
    def meaningful(self) -> bool:
        return self.change is not None and abs(self.change) >= psfs.MEANINGFUL_CHANGE


@dataclass
class Report:
    start: date
    end: date
    weeks: list[Week]
    total: Week
    sessions: int
    items: list[PlanExercise]
    changes: list[RungChange]
    session_days: int
    mornings_known: int
    red_flag_days: list[tuple[date, list[str]]]
    screen: SafetyScreen | None
    psfs: Psfs
    notes: list[Note]
    more_notes: int

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def sessions_per_week(self) -> float:
        return round(self.sessions * 7 / self.days, 1)


def _rounded_mean(values: list[int]) -> float | None:
    """To one decimal, as the report prints it; None for no values."""
    return round(mean(values), 1) if values else None


def _pain_row(first: date, last: date, sessions, entries, mornings: dict[date, int]) -> Week:
    """Means over one stretch of days; next-morning pain is the check-in after a session day."""
    session_days = {s.day for s in sessions}
    return Week(
        start=first,
        end=last,
        sessions=len(sessions),
        pain_before=_rounded_mean([s.pain_before for s in sessions]),
        pain_during=_rounded_mean([e.pain_during for e in entries]),
        morning_pain=_rounded_mean(
            [mornings[d + ONE_DAY] for d in sorted(session_days) if d + ONE_DAY in mornings]
        ),
    )


def _weeks(start: date, end: date, sessions, entries, mornings) -> list[Week]:
    """Seven-day rows from the start date; the last one may be shorter."""
    weeks = []
    for n in range((end - start).days // 7 + 1):
        first = start + timedelta(days=7 * n)
        last = min(first + timedelta(days=6), end)
        weeks.append(
            _pain_row(
                first,
                last,
                [s for s in sessions if first <= s.day <= last],
                [e for e in entries if first <= e.session.day <= last],
                mornings,
            )
        )
    return weeks


def _psfs(user: User, start: date, end: date) -> Psfs:
    activities = list(PsfsActivity.objects.filter(user=user))
    ratings = list(
        PsfsRating.objects.filter(activity__user=user, day__gte=start, day__lte=end).order_by(
            "day", "id"
        )
    )
    by_activity = defaultdict(list)
    for r in ratings:
        by_activity[r.activity_id].append(r)
    result = Psfs(activities=sum(1 for a in activities if a.retired_at is None))
    result.lines = [
        PsfsLine(
            name=a.name,
            retired=a.retired_at is not None,
            first=by_activity[a.pk][0],
            last=by_activity[a.pk][-1],
        )
        for a in activities
        if by_activity[a.pk]
    ]
    history = psfs.scores((r.day, r.score) for r in ratings)
    if history:
        result.first, result.last = history[0], history[-1]
    return result


def _notes(sessions, entries) -> list[Note]:
    notes = [Note(s.day, "Session", s.note) for s in sessions if s.note.strip()]
    notes += [Note(e.session.day, e.exercise.name, e.note) for e in entries if e.note.strip()]
    return sorted(notes, key=lambda n: n.day, reverse=True)


def build_report(user: User, start: date, end: date) -> Report:
    """Everything the report shows, in a fixed number of queries."""
    zone = user.zone
    since = datetime.combine(start, time.min, tzinfo=zone)
    until = datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone)
    sessions = list(
        SessionLog.objects.filter(user=user, day__gte=start, day__lte=end).order_by("day", "id")
    )
    entries = list(
        ExerciseEntry.objects.filter(
            session__user=user, session__day__gte=start, session__day__lte=end
        )
        .select_related("session", "exercise")
        .order_by("session__day", "id")
    )
    done = [e for e in entries if not e.skipped]
    # The morning after the last day belongs to the range's last session.
    checkins = list(
        CheckIn.objects.filter(user=user, day__gte=start, day__lte=end + ONE_DAY).order_by("day")
    )
    mornings = {c.day: c.morning_pain for c in checkins}
    session_days = {s.day for s in sessions}
    items = list(
        PlanExercise.objects.filter(plan__user=user)
        .select_related("exercise", "rung")
        .prefetch_related("exercise__rungs")
    )
    changes = list(
        RungChange.objects.filter(
            plan_exercise__plan__user=user, changed_at__gte=since, changed_at__lt=until
        )
        .select_related("plan_exercise__exercise", "from_rung", "to_rung", "changed_by__user")
        .order_by("changed_at", "id")
    )
    notes = _notes(sessions, entries)
    return Report(
        start=start,
        end=end,
        weeks=_weeks(start, end, sessions, done, mornings),
        total=_pain_row(start, end, sessions, done, mornings),
        sessions=len(sessions),
        items=items,
        changes=changes,
        session_days=len(session_days),
        mornings_known=sum(1 for d in session_days if d + ONE_DAY in mornings),
        red_flag_days=[
            (c.day, [QUESTIONS[k].text if k in QUESTIONS else k for k in c.red_flags])
            for c in checkins
            if c.red_flags and c.day <= end
        ],
        screen=latest_screen(user),
        psfs=_psfs(user, start, end),
        notes=notes[:MAX_NOTES],
        more_notes=max(len(notes) - MAX_NOTES, 0),
    )


@dataclass(frozen=True)
class _PainData:
    """The part of the dashboard's data its pain chart reads: the days and their window."""

    window: dashboard.Window
    pain: list[dashboard.PainDay]


def pain_figure(user: User, report: Report) -> dashboard_figures.Figure:
    """The dashboard's pain chart over the report's dates: one picture for patient and clinician."""
    window = dashboard.Window(
        key="report", label=f"{report.days} days", start=report.start, end=report.end
    )
    return dashboard_figures.pain_figure(_PainData(window, dashboard.pain_days(user, window)))
