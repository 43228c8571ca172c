"""The figures of the shipped catalog, one per rung, keyed by (exercise slug, rung position).

Each is a description for ``draw.render`` (plain JSON, stored in ``Rung.figure`` by
``load_catalog``). Positions are written the way one places a body: where the pelvis is and
how the torso leans, then where each hand and foot goes; ``body.reach`` bends the knees and
elbows to get there. Units: a standing body is about 175 high, the floor is at 0, the body
faces right in side views. Side views draw the far limbs lighter; front views draw both alike.
"""

from __future__ import annotations

import math
from functools import partial

from exercises.illustrations.body import LENGTHS, aim, direction, reach

ANKLE = 5  # an ankle's height above the floor with the foot flat
STAND = LENGTHS["thigh"] + LENGTHS["shin"] + ANKLE - 2  # pelvis height standing, knees soft


def _plus(point, offset):
    return (point[0] + offset[0], point[1] + offset[1])


def pose(pelvis, torso=90.0, *, neck=None, ankle_n=None, ankle_f=None, knee_n=None,
         knee_f=None, hand_n=None, hand_f=None, bend_n=1, bend_f=1, elbow_n=-1, elbow_f=-1,
         chest_hands=None, **angles):  # fmt: skip
    """A position as a description: the pelvis at a point, limbs reaching their targets.

    knee_* with ankle_* gives both points of a leg seen at an angle (drawn foreshortened);
    ankle_* alone bends the knee by reach(), to the front (bend +1) or the back (-1).
    chest_hands=(dx, dy) puts both hands at that offset from the shoulder (holding a weight
    to the chest, arms crossed), wherever the torso goes.
    """
    shoulder = _plus(pelvis, direction(torso, LENGTHS["torso"]))
    result = dict(angles)
    scale: dict[str, float] = {}
    result["torso"] = torso
    if neck is not None:
        result["neck"] = neck
    if chest_hands is not None:
        dx, dy = chest_hands
        hand_n = _plus(shoulder, (dx, dy))
        hand_f = _plus(shoulder, (dx - 4, dy + 3))
    for side, ankle, knee, bend in (("n", ankle_n, knee_n, bend_n), ("f", ankle_f, knee_f, bend_f)):
        if ankle is None:
            continue
        if knee is not None:  # both points given: a leg seen at an angle
            result[f"thigh_{side}"] = aim(pelvis, knee)
            result[f"shin_{side}"] = aim(knee, ankle)
            scale[f"thigh_{side}"] = math.dist(pelvis, knee) / LENGTHS["thigh"]
            scale[f"shin_{side}"] = math.dist(knee, ankle) / LENGTHS["shin"]
        else:
            result[f"thigh_{side}"], result[f"shin_{side}"] = reach(
                pelvis, ankle, LENGTHS["thigh"], LENGTHS["shin"], bend
            )
    for side, hand, bend in (("n", hand_n, elbow_n), ("f", hand_f, elbow_f)):
        if hand is not None:
            result[f"arm_{side}"], result[f"fore_{side}"] = reach(
                shoulder, hand, LENGTHS["upper_arm"], LENGTHS["forearm"], bend
            )
    description = {"angles": result, "anchor": ["pelvis", *pelvis]}
    if scale:
        description["scale"] = scale
    return description


def figure(start, end, shows, *, props=(), feel=(), feel_text="", move="pelvis", view="side"):
    return {
        "view": view,
        "start": start,
        "end": end,
        "props": list(props),
        "feel": [{"segment": s, "at": at} for s, at in feel],
        "feel_text": feel_text,
        "move": move,
        "shows": shows,
    }


def mat(x1=-80, x2=80):
    return {"kind": "mat", "x1": x1, "x2": x2}


def dumbbell(at, dx=0, dy=0):
    return {"kind": "dumbbell", "at": at, "dx": dx, "dy": dy}


# Lifted heel: the foot slopes down to the toes.
HEEL_UP = -40


def _hip_flexor():
    stretch = [("thigh_f", 0.15)]
    feel = "the front of the back leg's hip and thigh"
    knee_down = (-14, 6)

    def kneeling(pelvis, torso=90.0, **kw):
        return pose(pelvis, torso, ankle_n=(46, ANKLE), thigh_f=aim(pelvis, knee_down),
                    shin_f=180, foot_f=180, **kw)  # fmt: skip

    def split(pelvis, torso=90.0):
        return pose(pelvis, torso, ankle_n=(30, ANKLE), ankle_f=(-40, 12), foot_f=HEEL_UP,
                    hand_f=(-22, 87))  # fmt: skip

    hips = {"arm_n": -115, "fore_n": -35, "arm_f": -115, "fore_f": -35}
    on_a_mat = partial(figure, props=[mat(), {"kind": "cushion", "at": "knee_f"}])
    return {
        1: figure(
            split((0, STAND)),
            split((5, STAND - 10), 92),
            "Start: standing tall in a long split stance, one hand on a chair back, back heel "
            "lifted. End: both knees bend a little and the hips tuck under, so the front of the "
            "back hip stretches.",
            props=[{"kind": "chair", "x": -2, "back": "left"}],
            feel=stretch,
            feel_text=feel,
        ),  # fmt: skip
        2: on_a_mat(
            kneeling((0, 48), 84, **hips),
            kneeling((4, 46), 92, **hips),
            "Start: half-kneeling, back knee on a cushion, front foot flat with the knee over "
            "the ankle, hands on the hips. End: the body tall and the hips tucked under, so "
            "the front of the back thigh stretches.",
            feel=stretch,
            feel_text=feel,
        ),  # fmt: skip
        3: on_a_mat(
            kneeling((4, 46), 92, **hips),
            kneeling((18, 43), 92, **hips),
            "Start: half-kneeling, hips tucked under, body tall. End: the whole body shifted "
            "slowly forward a few centimetres, hips still tucked, so the stretch moves into "
            "the front of the hip.",
            feel=[("thigh_f", 0.08)],
            feel_text="the front of the back hip",
        ),  # fmt: skip
        4: on_a_mat(
            kneeling((18, 43), 92, **hips),
            kneeling((18, 43), 96, arm_n=-115, fore_n=-35, arm_f=97, fore_f=100),
            "Start: half-kneeling, shifted forward, hips tucked. End: the arm on the back-leg "
            "side reaches straight up overhead, and the body leans gently away from the back "
            "leg, so the stretch runs from the front of the hip up the side.",
            feel=[("thigh_f", 0.08), ("torso", 0.45)],
            feel_text="the front of the back hip and up the side of the body",
            move="hand_f",
        ),  # fmt: skip
        5: figure(
            pose(
                (0, 47),
                55,
                ankle_n=(48, ANKLE),
                thigh_f=aim((0, 47), (-18, 6)),
                shin_f=90,
                foot_f=180,
                hand_n=(38, 52),
                hand_f=(36, 50),
            ),
            pose(
                (0, 47),
                86,
                ankle_n=(48, ANKLE),
                thigh_f=aim((0, 47), (-18, 6)),
                shin_f=90,
                foot_f=180,
                hand_n=(38, 52),
                hand_f=(36, 50),
            ),
            "Start: kneeling with the back to a bench, the back knee on a cushion and the top "
            "of that foot up on the bench, the other foot flat in front, leaning forward with "
            "hands on the front knee. End: the upper body comes slowly upright, hips tucked.",
            props=[
                mat(-90, 80),
                {"kind": "bench", "x1": -80, "x2": -24, "h": 48},
                {"kind": "cushion", "at": "knee_f"},
            ],
            feel=[("thigh_f", 0.35)],
            feel_text="the front of the back thigh",
            move="shoulder",
        ),  # fmt: skip
    }


def _inner_thigh():
    feel = [("thigh_f", 0.45)]
    where = "the inner thigh of the straight leg"

    def lunge(pelvis, torso, step=False, toes_up=False, **kw):
        right = (45, ANKLE + (7 if step else 0))
        return pose(pelvis, torso, ankle_n=right, ankle_f=(-45, ANKLE), bend_n=1, bend_f=-1,
                    foot_n=-20 if step else 0, foot_f=90 if toes_up else 180,
                    **kw)  # fmt: skip

    def rail(x1, x2, h):  # a chair back or a bench's edge, seen from the front
        return {"kind": "rail", "x1": x1, "x2": x2, "h": h}

    def support_hands(x, h):
        return {"hand_n": (x + 12, h), "hand_f": (x - 12, h), "elbow_n": 1, "elbow_f": -1}

    chair = rail(-22, 22, 86)
    fig = partial(figure, feel=feel, feel_text=where, view="front")
    return {
        1: fig(
            lunge((0, 80), 90, **support_hands(0, 86)),
            lunge((26, 56), 84, **support_hands(0, 86)),
            "Seen from the front. Start: standing with the feet wide apart, both hands on the "
            "back of a chair. End: one knee bends and the hips shift over it, the other leg "
            "stays straight, stretching its inner thigh.",
            props=[chair],
        ),  # fmt: skip
        2: fig(
            lunge((0, 80), 90, **support_hands(0, 64)),
            lunge((26, 56), 80, **support_hands(0, 64)),
            "Seen from the front. Start: feet wide apart, hands on the sloped back of an "
            "inclined bench. End: one knee bends and the hips shift over it, the other leg "
            "straight, stretching its inner thigh.",
            props=[rail(-30, 30, 64)],
        ),  # fmt: skip
        3: fig(
            lunge((0, 80), 90, hand_n=(14, 58), hand_f=(-14, 58), elbow_n=1, elbow_f=-1),
            lunge((28, 54), 84, hand_n=(38, 36), hand_f=(8, 40), elbow_n=1, elbow_f=-1),
            "Seen from the front. Start: feet wide apart, hands on the thighs. End: one knee "
            "bends and the hips shift over it, the other leg straight; over the weeks the "
            "stance widens.",
        ),  # fmt: skip
        4: fig(
            lunge((0, 82), 90, step=True, **support_hands(5, 60)),
            lunge((30, 36), 78, step=True, toes_up=True, **support_hands(5, 60)),
            "Seen from the front. Start: a wide stance holding a support, the heel of the "
            "bending leg on a low step. End: sitting down and sideways over that leg, the "
            "other leg straight with its toes up.",
            props=[
                rail(-20, 30, 60),
                {"kind": "step", "x": 30, "w": 34, "h": 7},
            ],
        ),  # fmt: skip
        5: fig(
            lunge((0, 80), 90, chest_hands=(7, -20), elbow_n=1, elbow_f=-1),
            lunge((30, 36), 80, toes_up=True, chest_hands=(7, -20), elbow_n=1, elbow_f=-1),
            "Seen from the front. Start: a wide stance, a dumbbell held upright against the "
            "chest. End: sitting down and sideways over one leg, the other leg straight with "
            "its toes up.",
            props=[dumbbell("hand_n", -3, 0)],
        ),  # fmt: skip
    }


def _split_squat():
    feel = [("thigh_n", 0.5), ("thigh_f", 0.1)]
    where = "the front thigh working, and the front of the back hip stretching"

    def split(pelvis, torso, front, **kw):
        return pose(pelvis, torso, ankle_n=front, ankle_f=(-38, 14), foot_f=HEEL_UP, **kw)

    def on_step(h, hands):
        front = (40, h + ANKLE)
        top, bottom = ((0, STAND + 2), (26, h + 20))
        return split(top, 90, front, **hands), split(bottom, 86, front, **hands)

    both = {"hand_n": (80, 118), "hand_f": (80, 112)}
    one = {"hand_n": (80, 118)}
    r1 = on_step(44, both)
    r2 = on_step(26, one)
    flat_top, flat_bottom = (0, STAND), (14, 48)
    chair_hand = {"hand_f": (-18, 87)}
    hips = {"arm_n": -115, "fore_n": -35, "arm_f": -115, "fore_f": -35}
    fig = partial(figure, feel=feel, feel_text=where)
    return {
        1: fig(
            *r1,
            "Start: front foot flat on a chair-height step, both hands on a wall in front, "
            "back heel lifted. End: the front knee travels forward until the front hamstring "
            "covers the calf, torso upright, back knee off the floor.",
            props=[{"kind": "step", "x": 22, "w": 44, "h": 44}, {"kind": "wall", "x": 82}],
        ),  # fmt: skip
        2: fig(
            *r2,
            "Start: front foot on a lower step, one hand on a wall. End: the front knee "
            "travels forward and the body lowers, torso upright, back knee off the floor.",
            props=[{"kind": "step", "x": 22, "w": 44, "h": 26}, {"kind": "wall", "x": 82}],
        ),  # fmt: skip
        3: fig(
            split(flat_top, 90, (38, ANKLE), **chair_hand),
            split(flat_bottom, 88, (38, ANKLE), **chair_hand),
            "Start: a long split stance on flat ground, fingertips on a chair beside you, back "
            "heel lifted. End: lowered until the front hamstring covers the calf, torso "
            "upright, back knee off the floor.",
            props=[{"kind": "chair", "x": -2, "back": "left"}],
        ),  # fmt: skip
        4: fig(
            split(flat_top, 90, (38, ANKLE), **hips),
            split(flat_bottom, 88, (38, ANKLE), **hips),
            "Start: a long split stance on flat ground, hands on the hips, back heel lifted. "
            "End: lowered until the front hamstring covers the calf, torso upright, back knee "
            "off the floor.",
        ),  # fmt: skip
        5: fig(
            split(flat_top, 90, (38, ANKLE)),
            split(flat_bottom, 88, (38, ANKLE)),
            "Start: a long split stance, a dumbbell in each hand, arms hanging. End: lowered "
            "until the front hamstring covers the calf, torso upright, back knee off the floor.",
            props=[dumbbell("hand_n"), dumbbell("hand_f")],
        ),  # fmt: skip
    }


# Lying on the back, head to the left: the shoulders stay on the floor at SHOULDER.
SHOULDER = (-54, 12)
FEET = (52, ANKLE)


def _lying(pelvis, **kw):
    torso = aim(pelvis, SHOULDER) % 360
    arms = {"arm_n": -8, "fore_n": -4, "arm_f": -8, "fore_f": -4}
    return pose(pelvis, torso, neck=180, **{**arms, **kw})


def _bridge():
    down, up = (0, 12), (-9, 42)
    feel = [("thigh_n", 0.02)]
    where = "the buttocks squeezing"
    both = {"ankle_n": FEET, "ankle_f": FEET}
    fig = partial(figure, feel=feel, feel_text=where)
    return {
        1: fig(
            _lying(down, **both),
            _lying(up, **both),
            "Start: lying on the back, knees bent, feet flat, arms by the sides. End: the "
            "hips lifted until the body is in a line from shoulders to knees.",
            props=[mat(-90, 80)],
        ),  # fmt: skip
        2: fig(
            _lying(down, **both),
            _lying(up, **both),
            "Start: lying on the back, knees bent, feet flat. End: the hips lifted in a line "
            "from shoulders to knees, held there with a strong squeeze for 3 to 5 seconds.",
            props=[mat(-90, 80)],
        ),  # fmt: skip
        3: fig(
            _lying(up, **both),
            _lying(up, ankle_n=(50, 24), ankle_f=FEET),
            "Start: in the bridge, hips high and level. End: one foot lifted a few "
            "centimetres off the floor, hips staying level; then the other foot.",
            props=[mat(-90, 80)],
            move="ankle_n",
        ),  # fmt: skip
        4: fig(
            _lying(down, ankle_n=FEET, thigh_f=62, shin_f=62, foot_f=62),
            _lying(up, ankle_n=FEET, thigh_f=40, shin_f=40, foot_f=40),
            "Start: lying on the back, one knee bent with the foot flat, the other leg "
            "straight in the air. End: the hips pushed up through the planted heel, level.",
            props=[mat(-90, 80)],
        ),  # fmt: skip
        5: fig(
            _lying(down, hand_n=(-2, 20), hand_f=(-6, 20), elbow_n=1, elbow_f=1, **both),
            _lying(up, hand_n=(-11, 50), hand_f=(-15, 50), elbow_n=1, elbow_f=1, **both),
            "Start: lying on the back, knees bent, a dumbbell resting across the hips and "
            "held steady with both hands. End: the hips lifted with the weight in a line from "
            "shoulders to knees.",
            props=[mat(-90, 80), dumbbell("pelvis", 0, 10)],
        ),  # fmt: skip
    }


def _clamshell():
    where = "the side of the hip and buttock of the top leg"
    feel = [("thigh_n", 0.05)]

    def side_lying(pelvis, top_knee, torso=180.0, **kw):
        x, y = pelvis
        base = {"arm_f": 170, "fore_f": 40, "arm_n": -40, "fore_n": -5}
        return pose(pelvis, torso, neck=172, knee_f=(x + 30, y - 18), ankle_f=(x + 60, y - 4),
                    knee_n=(x + top_knee[0], y + top_knee[1]), ankle_n=(x + 60, y + 1),
                    **{**base, **kw})  # fmt: skip

    closed, opened = (31, -12), (24, 22)
    band = {"kind": "band", "between": ["knee_n", "knee_f"]}
    text = (
        "Start: lying on the side, head resting on the arm, hips and knees bent, knees and "
        "feet together. End: the top knee lifted, feet still together"
    )
    plank = {"arm_f": -90, "fore_f": 180, "arm_n": -30, "fore_n": -10}
    fig = partial(figure, feel=feel, feel_text=where)

    def clam(top_knee, words, props):
        start, end = side_lying((0, 26), closed), side_lying((0, 26), top_knee)
        return fig(start, end, f"{text}, {words}", props=props, move="knee_n")

    return {
        1: clam(opened, "like a clam opening.", [mat()]),
        2: clam(opened, "held there for 2 to 4 seconds with a squeeze.", [mat()]),
        3: clam(opened, "against a light loop band just above the knees.", [mat(), band]),
        4: clam((25, 18), "against a heavier loop band just above the knees.", [mat(), band]),
        5: fig(
            side_lying((0, 30), closed, torso=182, **plank),
            side_lying((0, 30), opened, torso=182, **plank),
            "Start: in a side plank on the forearm, elbow under the shoulder, knees bent and "
            "stacked, hips lifted in a line from knees to head. End: the top knee opens, feet "
            "together, hips held up.",
            props=[mat()],
            feel=feel + [("torso", 0.2)],
            feel_text="the side of the hip, and the waist holding the hips up",
            move="knee_n",
        ),  # fmt: skip
    }


def _good_morning():
    where = "the back of the thighs and the lower back working to keep the back flat"
    feel = [("thigh_n", 0.55), ("torso", 0.15)]
    seat = (8, 52)

    def seated(torso, **kw):
        return pose(seat, torso, ankle_n=(48, ANKLE), ankle_f=(44, ANKLE), neck=torso - 10, **kw)

    chair = {"kind": "chair", "x": 0, "back": "left"}
    bench = {"kind": "bench", "x1": -40, "x2": 30, "h": 46}
    crossed = {"chest_hands": (14, -16), "elbow_n": 1, "elbow_f": 1}
    text = "keeping the back flat, leaning forward from the hips only as far as it stays unrounded"
    fig = partial(figure, feel=feel, feel_text=where)
    return {
        1: fig(
            seated(90, hand_n=(30, 56), hand_f=(28, 55)),
            seated(48, hand_n=(46, 54), hand_f=(44, 53)),
            f"Start: sitting tall on the front of a chair, feet flat and wide, hands on the "
            f"thighs. End: {text}, hands sliding down the thighs.",
            props=[chair],
            move="shoulder",
        ),  # fmt: skip
        2: fig(
            seated(90, **crossed),
            seated(48, **crossed),
            f"Start: sitting tall on the front of a chair, arms crossed on the chest. End: {text}.",
            props=[chair],
            move="shoulder",
        ),  # fmt: skip
        3: fig(
            seated(90, **crossed),
            seated(50, **crossed),
            f"Start: sitting tall on a bench, hugging a light dumbbell to the chest. End: {text}.",
            props=[bench, dumbbell("hand_n")],
            move="shoulder",
        ),  # fmt: skip
        4: fig(
            seated(90, **crossed),
            seated(52, **crossed),
            f"Start: sitting tall on a bench, hugging a heavier dumbbell to the chest. End: "
            f"{text}.",
            props=[bench, dumbbell("hand_n"), dumbbell("hand_n", 4, 4)],
            move="shoulder",
        ),  # fmt: skip
    }


def _slant_bar():
    where = "the lower back lengthening and relaxing at the bottom"
    feel = [("torso", 0.12)]
    feet = {"ankle_n": (6, ANKLE), "ankle_f": (2, ANKLE)}

    def squat(pelvis, torso, bar):
        return pose(pelvis, torso, hand_n=bar, hand_f=(bar[0] - 3, bar[1]), **feet)

    rungs = {
        1: ((-16, 66), 72, (44, 100), "a wide grip", "a shallow squat, hips down and back"),
        2: ((-22, 46), 66, (44, 100), "a moderate grip", "a deeper squat"),
        3: ((-14, 28), 70, (44, 100), "a narrower grip", "a full squat"),
        4: ((-12, 28), 72, (36, 82), "the hands resting lightly on the bar",
            "a full squat, the legs carrying the weight"),
    }  # fmt: skip
    fig = partial(figure, feel=feel, feel_text=where)
    out = {}
    for position, (pelvis, torso, bar, grip, depth) in rungs.items():
        out[position] = fig(
            squat((0, STAND), 90, bar),
            squat(pelvis, torso, bar),
            f"Start: standing facing a fixed bar, feet hip-width, holding it with {grip}. "
            f"End: {depth}, arms straight, the lower back relaxing for 2 to 3 seconds.",
            props=[{"kind": "bar", "x": bar[0] + 3, "y": bar[1]}],
        )
    return out


def _ql():
    where = "the side of the waist, between the ribs and the hip"
    # Seen from the front: the feet point out to each side.
    feet = {"ankle_n": (4, ANKLE), "ankle_f": (-4, ANKLE), "bend_n": 1, "bend_f": -1, "foot_f": 180}

    def standing(pelvis, torso, hand_f, **kw):
        return pose(pelvis, torso, hand_f=hand_f, elbow_f=1, **{**feet, **kw})

    def straight(x):
        # The pelvis height that keeps both legs straight with the hips at x (feet together).
        reach_ = LENGTHS["thigh"] + LENGTHS["shin"] - 0.5
        return (x, ANKLE + math.sqrt(reach_**2 - (abs(x) + 4) ** 2))

    def against(wall, hand, sway, **kw):
        start = standing(straight(0), 90, hand, **kw)
        end = standing(straight(wall + sway), 76, hand, **kw)
        return start, end

    def seated(torso, arm_n, fore_n, arm_f):
        return pose((0, 52), torso, knee_n=(17, 48), ankle_n=(18, ANKLE), knee_f=(-17, 48),
                    ankle_f=(-18, ANKLE), arm_n=arm_n, fore_n=fore_n, arm_f=arm_f,
                    fore_f=arm_f)  # fmt: skip

    feel = [("torso", 0.4)]
    wall_text = "Seen from the front. Start: standing side-on to a wall, feet together"
    fig = partial(figure, feel=feel, feel_text=where, view="front")
    return {
        1: fig(
            seated(90, 95, 92, -92),
            seated(118, 128, 132, -104),
            "Seen from the front. Start: sitting on an armless chair, one arm raised "
            "overhead. End: bending sideways away from the raised arm, the other hand "
            "sliding down past the seat towards the floor.",
            props=[{"kind": "rail", "x1": -24, "x2": 24, "h": 46}],
            feel_text="the side of the raised arm, between the ribs and the hip",
            move="shoulder",
        ),  # fmt: skip
        2: fig(
            *against(-58, (-58, 140), 44),
            f"{wall_text}, the hand nearest the wall flat on it at shoulder height. End: the "
            "hips sway towards the wall, stretching the side nearest it.",
            props=[{"kind": "wall", "x": -60}],
        ),  # fmt: skip
        3: fig(
            *against(-68, (-68, 140), 50),
            f"{wall_text} a little farther from it, hand on the wall at shoulder height. End: "
            "the hips sway further towards the wall.",
            props=[{"kind": "wall", "x": -70}],
        ),  # fmt: skip
        4: fig(
            *against(-54, (-54, 172), 42),
            f"{wall_text}, the hand nearest the wall placed higher than the shoulder. End: the "
            "hips sway towards the wall, stretching all along that side.",
            props=[{"kind": "wall", "x": -56}],
        ),  # fmt: skip
        5: fig(
            *against(-58, (-58, 140), 44),
            f"{wall_text}, one hand on the wall, a light dumbbell hanging in the other hand. "
            "End: the hips sway towards the wall.",
            props=[{"kind": "wall", "x": -60}, dumbbell("hand_n")],
        ),  # fmt: skip
    }


def _pullover():
    where = "under the arms and along the upper back, the lower back staying flat"
    feel = [("torso", 0.85)]

    def at_wall(heel, lean):
        pelvis = (-10 + heel / 3, STAND - 2)
        base = {"ankle_n": (heel, ANKLE), "ankle_f": (heel - 4, ANKLE)}
        down = pose(pelvis, 90 + lean, arm_n=-80, fore_n=-78, arm_f=-82, fore_f=-80, **base)
        up = pose(pelvis, 90 + lean, arm_n=104, fore_n=106, arm_f=102, fore_f=104, **base)
        return down, up

    def on_back(pelvis, up, **kw):
        arms = (
            {"arm_n": 88, "fore_n": 88, "arm_f": 92, "fore_f": 92}
            if up
            else {"arm_n": 168, "fore_n": 172, "arm_f": 170, "fore_f": 174}
        )
        return pose(pelvis, 180, neck=180, **{**arms, **kw})

    floor_legs = {"ankle_n": FEET, "ankle_f": FEET}
    bench_legs = {"ankle_n": (46, ANKLE), "ankle_f": (42, ANKLE)}
    fig = partial(figure, feel=feel, feel_text=where)
    return {
        1: fig(
            *at_wall(2, 4),
            "Start: standing with the back flat against a wall, heels close to it, knees "
            "soft, arms down. End: straight arms raised in front and up overhead towards the "
            "wall, the lower back staying on the wall.",
            props=[{"kind": "wall", "x": -22}],
            move="hand_n",
        ),  # fmt: skip
        2: fig(
            *at_wall(16, 8),
            "Start: the back flat against a wall, heels farther from it, knees soft. End: "
            "straight arms raised up overhead towards the wall, the lower back staying on the "
            "wall.",
            props=[{"kind": "wall", "x": -22}],
            move="hand_n",
        ),  # fmt: skip
        3: fig(
            on_back((0, 12), True, **floor_legs),
            on_back((0, 12), False, **floor_legs),
            "Start: lying on the back, knees bent, a light dumbbell held in both hands above "
            "the chest. End: the weight lowered back behind the head, only as far as the "
            "lower back stays on the mat.",
            props=[mat(-100, 80), dumbbell("hand_n")],
            move="hand_n",
        ),  # fmt: skip
        4: fig(
            on_back((0, 54), True, **bench_legs),
            on_back((0, 54), False, **bench_legs),
            "Start: lying along a flat bench, feet on the floor, a dumbbell held in both "
            "hands above the chest. End: the weight lowered back behind the head, only as far "
            "as the lower back stays flat on the bench.",
            props=[{"kind": "bench", "x1": -86, "x2": 22, "h": 42}, dumbbell("hand_n")],
            move="hand_n",
        ),  # fmt: skip
    }


FIGURES: dict[str, dict[int, dict]] = {
    "hip-flexor-stretch": _hip_flexor(),
    "inner-thigh-stretch": _inner_thigh(),
    "atg-split-squat": _split_squat(),
    "glute-bridge": _bridge(),
    "clamshell": _clamshell(),
    "seated-good-morning": _good_morning(),
    "slant-bar-squat": _slant_bar(),
    "ql-stretch-and-strengthen": _ql(),
    "pullover": _pullover(),
}
