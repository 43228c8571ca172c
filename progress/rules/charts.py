"""Server-side SVG charts drawn from plain data, with no Django imports.

The site's Content-Security-Policy forbids inline styles and scripts, so colours and strokes
are SVG presentation attributes, never `style`. Every piece of text goes through
`html.escape`, so the caller may mark the result safe.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from progress.rules.dates import month_label, short_day

# One coordinate system for every chart, scaled by CSS to its column (at most 28rem wide):
# 14-unit text comes out at about 13 px on a 375 px phone and 17 px on a desktop.
WIDTH = 360
HEIGHT = 220
FONT_SIZE = 14
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
INK = "#343a40"  # tick labels and axis titles: 11:1 on white
GRID = "#aab4bb"
AXIS = "#495057"
# Markers shrink as points crowd together, and beyond MAX_MARKERS the line alone reads better.
ROOMY_MARKERS = 20
MAX_MARKERS = 60

# Legend keys for these kinds show a line through the marker; marks stand alone.
SERIES_KINDS = ("line", "circle", "square", "diamond")


@dataclass(frozen=True)
class Point:
    day: date
    value: float


@dataclass(frozen=True)
class Series:
    """One line: colour, dash and marker shape differ, so no series relies on colour alone."""

    label: str
    points: tuple[Point, ...]
    colour: str
    marker: str = "circle"  # circle | square | diamond | none
    dash: str = ""  # an SVG stroke-dasharray, e.g. "6 4"


@dataclass(frozen=True)
class Band:
    """A shaded horizontal zone, e.g. pain 0–3 is safe."""

    low: float
    high: float
    colour: str
    label: str
    # A darker line along the top: tints alone are too close to white (under 3:1) to
    # show where one zone ends.
    edge: str = ""


@dataclass(frozen=True)
class Mark:
    """A single event on a chart, e.g. an accepted suggestion."""

    day: date
    value: float
    label: str
    shape: str  # triangle-up | triangle-down | circle | cross
    colour: str
    filled: bool = True


@dataclass(frozen=True)
class Axes:
    """The window a chart shows: dates across, values up."""

    start: date
    end: date
    y_min: float
    y_max: float
    y_ticks: tuple[float, ...]
    y_title: str


def number(value: float) -> str:
    """1.0 → "1", 2.25 → "2.3": one decimal at most, no trailing zero."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def nice_ticks(low: float, high: float, most: int = 6, whole: bool = False) -> tuple[float, ...]:
    """Round tick values from low to at least high, no more than `most` of them.

    `whole` keeps ticks on whole numbers, for things counted (reps, band levels).
    """
    span = max(high - low, 1)
    raw = span / (most - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    # 2.5 only from 2.5 up: a step of 0.25 would need labels with two decimals.
    steps = [m * magnitude for m in (1, 2, 2.5, 5, 10) if m != 2.5 or magnitude >= 1]
    step = next(s for s in steps if s >= raw and (s >= 1 or not whole))
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    return tuple(round(n * step, 6) for n in range(first, last + 1))


def date_ticks(start: date, end: date) -> list[tuple[date, str]]:
    """A few dated ticks: Mondays for a month or less, month starts beyond that."""
    span = (end - start).days
    if span <= 42:
        monday = start + timedelta(days=(7 - start.weekday()) % 7)
        days = [monday + timedelta(weeks=n) for n in range(span // 7 + 1)]
        days = [d for d in days if d <= end]
        step = math.ceil(len(days) / 4) or 1
        return [(d, short_day(d)) for d in days[::step]]
    months = []
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        if date(year, month, 1) >= start:
            months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    with_year = span > 366
    # "Mar 2026" is twice as wide as "Mar": fewer ticks keep the labels apart.
    step = math.ceil(len(months) / (3 if with_year else 5)) or 1
    return [(d, month_label(d, with_year=with_year)) for d in months[::step]]


def _text_width(text: str) -> float:
    return len(text) * FONT_SIZE * 0.56


class _Plot:
    """Maps days and values to coordinates inside the margins."""

    def __init__(self, axes: Axes, height: int = HEIGHT, inset: int = 0):
        self.axes = axes
        self.inset = inset  # keeps marks at either end clear of the axis labels
        self.height = height
        widest = max((_text_width(number(t)) for t in axes.y_ticks), default=10)
        self.left = round(widest + 12)
        self.right = WIDTH - 10
        self.top = 30  # room for the y-axis title
        self.bottom = height - 28  # room for the date labels
        self.days = max((axes.end - axes.start).days, 1)

    def x(self, day: date) -> float:
        share = (day - self.axes.start).days / self.days
        return round(self.left + self.inset + share * (self.right - self.left - 2 * self.inset), 1)

    def y(self, value: float) -> float:
        a = self.axes
        share = (value - a.y_min) / ((a.y_max - a.y_min) or 1)
        return round(self.bottom - share * (self.bottom - self.top), 1)


def _frame(plot: _Plot, bands: Sequence[Band] = ()) -> list[str]:
    """Zones, grid lines, both axes' labels and the y-axis title."""
    a = plot.axes
    parts = []
    for band in bands:
        top, bottom = plot.y(min(band.high, a.y_max)), plot.y(max(band.low, a.y_min))
        parts.append(
            f'<rect x="{plot.left}" y="{top}" width="{plot.right - plot.left}" '
            f'height="{round(bottom - top, 1)}" fill="{escape(band.colour)}">'
            f"<title>{escape(band.label)}</title></rect>"
        )
    for tick in a.y_ticks:
        y = plot.y(tick)
        parts.append(
            f'<line x1="{plot.left}" y1="{y}" x2="{plot.right}" y2="{y}" stroke="{GRID}" '
            f'stroke-width="1" stroke-dasharray="2 3"/>'
            f'<text x="{plot.left - 6}" y="{y}" text-anchor="end" dominant-baseline="middle" '
            f'fill="{INK}">{escape(number(tick))}</text>'
        )
    for band in bands:
        if band.edge and band.high < a.y_max:
            y = plot.y(band.high)
            parts.append(
                f'<line x1="{plot.left}" y1="{y}" x2="{plot.right}" y2="{y}" '
                f'stroke="{escape(band.edge)}" stroke-width="1.5"/>'
            )
    parts.append(
        f'<line x1="{plot.left}" y1="{plot.bottom}" x2="{plot.right}" y2="{plot.bottom}" '
        f'stroke="{AXIS}" stroke-width="1.5"/>'
        f'<text x="4" y="16" fill="{INK}" font-weight="600">{escape(a.y_title)}</text>'
    )
    for day, label in date_ticks(a.start, a.end):
        half = _text_width(label) / 2
        x = min(max(plot.x(day), plot.left + half - 4), WIDTH - half - 2)
        parts.append(
            f'<line x1="{plot.x(day)}" y1="{plot.bottom}" x2="{plot.x(day)}" '
            f'y2="{plot.bottom + 5}" stroke="{AXIS}" stroke-width="1.5"/>'
            f'<text x="{round(x, 1)}" y="{plot.height - 8}" text-anchor="middle" '
            f'fill="{INK}">{escape(label)}</text>'
        )
    return parts


def shape(
    kind: str, x: float, y: float, colour: str, filled: bool = True, size: float = 4.5
) -> str:
    """A marker glyph centred on (x, y)."""
    fill = escape(colour) if filled else "#ffffff"
    stroke = f'stroke="{escape(colour)}" stroke-width="2"'
    s = size
    if kind == "square":
        return (
            f'<rect x="{x - s}" y="{y - s}" width="{2 * s}" height="{2 * s}" '
            f'fill="{fill}" {stroke}/>'
        )
    if kind == "diamond":
        s *= 1.3
        return (
            f'<path d="M{x} {y - s}L{x + s} {y}L{x} {y + s}L{x - s} {y}Z" fill="{fill}" {stroke}/>'
        )
    if kind in ("triangle-up", "triangle-down"):
        s *= 1.4
        tip = -s if kind == "triangle-up" else s
        return (
            f'<path d="M{x} {round(y + tip, 1)}L{round(x + s, 1)} {round(y - tip * 0.7, 1)}'
            f'L{round(x - s, 1)} {round(y - tip * 0.7, 1)}Z" fill="{fill}" {stroke}/>'
        )
    if kind == "cross":
        return (
            f'<path d="M{x - s} {y - s}L{x + s} {y + s}M{x - s} {y + s}L{x + s} {y - s}" '
            f'fill="none" stroke="{escape(colour)}" stroke-width="2.5"/>'
        )
    if kind == "none":
        return ""
    return f'<circle cx="{x}" cy="{y}" r="{s}" fill="{fill}" {stroke}/>'


def _line(plot: _Plot, series: Series, step: bool) -> list[str]:
    points = sorted(series.points, key=lambda p: p.day)
    if not points:
        return []
    coords = [(plot.x(p.day), plot.y(p.value)) for p in points]
    parts = []
    if step:
        d = f"M{coords[0][0]} {coords[0][1]}"
        for (x, y), (_, prev_y) in zip(coords[1:], coords, strict=False):
            d += f"H{x}" + (f"V{y}" if y != prev_y else "")
        d += f"H{plot.right}"
    else:
        d = "M" + "L".join(f"{x} {y}" for x, y in coords)
    dash = f' stroke-dasharray="{escape(series.dash)}"' if series.dash else ""
    if step or len(coords) > 1:
        parts.append(
            f'<path d="{d}" fill="none" stroke="{escape(series.colour)}" stroke-width="2.5" '
            f'stroke-linejoin="round"{dash}/>'
        )
    if not step and len(coords) <= MAX_MARKERS:
        size = 4.5 if len(coords) <= ROOMY_MARKERS else 3
        parts.extend(shape(series.marker, x, y, series.colour, size=size) for x, y in coords)
    return parts


def _mark(plot: _Plot, mark: Mark) -> str:
    glyph = shape(mark.shape, plot.x(mark.day), plot.y(mark.value), mark.colour, mark.filled, 6)
    return f"<g>{glyph}<title>{escape(mark.label)}</title></g>"


def _svg(chart_id: str, title: str, desc: str, parts: Sequence[str], height: int) -> str:
    cid = escape(chart_id)
    return (
        f'<svg class="chart-svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc" font-family="{escape(FONT)}" '
        f'font-size="{FONT_SIZE}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{cid}-title">{escape(title)}</title>'
        f'<desc id="{cid}-desc">{escape(desc)}</desc>' + "".join(parts) + "</svg>"
    )


def line_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    axes: Axes,
    series: Sequence[Series],
    bands: Sequence[Band] = (),
    marks: Sequence[Mark] = (),
    step: bool = False,
    height: int = HEIGHT,
) -> str:
    """Lines over time (or steps, for rungs), on optional shaded zones, with event marks."""
    plot = _Plot(axes, height, inset=8)
    parts = _frame(plot, bands)
    for s in series:
        parts.extend(_line(plot, s, step))
    parts.extend(_mark(plot, m) for m in marks)
    return _svg(chart_id, title, desc, parts, height)


def bar_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    weeks: Sequence[Point],
    y_title: str,
    colour: str,
    height: int = HEIGHT,
) -> str:
    """One bar per week (each point's day is the week's Monday), labelled when there is room."""
    weeks = sorted(weeks, key=lambda p: p.day)
    top = max((p.value for p in weeks), default=0)
    ticks = nice_ticks(0, max(top, 3), most=5)
    axes = Axes(weeks[0].day, weeks[-1].day + timedelta(days=7), 0, ticks[-1], ticks, y_title)
    plot = _Plot(axes, height)
    slot = (plot.right - plot.left) / len(weeks)
    labelled = slot >= _text_width("10") + 4
    if labelled:
        # A full-height bar's label stands above it: keep it below the axis title.
        plot.top += FONT_SIZE + 2
    parts = _frame(plot)
    for week in weeks:
        x = plot.x(week.day) + slot * 0.15
        y = plot.y(week.value)
        parts.append(
            f'<rect x="{round(x, 1)}" y="{y}" width="{round(slot * 0.7, 1)}" '
            f'height="{round(plot.bottom - y, 1)}" fill="{escape(colour)}">'
            f"<title>Week of {escape(short_day(week.day))}: {escape(number(week.value))}</title>"
            "</rect>"
        )
        if labelled and week.value:
            parts.append(
                f'<text x="{round(x + slot * 0.35, 1)}" y="{round(y - 5, 1)}" '
                f'text-anchor="middle" fill="{INK}">{escape(number(week.value))}</text>'
            )
    return _svg(chart_id, title, desc, parts, height)


def swatch(kind: str, colour: str, dash: str = "") -> str:
    """A small legend key: a band, a line, a line with its marker, or a lone mark.

    Hidden from screen readers: the label beside it says the same.
    """
    fill = escape(colour)
    if kind == "band":
        body = f'<rect x="1" y="1" width="30" height="14" fill="{fill}"/>'
    else:
        body = ""
        if kind in SERIES_KINDS:
            dash_attr = f' stroke-dasharray="{escape(dash)}"' if dash else ""
            body = (
                f'<line x1="2" y1="8" x2="30" y2="8" stroke="{fill}" '
                f'stroke-width="2.5"{dash_attr}/>'
            )
        if kind != "line":
            body += shape(kind, 16, 8, colour)
    return (
        '<svg class="legend-key" viewBox="0 0 32 16" width="32" height="16" aria-hidden="true" '
        f'focusable="false">{body}</svg>'
    )
