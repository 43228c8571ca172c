"""The pictogram's skeleton: segment angles in, joint positions out.

A pose gives each segment an absolute angle in degrees in the picture's plane, 0 pointing
right and 90 straight up, so a description reads like the picture: an upright torso is 90, a
hanging shin -90. Limbs come as a near (drawn dark) and a far (drawn light) one. A segment
seen end-on is drawn shorter through ``scale`` (a clam's thighs point at the viewer).

The pose is placed by an anchor: one joint at one point of the floor plan (y up, the floor at
0), so a planted foot stays put while the rest of the body moves around it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

# Lengths in picture units (a standing body is about 175 high).
LENGTHS = {
    "torso": 54,
    "neck": 10,
    "upper_arm": 29,
    "forearm": 28,
    "thigh": 45,
    "shin": 43,
    "foot": 15,
}
HEAD_RADIUS = 11

# segment name → (from joint, to joint, length key); limbs come near (_n) and far (_f).
SEGMENTS: dict[str, tuple[str, str, str]] = {
    "torso": ("pelvis", "shoulder", "torso"),
    "neck": ("shoulder", "head", "neck"),
}
for _side in ("n", "f"):
    SEGMENTS |= {
        f"arm_{_side}": ("shoulder", f"elbow_{_side}", "upper_arm"),
        f"fore_{_side}": (f"elbow_{_side}", f"hand_{_side}", "forearm"),
        f"thigh_{_side}": ("pelvis", f"knee_{_side}", "thigh"),
        f"shin_{_side}": (f"knee_{_side}", f"ankle_{_side}", "shin"),
        f"foot_{_side}": (f"ankle_{_side}", f"toe_{_side}", "foot"),
    }
JOINTS = ("pelvis", *(to for _, to, _ in SEGMENTS.values()))

# Standing tall, seen from the side, facing right.
STANDING = {
    "torso": 90,
    "arm_n": -90,
    "fore_n": -90,
    "arm_f": -90,
    "fore_f": -90,
    "thigh_n": -90,
    "shin_n": -90,
    "foot_n": 0,
    "thigh_f": -90,
    "shin_f": -90,
    "foot_f": 0,
}


@dataclass(frozen=True)
class Pose:
    angles: Mapping[str, float]
    anchor: str = "toe_n"
    at: tuple[float, float] = (0.0, 0.0)
    scale: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def from_description(cls, data: Mapping) -> Pose:
        """{"angles": {...}, "anchor": ["toe_n", x, y], "scale": {...}}; angles not given
        are those of standing, the neck follows the torso."""
        angles = {**STANDING, **data.get("angles", {})}
        angles.setdefault("neck", angles["torso"])
        joint, x, y = data.get("anchor", ("toe_n", 0, 0))
        if joint not in JOINTS:
            raise ValueError(f"unknown anchor joint {joint!r}")
        unknown = set(angles) - set(SEGMENTS)
        if unknown:
            raise ValueError(f"unknown segments {sorted(unknown)}")
        return cls(angles, joint, (float(x), float(y)), dict(data.get("scale", {})))


def joints(pose: Pose) -> dict[str, tuple[float, float]]:
    """Every joint's position, with the anchor joint where the pose puts it."""
    points: dict[str, tuple[float, float]] = {"pelvis": (0.0, 0.0)}
    for name, (start, end, length) in SEGMENTS.items():
        x, y = points[start]
        reach = LENGTHS[length] * pose.scale.get(name, 1.0)
        if name == "neck":
            reach += HEAD_RADIUS  # to the centre of the head
        angle = math.radians(pose.angles[name])
        points[end] = (x + reach * math.cos(angle), y + reach * math.sin(angle))
    ax, ay = points[pose.anchor]
    dx, dy = pose.at[0] - ax, pose.at[1] - ay
    return {name: (x + dx, y + dy) for name, (x, y) in points.items()}


# A hand or foot, and the limb that reaches it: (root joint, middle joint, upper segment,
# lower segment).
LIMBS = {
    "ankle_n": ("pelvis", "knee_n", "thigh_n", "shin_n"),
    "ankle_f": ("pelvis", "knee_f", "thigh_f", "shin_f"),
    "hand_n": ("shoulder", "elbow_n", "arm_n", "fore_n"),
    "hand_f": ("shoulder", "elbow_f", "arm_f", "fore_f"),
}


def between(start: Pose, end: Pose, t: float) -> Pose:
    """The pose a fraction t of the way from start to end: each angle turns evenly, and the
    anchor moves in a straight line (both poses must hang from the same joint). A hand or
    foot that is at the same place in both stays there all the way: a planted foot does not
    slide, a hand on a bar does not let go."""
    if start.anchor != end.anchor:
        raise ValueError("the start and end positions must be anchored at the same joint")
    pose = _interpolated(start, end, t)
    if t in (0, 1) or start.anchor != "pelvis":
        return pose
    first, last, now = joints(start), joints(end), joints(pose)
    angles = dict(pose.angles)
    for hand_or_foot, (root, middle, upper, lower) in LIMBS.items():
        target = first[hand_or_foot]
        if math.dist(target, last[hand_or_foot]) > 1:
            continue
        # Bent to the same side as at the start: a knee stays in front.
        (rx, ry), (mx, my) = first[root], first[middle]
        dx, dy = target[0] - rx, target[1] - ry
        bend = 1 if dx * (my - ry) - dy * (mx - rx) > 0 else -1
        angles[upper], angles[lower] = reach(
            now[root],
            target,
            LENGTHS[SEGMENTS[upper][2]] * pose.scale.get(upper, 1.0),
            LENGTHS[SEGMENTS[lower][2]] * pose.scale.get(lower, 1.0),
            bend,
        )
    return Pose(angles, pose.anchor, pose.at, pose.scale)


def _interpolated(start: Pose, end: Pose, t: float) -> Pose:
    def lerp(a: float, b: float) -> float:
        return a + (b - a) * t

    return Pose(
        {k: lerp(start.angles[k], end.angles[k]) for k in start.angles},
        start.anchor,
        (lerp(start.at[0], end.at[0]), lerp(start.at[1], end.at[1])),
        {
            k: lerp(start.scale.get(k, 1.0), end.scale.get(k, 1.0))
            for k in {*start.scale, *end.scale}
        },
    )


def direction(angle: float, length: float) -> tuple[float, float]:
    a = math.radians(angle)
    return (length * math.cos(a), length * math.sin(a))


def aim(start: tuple[float, float], end: tuple[float, float]) -> float:
    """The angle of the line from start to end."""
    return math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))


def reach(
    root: tuple[float, float], target: tuple[float, float], upper: float, lower: float, bend: int
) -> tuple[float, float]:
    """Angles of a two-segment limb from root to target (a leg to its ankle, an arm to its
    hand). bend=+1 puts the middle joint to the left of the line root → target (a knee
    in front of a leg pointing down, for a body facing right), -1 to its right. A target out of
    reach gets the limb straight, pointing at it."""
    distance = math.dist(root, target)
    line = aim(root, target)
    if distance >= upper + lower or distance == 0:
        return line, line
    cos_root = (upper**2 + distance**2 - lower**2) / (2 * upper * distance)
    at_root = math.degrees(math.acos(max(-1.0, min(1.0, cos_root))))
    first = line + bend * at_root
    fx, fy = direction(first, upper)
    middle = (root[0] + fx, root[1] + fy)
    return first, aim(middle, target)
