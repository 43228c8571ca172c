"""The rung figures' drawing rules, without a database: geometry, every shipped figure, and
what a person would see go wrong (a body through the floor, a limb that changes length)."""

import math
import re

import pytest

from exercises import catalog_data
from exercises.illustrations import draw
from exercises.illustrations.body import (
    LENGTHS,
    SEGMENTS,
    STANDING,
    Pose,
    between,
    joints,
    reach,
)
from exercises.illustrations.shipped import FIGURES

SHIPPED = [(slug, position, d) for slug, rungs in FIGURES.items() for position, d in rungs.items()]


def _frames(description):
    start = Pose.from_description(description["start"])
    end = Pose.from_description(description["end"])
    return [joints(between(start, end, t / 4)) for t in range(5)], start, end


def test_every_rung_of_the_catalog_has_a_figure():
    rungs = {(e["slug"], r["position"]) for e in catalog_data.EXERCISES for r in e["rungs"]}
    assert {(slug, position) for slug, position, _ in SHIPPED} == rungs


def test_standing_is_upright_and_its_limbs_keep_their_lengths():
    points = joints(Pose.from_description({"anchor": ["toe_n", 0, 0]}))
    assert points["toe_n"] == pytest.approx((0, 0))
    assert points["head"][1] > points["shoulder"][1] > points["pelvis"][1] > points["knee_n"][1]
    for name, (a, b, length) in SEGMENTS.items():
        extra = 11 if name == "neck" else 0  # to the head's centre
        assert math.dist(points[a], points[b]) == pytest.approx(LENGTHS[length] + extra)


def test_between_starts_and_ends_at_the_positions_and_turns_evenly():
    start = Pose({**STANDING, "neck": 90, "thigh_n": -90}, "pelvis", (0, 90))
    end = Pose({**STANDING, "neck": 90, "thigh_n": 0}, "pelvis", (10, 50))
    assert between(start, end, 0) == start
    assert between(start, end, 1).angles == end.angles
    halfway = between(start, end, 0.5)
    assert halfway.angles["thigh_n"] == -45
    assert halfway.at == (5, 70)


def test_between_refuses_two_anchors():
    with pytest.raises(ValueError, match="same joint"):
        between(Pose(STANDING, "toe_n"), Pose(STANDING, "pelvis"), 0.5)


@pytest.mark.parametrize("target", [(20, -60), (0, -88), (40, -30)])
def test_reach_puts_the_end_of_the_limb_on_its_target(target):
    thigh, shin = reach((0, 0), target, 45, 43, 1)
    knee = (45 * math.cos(math.radians(thigh)), 45 * math.sin(math.radians(thigh)))
    ankle = (
        knee[0] + 43 * math.cos(math.radians(shin)),
        knee[1] + 43 * math.sin(math.radians(shin)),
    )
    assert ankle == pytest.approx(target, abs=1e-6)
    assert knee[0] > target[0] * 45 / math.dist((0, 0), target) - 1e-6  # bend +1: knee in front


def test_reach_straightens_towards_a_target_too_far():
    thigh, shin = reach((0, 0), (0, -200), 45, 43, 1)
    assert thigh == shin == pytest.approx(-90)


@pytest.mark.parametrize(("slug", "position", "description"), SHIPPED)
def test_no_shipped_figure_goes_through_the_floor(slug, position, description):
    frames, _, _ = _frames(description)
    for frame in frames:
        lowest = min(y for _, y in frame.values())
        assert lowest >= -2, f"{slug} {position}: a joint {lowest:.0f} below the floor"


@pytest.mark.parametrize(("slug", "position", "description"), SHIPPED)
def test_each_shipped_figure_draws_a_moving_and_a_still_picture(slug, position, description):
    figure = draw.render(description)
    assert figure.moving.count('class="fig-frame') == draw.FRAMES
    assert figure.still.count(">Start</text>") == figure.still.count(">End</text>") == 1
    for svg in (figure.moving, figure.still):
        # The CSP allows no inline style or script; the markup carries no words to escape.
        assert "style=" not in svg and "<script" not in svg and "<style" not in svg
        assert 'aria-hidden="true"' in svg
        assert not re.search(r"nan|inf", svg)
    assert (
        figure.shows.startswith(("Start:", "Seen from the front. Start:"))
        and "End:" in figure.shows
    )
    assert figure.feel_text


def test_the_hip_flexor_stretch_shows_the_back_knee_down_and_the_hips_forward():
    frames, _, _ = _frames(FIGURES["hip-flexor-stretch"][3])
    start, end = frames[0], frames[-1]
    assert start["knee_f"][1] < 10 and end["knee_f"][1] < 10  # the back knee on the floor
    assert start["knee_f"][0] < start["pelvis"][0]  # behind the body
    assert end["pelvis"][0] > start["pelvis"][0] + 8  # the hips shift forward
    assert end["ankle_n"][1] == pytest.approx(5, abs=2)  # the front foot flat


def test_the_bridge_lifts_the_hips_and_keeps_the_shoulders_down():
    frames, _, _ = _frames(FIGURES["glute-bridge"][1])
    assert frames[-1]["pelvis"][1] > frames[0]["pelvis"][1] + 20
    assert frames[-1]["shoulder"] == pytest.approx(frames[0]["shoulder"], abs=1)


def test_the_clam_opens_the_top_knee_with_the_feet_together():
    frames, _, _ = _frames(FIGURES["clamshell"][1])
    start, end = frames[0], frames[-1]
    assert end["knee_n"][1] - end["knee_f"][1] > start["knee_n"][1] - start["knee_f"][1] + 20
    assert math.dist(end["ankle_n"], end["ankle_f"]) < 8


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": None}, '"start" position'),
        ({"props": [{"kind": "trampoline"}]}, "unknown prop"),
        ({"feel": [{"segment": "tail"}]}, "unknown segment"),
        ({"shows": ""}, '"shows"'),
        ({"start": {"anchor": ["elbow", 0, 0]}}, "unknown anchor"),
        ({"start": {"angles": {"wing": 10}}}, "unknown segments"),
    ],
)
def test_validate_says_what_is_wrong(change, message):
    description = {**FIGURES["glute-bridge"][1], **change}
    if change.get("start", 1) is None:
        del description["start"]
    with pytest.raises(ValueError, match=re.escape(message)):
        draw.validate(description)
