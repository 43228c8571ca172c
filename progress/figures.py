"""Dashboard data turned into figures: each an SVG, a one-paragraph summary and a table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from exercises.models import in_sentence, marker_label, unit_in_name
from progress.models import Suggestion
from progress.rules import charts
from progress.rules.charts import Axes, Band, Mark, Point, Series, number
from progress.rules.dates import short_date, short_day
from progress.rules.engine import Action
from progress.rules.stats import mean
from progress.selectors.dashboard import (
    DECIDED,
    DashboardData,
    ExerciseProgress,
    MarkerReading,
    PainDay,
    Window,
)
from progress.services import psfs

# Dark lines, at least 4:1 on every zone tint (3:1 is the bar for graphics), that also differ
# in marker and dash so that no series relies on colour alone.
BEFORE = "#1f5fa8"
DURING = "#212529"
MORNING = "#a14e00"
BRAND = "#0b5d6b"
ACCEPTED = "#146c2e"
DECLINED = "#b02a37"
PAIN_ZONES = (
    # Integer ratings sit mid-band: 3 is safe, 4 and 5 acceptable, 6 too much.
    Band(0, 3.5, "#cdebd3", "Safe: 0–3", edge="#2f7d45"),
    Band(3.5, 5.5, "#fbe7a8", "Acceptable: 4–5", edge="#9a6f00"),
    Band(5.5, 10, "#f6cfcb", "Too much: 6–10"),
)
# A smaller difference between the two ends is reported as no change.
SAME = 0.5
TEN_TICKS = (0, 2, 4, 6, 8, 10)
# Units said before the number: "level 2", not "2 level".
UNITS_BEFORE = {"level"}
# Units said as words, which have a singular: "1 rep", "12 reps".
PLURALS = {"rep": "reps", "breath": "breaths", "step": "steps", "second": "seconds"}
SINGULARS = {plural: one for one, plural in PLURALS.items()}


@dataclass
class Figure:
    """One chart with everything needed to read it without seeing it."""

    chart_id: str
    heading: str
    summary: str
    svg: str
    legend: list[tuple[str, str]]
    caption: str
    columns: list[str]
    rows: list[list[str]]

    @property
    def table(self) -> list[tuple[str, list[str]]]:
        """Each row as its header (the first cell) and the rest: the template unpacks them
        instead of indexing a list, which costs a failed lookup and a dir() per row."""
        return [(row[0], row[1:]) for row in self.rows]


def _span(first: date, last: date) -> str:
    days = (last - first).days
    if days < 14:
        return f"{days} day" + ("" if days == 1 else "s")
    return f"{round(days / 7)} weeks"


def amount(value: float, unit: str, name: str = "") -> str:
    """A value as a person says it: "5/10", "20 cm", "1 rep", "12 reps", "level 2".

    A unit the marker's name already says is left out: "Reps rose from 12 to 15", not
    "from 12 reps". A unit said before the number ("level 2") stays: it reads as a step.
    """
    n = number(value)
    word = unit.lower()
    if word in UNITS_BEFORE:
        return f"{unit} {n}"
    if not unit or unit_in_name(name, unit):
        return n
    if unit.startswith("/"):
        return f"{n}{unit}"
    if word in PLURALS or word in SINGULARS:
        unit = SINGULARS.get(word, word) if n == "1" else PLURALS.get(word, word)
    return f"{n} {unit}"


def _was(label: str) -> str:
    """The verb for one reading: "Pain during was", "Reps were"."""
    last = (label.split() or [""])[-1].lower()
    return "were" if last.endswith("s") and not last.endswith("ss") else "was"


def trend(label: str, points: list[Point], unit: str = "/10") -> str:
    """A sentence such as "Pain during fell from 5/10 to 2/10 over 12 weeks."

    Over two weeks or more, each end is the mean of its first or last week of points, so one
    odd day does not decide the direction; over less, the first and last points are compared.
    """
    if not points:
        return f"No {in_sentence(label)} recorded in this period."
    first, last = points[0].day, points[-1].day

    def say(value: float) -> str:
        return amount(value, unit, label)

    if first == last:
        return f"{label} {_was(label)} {say(points[0].value)} on {short_day(first)}."
    if (last - first).days < 14:
        start, end = points[0].value, points[-1].value
    else:
        start = mean([p.value for p in points if p.day < first + timedelta(days=7)])
        end = mean([p.value for p in points if p.day > last - timedelta(days=7)])
    span = _span(first, last)
    if abs(end - start) < SAME:
        return f"{label} stayed at about {say(end)} over {span}."
    verb = "rose" if end > start else "fell"
    return f"{label} {verb} from {say(start)} to {say(end)} over {span}."


def _points(days: list[PainDay], attr: str) -> list[Point]:
    return [Point(d.day, getattr(d, attr)) for d in days if getattr(d, attr) is not None]


def _mornings(days: list[PainDay], window: Window) -> list[Point]:
    """Next-morning pain drawn on the morning it was felt (daily view) or in its week."""
    shift = timedelta(days=0 if window.weekly else 1)
    return [
        Point(min(d.day + shift, window.end), d.next_morning)
        for d in days
        if d.next_morning is not None
    ]


def _cell(value: float | None, unit: str = "/10") -> str:
    return "—" if value is None else f"{number(value)}{unit}"


def _zero_to_ten(window: Window, title: str) -> Axes:
    return Axes(window.start, window.end, 0, 10, TEN_TICKS, title)


class PainData(Protocol):
    """What the pain chart reads: the dashboard's data, or the report's dates and days."""

    @property
    def window(self) -> Window: ...
    @property
    def pain(self) -> list[PainDay]: ...


def pain_figure(data: PainData) -> Figure:
    days, window = data.pain, data.window
    before = Series("Pain before", tuple(_points(days, "before")), BEFORE, "circle")
    during_label = "Pain during (mean of the exercises done)"
    during = Series(during_label, tuple(_points(days, "during")), DURING, "square")
    morning_label = "Next-morning pain"
    morning = Series(morning_label, tuple(_mornings(days, window)), MORNING, "diamond", "6 4")
    series = [before, during, morning]
    summary = " ".join(
        trend(label, list(s.points))
        for label, s in (("Pain during", during), ("Pain before", before), (morning_label, morning))
    )
    if window.weekly:
        summary += " Points are weekly means."
    title = "Pain over time" if window.key == "all" else f"Pain over the last {window.label}"
    svg = charts.line_chart(
        chart_id="pain-chart",
        title=title,
        desc=summary + " Shaded zones: 0–3 safe, 4–5 acceptable, 6–10 too much.",
        axes=_zero_to_ten(window, "Pain (0–10)"),
        series=series,
        bands=PAIN_ZONES,
    )
    first_col = "Week of" if window.weekly else "Date"
    return Figure(
        chart_id="pain-chart",
        heading="Pain",
        summary=summary,
        svg=svg,
        legend=[(charts.swatch(s.marker, s.colour, s.dash), s.label) for s in series]
        + [(charts.swatch("band", b.colour), b.label) for b in PAIN_ZONES],
        caption="Pain before, during and the morning after each session",
        columns=[first_col, "Before", "During (mean)", "Next morning"],
        rows=[
            [
                short_date(d.day),
                _cell(d.before),
                _cell(d.during),
                _cell(d.next_morning),
            ]
            for d in days
        ],
    )


def adherence_figure(data: DashboardData) -> Figure:
    weeks, window = data.weeks, data.window
    total = int(sum(w.value for w in weeks))
    per_week = total / len(weeks)
    streak = data.streak
    weeks_word = "week" if streak == 1 else "weeks"
    streak_text = (
        f"Your streak: {streak} {weeks_word} in a row with at least one session."
        if streak
        else "No streak yet: log a session this week to start one."
    )
    period = "since you started" if window.key == "all" else f"in the last {window.label}"
    summary = (
        f"{total} session{'' if total == 1 else 's'} {period}, "
        f"{number(per_week)} a week on average. {streak_text}"
    )
    svg = charts.bar_chart(
        chart_id="adherence-chart",
        title="Sessions per week",
        desc=summary,
        weeks=weeks,
        y_title="Sessions",
        colour=BRAND,
    )
    return Figure(
        chart_id="adherence-chart",
        heading="Weeks of practice",
        summary=summary,
        svg=svg,
        legend=[],
        caption="Sessions logged each week (weeks start on Monday)",
        columns=["Week of", "Sessions"],
        rows=[[short_date(w.day), number(w.value)] for w in weeks],
    )


def _rung_marks(progress: ExerciseProgress) -> list[Mark]:
    marks = []
    for e in progress.events:
        if e.kind == Suggestion.Decision.ACCEPTED:
            shape = "triangle-down" if e.action == Action.REGRESS else "triangle-up"
            marks.append(Mark(e.day, e.position, e.text, shape, ACCEPTED))
        elif e.kind == Suggestion.Decision.DECLINED:
            marks.append(Mark(e.day, e.position, e.text, "cross", DECLINED))
    return marks


def rung_figure(progress: ExerciseProgress, window: Window) -> Figure:
    item = progress.item
    steps = []
    if progress.start_position is not None:
        steps.append(Point(window.start, progress.start_position))
    moves = [e for e in progress.events if e.kind not in DECIDED]
    steps += [Point(e.day, e.position) for e in moves]
    if not steps:  # No recorded change at all: the current rung is all we know.
        steps.append(Point(window.start, item.rung.position))
    marks = _rung_marks(progress)
    accepted = sum(1 for e in progress.events if e.kind == Suggestion.Decision.ACCEPTED)
    declined = sum(1 for e in progress.events if e.kind == Suggestion.Decision.DECLINED)
    first, last = steps[0].value, steps[-1].value
    if first == last:
        summary = f"{item.exercise.name} stayed on rung {first} of {progress.rung_count}"
    else:
        summary = (
            f"{item.exercise.name} went from rung {first} to rung {last} of {progress.rung_count}"
        )
    summary += (
        f"; {accepted} suggestion{'' if accepted == 1 else 's'} accepted"
        f" and {declined} declined in this period."
    )
    ticks = tuple(range(1, progress.rung_count + 1))
    svg = charts.line_chart(
        chart_id=f"rung-chart-{item.pk}",
        title=f"{item.exercise.name}: rung over time",
        desc=summary,
        axes=Axes(window.start, window.end, 0.5, progress.rung_count + 0.5, ticks, "1 = easiest"),
        series=[Series("Rung", tuple(steps), BRAND, "none")],
        marks=marks,
        step=True,
        height=200,
    )
    legend = [(charts.swatch("line", BRAND), "Rung")]
    kinds = {(m.shape, m.colour) for m in marks}
    keys = [
        ("triangle-up", ACCEPTED, "Accepted: move up or more"),
        ("triangle-down", ACCEPTED, "Accepted: step down or less"),
        ("cross", DECLINED, "Declined suggestion"),
    ]
    legend += [(charts.swatch(s, c), text) for s, c, text in keys if (s, c) in kinds]
    rows = []
    if progress.start_position is not None:
        at_start = "Rung in force at the start of this period"
        rows.append([short_day(window.start), str(progress.start_position), at_start])
    rows += [[short_day(e.day), str(e.position), e.text] for e in progress.events]
    return Figure(
        chart_id=f"rung-chart-{item.pk}",
        heading="Rung",
        summary=summary,
        svg=svg,
        legend=legend,
        caption=f"{item.exercise.name}: rung changes and decided suggestions",
        columns=["Date", "Rung", "What happened"],
        rows=rows,
    )


def _value_axes(values: list[float], window: Window, title: str) -> Axes:
    low, high = min(values), max(values)
    if low == high:
        low, high = max(low - 1, 0), high + 1
    ticks = charts.nice_ticks(low, high, most=5, whole=all(v == int(v) for v in values))
    return Axes(window.start, window.end, ticks[0], ticks[-1], ticks, title)


def _runs(readings: list[MarkerReading]) -> list[list[MarkerReading]]:
    """Readings split where the exercise spent time on another rung: those are not joined."""
    runs: list[list[MarkerReading]] = []
    for r in readings:
        if runs and runs[-1][-1].stint == r.stint:
            runs[-1].append(r)
        else:
            runs.append([r])
    return runs


def marker_summary(marker: str, unit: str, readings: list[MarkerReading]) -> str:
    """The marker's trend; across rungs, the two values are compared with their rungs named."""
    first, last = readings[0], readings[-1]
    if first.position == last.position:
        return trend(marker, [Point(r.day, float(r.value)) for r in readings], unit)
    return (
        f"{marker} went from {amount(float(first.value), unit, marker)} on rung "
        f"{first.position} to {amount(float(last.value), unit, marker)} on rung "
        f"{last.position} over {_span(first.day, last.day)}."
    )


def marker_figures(progress: ExerciseProgress, window: Window) -> list[Figure]:
    figures = []
    name = progress.item.exercise.name
    for n, ((marker, unit), readings) in enumerate(progress.markers.items(), start=1):
        label = marker_label(marker, unit)
        summary = marker_summary(marker, unit, readings)
        chart_id = f"marker-chart-{progress.item.pk}-{n}"
        series = [
            Series(label, tuple(Point(r.day, float(r.value)) for r in run), BRAND, "circle")
            for run in _runs(readings)
        ]
        svg = charts.line_chart(
            chart_id=chart_id,
            title=f"{name}: {in_sentence(marker)} over time",
            desc=summary,
            axes=_value_axes([float(r.value) for r in readings], window, unit),
            series=series,
            height=200,
        )
        figures.append(
            Figure(
                chart_id=chart_id,
                heading=label,
                summary=summary,
                svg=svg,
                legend=[],
                caption=f"{name}: {in_sentence(marker)} as measured",
                columns=["Date", "Rung", label],
                rows=[
                    [short_day(r.day), str(r.position), number(float(r.value))] for r in readings
                ],
            )
        )
    return figures


def psfs_figure(data: DashboardData) -> Figure | None:
    history = data.psfs.shown
    if not history:  # the page says when the latest rating was, if there is one
        return None
    points = [Point(s.day, float(s.mean)) for s in history]
    summary = trend("Your activities score", points)
    change = psfs.change_message(data.psfs.ends)
    start = min(data.window.start, history[0].day)
    window = Window(data.window.key, data.window.label, start, data.today)
    svg = charts.line_chart(
        chart_id="psfs-chart",
        title="Activities score (Patient-Specific Functional Scale)",
        desc=summary + (f" {change[0]}" if change else ""),
        axes=_zero_to_ten(window, "Score (0–10)"),
        series=[Series("Activities score", tuple(points), BRAND, "circle")],
        height=200,
    )
    return Figure(
        chart_id="psfs-chart",
        heading="Activities score",
        summary=summary,
        svg=svg,
        legend=[],
        caption="Your activities score: the mean of your ratings (0 = can't, 10 = as before)",
        columns=["Date", "Score", "Activities rated"],
        rows=[[short_date(s.day), number(float(s.mean)), str(s.ratings)] for s in history],
    )
