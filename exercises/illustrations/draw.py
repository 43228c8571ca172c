"""A rung's description → SVG: the moving figure, the still "start → end" strip, the words.

A description is plain JSON (what ``Rung.figure`` stores)::

    {"start": <pose>, "end": <pose>,            # body.Pose.from_description
     "props": [{"kind": "chair", "x": 40, "back": "left"}, {"kind": "band",
                "between": ["knee_n", "knee_f"]}, ...],
     "feel": [{"segment": "thigh_f", "at": 0.2}],  # where the stretch or effort is felt
     "move": "pelvis",                              # the joint whose path gets an arrow
     "shows": "Start: …. End: ….",                  # the text alternative
     "feel_text": "the front of the back hip"}

The moving figure is FRAMES poses between start and end, each a group that the site's CSS
(static/css/figures.css) shows in turn, there and back; with reduced motion or in print the
CSS shows the still strip instead. No inline style or script: colours are presentation
attributes, which that CSS may override (black and white in print). The markup holds no text
from the description (the words are returned apart, for the template to escape), so the
caller may mark it safe.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from exercises.illustrations.body import HEAD_RADIUS, SEGMENTS, Pose, between, joints

FRAMES = 5
NEAR = "#0b5d6b"
FAR = "#8db9c1"
PROP = "#6c757d"
PROP_FILL = "#e9ecef"
FLOOR = "#adb5bd"
FEEL = "#d9480f"
BAND = "#c2255c"
WEIGHT = "#343a40"
PAD = 14
GAP = 44  # between the strip's two panels, room for the arrow
LABEL = 22  # the strip's "Start" / "End" line

Point = tuple[float, float]

PROP_KINDS = {"mat", "chair", "bench", "incline", "step", "wall", "bar", "rail", "cushion",
              "dumbbell", "band"}  # fmt: skip


@dataclass(frozen=True)
class Figure:
    moving: str  # SVG markup: the body moving from start to end and back
    still: str  # SVG markup: start and end side by side
    shows: str  # the text alternative, plain text (the template escapes it)
    feel_text: str  # where to feel it, for the caption ("" when not said)


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _eased(t: float) -> float:
    # Slow at the ends, as a controlled movement is.
    return t * t * (3 - 2 * t)


def _segment_point(points: Mapping[str, Point], segment: str, at: float) -> Point:
    start, end, _ = SEGMENTS[segment]
    (x1, y1), (x2, y2) = points[start], points[end]
    return (x1 + (x2 - x1) * at, y1 + (y2 - y1) * at)


class _Canvas:
    """World units (y up, floor at 0) → SVG units (y down), shifted by a panel offset."""

    def __init__(self, left: float, top: float, dx: float = 0.0):
        self.left, self.top, self.dx = left, top, dx

    def xy(self, point: Point) -> tuple[float, float]:
        x, y = point
        return x - self.left + self.dx, self.top - y

    def p(self, point: Point) -> str:
        x, y = self.xy(point)
        return f"{_n(x)} {_n(y)}"

    def shifted(self, dx: float) -> _Canvas:
        return _Canvas(self.left, self.top, self.dx + dx)


def _path(canvas: _Canvas, chains: Iterable[Sequence[Point]]) -> str:
    return " ".join("M" + " L".join(canvas.p(q) for q in chain) for chain in chains)


def _body(canvas: _Canvas, points: Mapping[str, Point], feel: Sequence[Mapping],
          props: Sequence[Mapping], faint: bool = False, front: bool = False) -> str:  # fmt: skip
    j = points
    far = [(j["shoulder"], j["elbow_f"], j["hand_f"]),
           (j["pelvis"], j["knee_f"], j["ankle_f"], j["toe_f"])]  # fmt: skip
    near = [(j["shoulder"], j["elbow_n"], j["hand_n"]),
            (j["pelvis"], j["knee_n"], j["ankle_n"], j["toe_n"])]  # fmt: skip
    cx, cy = (_n(v) for v in canvas.xy(j["head"]))
    if faint:  # the start position, ghosted behind the end in the still strip
        return (
            f'<g class="fig-ghost" opacity="0.3" fill="none" stroke="{FAR}" '
            f'stroke-linecap="round" stroke-linejoin="round">'
            f'<path d="{_path(canvas, far + near)}" stroke-width="5"/>'
            f'<path d="{_path(canvas, [(j["pelvis"], j["shoulder"])])}" stroke-width="9"/>'
            f'<circle cx="{cx}" cy="{cy}" r="{HEAD_RADIUS}" stroke-width="3"/></g>'
        )
    # Seen from the front both sides are as near; from the side the far limbs are lighter.
    far_class, far_colour, far_width = ("fig-near", NEAR, 9) if front else ("fig-far", FAR, 8)
    parts = [
        f'<path class="{far_class}" d="{_path(canvas, far)}" fill="none" stroke="{far_colour}" '
        f'stroke-width="{far_width}" stroke-linecap="round" stroke-linejoin="round"/>',
        f'<path class="fig-near" d="{_path(canvas, [(j["pelvis"], j["shoulder"])])}" '
        f'fill="none" stroke="{NEAR}" stroke-width="15" stroke-linecap="round"/>',
        f'<circle class="fig-head" cx="{cx}" cy="{cy}" r="{HEAD_RADIUS}" fill="{NEAR}"/>',
        f'<path class="fig-near" d="{_path(canvas, near)}" fill="none" stroke="{NEAR}" '
        'stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/>',
    ]
    for prop in props:  # what the body holds or wears moves with it
        parts.append(_attached(canvas, prop, points))
    for spot in feel:
        x, y = (
            _n(v) for v in canvas.xy(_segment_point(points, spot["segment"], spot.get("at", 0.5)))
        )
        parts.append(
            f'<circle class="fig-feel" cx="{x}" cy="{y}" r="8" fill="{FEEL}" '
            f'fill-opacity="0.75" stroke="#ffffff" stroke-width="2"/>'
        )
    return "".join(parts)


def _attached(canvas: _Canvas, prop: Mapping, points: Mapping[str, Point]) -> str:
    kind = prop["kind"]
    if kind == "band":
        a, b = (points[name] for name in prop["between"])
        return (
            f'<path class="fig-band" d="M{canvas.p(a)} L{canvas.p(b)}" stroke="{BAND}" '
            'stroke-width="5" stroke-linecap="round" fill="none"/>'
        )
    x, y = points[prop["at"]]
    sx, sy = canvas.xy((x + prop.get("dx", 0), y + prop.get("dy", 0)))
    if kind == "dumbbell":
        # Seen end-on: a handle between two plates.
        return (
            f'<g class="fig-weight" fill="{WEIGHT}">'
            f'<rect x="{_n(sx - 9)}" y="{_n(sy - 2.5)}" width="18" height="5"/>'
            f'<circle cx="{_n(sx - 9)}" cy="{_n(sy)}" r="6.5"/>'
            f'<circle cx="{_n(sx + 9)}" cy="{_n(sy)}" r="6.5"/></g>'
        )
    # a cushion under a knee, hip or head
    return (
        f'<ellipse class="fig-prop" cx="{_n(sx)}" cy="{_n(sy + 3)}" rx="15" ry="5" '
        f'fill="{PROP_FILL}" stroke="{PROP}" stroke-width="2"/>'
    )


def _prop_shapes(prop: Mapping) -> list[tuple[str, list[Point], bool]]:
    """A fixed prop as (class, outline, filled) pieces in world units."""
    kind = prop["kind"]
    if kind == "mat":
        x1, x2 = prop["x1"], prop["x2"]
        return [("fig-mat", [(x1, 0), (x1, 3), (x2, 3), (x2, 0)], True)]
    if kind == "wall":
        x = prop["x"]
        return [("fig-prop", [(x, 0), (x, prop.get("h", 190))], False)]
    if kind == "step":
        x, w, h = prop["x"], prop["w"], prop["h"]
        return [("fig-prop", [(x, 0), (x, h), (x + w, h), (x + w, 0)], True)]
    if kind == "bench":
        x1, x2, h = prop["x1"], prop["x2"], prop.get("h", 40)
        return [
            ("fig-prop", [(x1, h - 6), (x1, h), (x2, h), (x2, h - 6)], True),
            ("fig-prop", [(x1 + 6, 0), (x1 + 6, h - 6)], False),
            ("fig-prop", [(x2 - 6, 0), (x2 - 6, h - 6)], False),
        ]
    if kind == "incline":  # an adjustable bench, its backrest sloping up from x1 to x2
        x1, x2, h1, h2 = prop["x1"], prop["x2"], prop["h1"], prop["h2"]
        return [
            ("fig-prop", [(x1, h1), (x2, h2)], False),
            ("fig-prop", [(x1, 0), (x1, h1)], False),
            ("fig-prop", [(x2, 0), (x2, h2)], False),
        ]
    if kind == "chair":
        # Seat 44 high and 40 deep around x; the back rises on the side named by "back".
        x, h, depth = prop["x"], 44, 40
        back = x - depth / 2 if prop.get("back", "left") == "left" else x + depth / 2
        front = x + depth / 2 if back < x else x - depth / 2
        return [
            ("fig-prop", [(front, 0), (front, h), (back, h), (back, 0)], False),
            ("fig-prop", [(back, h), (back, h + 42)], False),
        ]
    if kind == "rail":  # a chair back or a bench edge seen from the front: a top on two posts
        x1, x2, h = prop["x1"], prop["x2"], prop["h"]
        return [("fig-prop", [(x1, 0), (x1, h), (x2, h), (x2, 0)], False)]
    if kind == "bar":  # a fixed bar, seen end-on at (x, y), on its post
        x, y = prop["x"], prop["y"]
        return [
            ("fig-prop", [(x + 6, 0), (x + 6, y)], False),
            ("fig-bar", [(x - 4, y), (x + 6, y)], False),
        ]
    raise ValueError(f"unknown prop {kind!r}")


def _fixed_props(canvas: _Canvas, props: Sequence[Mapping]) -> str:
    out = []
    for prop in props:
        for cls, outline, filled in _prop_shapes(prop):
            fill = PROP_FILL if filled else "none"
            close = " Z" if filled else ""
            width = "6" if cls == "fig-bar" else "3"
            out.append(
                f'<path class="{cls}" d="{_path(canvas, [outline])}{close}" fill="{fill}" '
                f'stroke="{PROP}" stroke-width="{width}" stroke-linejoin="round" '
                'stroke-linecap="round"/>'
            )
    return "".join(out)


def _is_attached(prop: Mapping) -> bool:
    return "at" in prop or "between" in prop


def _extent(points: Iterable[Point]) -> tuple[float, float, float, float]:
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def _arrow(canvas: _Canvas, start: Point, end: Point) -> str:
    """A curved arrow along a joint's path, bowed to one side so it clears the body."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1)
    if length < 6:
        return ""
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    nx, ny = -(y2 - y1) / length, (x2 - x1) / length
    bow = min(18, length / 3)
    control = (mx + nx * bow, my + ny * bow)
    # The head points along the curve's last stretch, control → end.
    hx, hy = x2 - control[0], y2 - control[1]
    h = math.hypot(hx, hy) or 1
    ux, uy = hx / h, hy / h
    left = (x2 - 9 * ux - 5 * uy, y2 - 9 * uy + 5 * ux)
    right = (x2 - 9 * ux + 5 * uy, y2 - 9 * uy - 5 * ux)
    return (
        f'<path class="fig-arrow" d="M{canvas.p(start)} Q{canvas.p(control)} {canvas.p(end)}" '
        f'fill="none" stroke="{FEEL}" stroke-width="2.5" stroke-dasharray="5 4"/>'
        f'<path class="fig-arrow-head" d="M{canvas.p(left)} L{canvas.p(end)} L{canvas.p(right)} Z" '
        f'fill="{FEEL}"/>'
    )


def validate(description: Mapping) -> None:
    """Raise ValueError saying what is wrong with a description; draws nothing."""
    if not isinstance(description, Mapping):
        raise ValueError("a figure is a JSON object")
    for key in ("start", "end"):
        if key not in description:
            raise ValueError(f'a figure needs a "{key}" position')
    start = Pose.from_description(description["start"])
    end = Pose.from_description(description["end"])
    between(start, end, 0.5)
    for prop in description.get("props", []):
        if prop.get("kind") not in PROP_KINDS:
            raise ValueError(f"unknown prop {prop.get('kind')!r}")
        if not _is_attached(prop):
            _prop_shapes(prop)
    for spot in description.get("feel", []):
        if spot.get("segment") not in SEGMENTS:
            raise ValueError(f"unknown segment {spot.get('segment')!r} to feel")
    if not str(description.get("shows", "")).strip():
        raise ValueError('a figure needs "shows": what it shows, in words')


def render(description: Mapping) -> Figure:
    validate(description)
    start = Pose.from_description(description["start"])
    end = Pose.from_description(description["end"])
    props = description.get("props", [])
    fixed = [p for p in props if not _is_attached(p)]
    attached = [p for p in props if _is_attached(p)]
    feel = description.get("feel", [])
    front = description.get("view") == "front"
    frames = [joints(between(start, end, _eased(i / (FRAMES - 1)))) for i in range(FRAMES)]

    outline = [q for frame in frames for q in frame.values()]
    outline += [q for p in fixed for _, shape, _ in _prop_shapes(p) for q in shape]
    x1, y1, x2, y2 = _extent(outline)
    left, right = x1 - PAD - HEAD_RADIUS, x2 + PAD + HEAD_RADIUS
    top, bottom = y2 + PAD + HEAD_RADIUS, min(y1, 0) - PAD
    width, height = right - left, top - bottom
    canvas = _Canvas(left, top)

    def floor(c: _Canvas, w: float) -> str:
        y = _n(c.top)
        return (
            f'<path class="fig-floor" d="M{_n(c.dx)} {y} H{_n(c.dx + w)}" stroke="{FLOOR}" '
            'stroke-width="2"/>'
        )

    def svg(kind: str, w: float, h: float, body: str) -> str:
        return (
            f'<svg class="fig-{kind}" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {_n(w)} {_n(h)}" aria-hidden="true" focusable="false">{body}</svg>'
        )

    moving = svg(
        "moving",
        width,
        height,
        floor(canvas, width)
        + _fixed_props(canvas, fixed)
        + "".join(
            f'<g class="fig-frame fig-f{i}">{_body(canvas, frame, feel, attached, front=front)}</g>'
            for i, frame in enumerate(frames)
        ),
    )

    end_canvas = canvas.shifted(width + GAP)
    label_y = _n(height + LABEL - 5)
    move = description.get("move")
    still = svg(
        "still",
        2 * width + GAP,
        height + LABEL,
        floor(canvas, width)
        + floor(end_canvas, width)
        + _fixed_props(canvas, fixed)
        + _body(canvas, frames[0], feel, attached, front=front)
        + _fixed_props(end_canvas, fixed)
        + _body(end_canvas, frames[0], [], [], faint=True)
        + _body(end_canvas, frames[-1], feel, attached, front=front)
        + (_arrow(end_canvas, frames[0][move], frames[-1][move]) if move else "")
        # The arrow from the start panel to the end panel.
        + f'<path class="fig-arrow-head" d="M{_n(width + 8)} {_n(height / 2 - 8)} '
        f'L{_n(width + GAP - 8)} {_n(height / 2)} L{_n(width + 8)} {_n(height / 2 + 8)} Z" '
        f'fill="{PROP}"/>'
        + f'<text x="{_n(width / 2)}" y="{label_y}" text-anchor="middle" font-size="15" '
        f'font-family="system-ui, sans-serif" fill="#343a40">Start</text>'
        + f'<text x="{_n(width * 1.5 + GAP)}" y="{label_y}" text-anchor="middle" '
        f'font-size="15" font-family="system-ui, sans-serif" fill="#343a40">End</text>',
    )
    return Figure(
        moving=moving,
        still=still,
        shows=str(description["shows"]),
        feel_text=str(description.get("feel_text", "")),
    )
