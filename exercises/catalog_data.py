"""The BackCare exercise catalog as plain Python data.

No Django imports here: the loader maps these dicts onto models, and curators then edit
the rows in the admin. Sources: the two seed summaries in ``/work/shared/seeds/``
(seed 000: lower back exercises below, around, beside and above the spine; seed 004:
hip flexor stretch, butt bridge and clam) and the catalog table in DOMAIN.md.

Conventions
-----------
* ``REGIONS`` follow seed 000's four headings, in order.
* ``EXERCISES`` follow DOMAIN.md's catalog table; ``order`` is the catalog-wide position
  (1..9), which is also the order within each region.
* Each rung has exactly one of ``reps`` / ``hold_seconds``; ``per_side`` says whether the
  dose is done on each side. ``stage`` is one of ``STAGES``.
* Each rung's ``equipment`` lists what that rung needs (slugs of ``EQUIPMENT``), so plan
  start can offer rungs that fit what a person has; an exercise's ``equipment`` is what any
  of its rungs may use. A mat and a cushion are comfort, never a need: a towel, a carpet or
  a folded jumper does, so no rung lists them. Where the instructions offer a wall or a
  chair to hold, the rung needs the wall (nearly everyone has one); where they offer "a
  bench or chair" to sit on, the chair.
* Starting dose (seed 004): "a good starting repetition is between 10 and 20 per side".
  Stretches: 2 x 30 s per side unless the rung says otherwise. Loaded rungs use fewer reps.
* ``video_url`` stays empty: we only link videos we have verified.
"""

STAGES = ("assisted", "bodyweight", "loaded")

REGIONS = [
    {
        "slug": "below",
        "name": "Below the lower back",
        "order": 1,
        "why_it_matters": (
            "Your hips, inner thighs and glutes attach to the pelvis, and your lower back sits "
            "on top of the pelvis. When the hip flexors and inner thighs are tight or the "
            "glutes are weak, the pelvis is pulled out of position and the lower back takes "
            "strain the hips should carry. Stretching and strengthening these muscles can "
            "improve lower back posture and ease stiffness."
        ),
    },
    {
        "slug": "around",
        "name": "Around the lower back",
        "order": 2,
        "why_it_matters": (
            "The lower back itself needs both strength and mobility. Strength lets it hold a "
            "steady, non-rounded position when you bend and lift; mobility keeps it from "
            "getting stiff and tight. Training both, gently and gradually, makes everyday "
            "movement easier on your back."
        ),
    },
    {
        "slug": "quadratus-lumborum",
        "name": "Quadratus lumborum",
        "order": 3,
        "why_it_matters": (
            "The quadratus lumborum (QL) is a deep muscle on each side of the lower spine, "
            "running from the top of the pelvis to the lowest rib. It bends you sideways and "
            "steadies your spine and pelvis when you stand, walk and carry things. It is often "
            "overlooked, yet it matters a great deal for lower back health and flexibility."
        ),
    },
    {
        "slug": "above",
        "name": "Above the spine",
        "order": 4,
        "why_it_matters": (
            "Your upper back, shoulders and lats (the broad muscles running from the upper arm "
            "down to the lower back) all pull on the spine. When they are stiff, lifting your "
            "arms overhead tends to arch the lower back instead. Better flexibility and "
            "strength above the spine takes that strain off the lower back."
        ),
    },
]

EQUIPMENT = [
    {"slug": "chair", "name": "Chair (sturdy, without wheels)"},
    {"slug": "bench", "name": "Bench (flat or adjustable incline)"},
    {"slug": "step", "name": "Step or box"},
    {"slug": "wall", "name": "Wall"},
    {"slug": "slant-bar", "name": "Slant bar or sturdy fixed bar"},
    {"slug": "dumbbell", "name": "Dumbbell"},
    {"slug": "resistance-band", "name": "Resistance band (loop)"},
    {"slug": "mat", "name": "Exercise mat"},
    {"slug": "cushion", "name": "Cushion or folded towel"},
]

EXERCISES = [
    # ------------------------------------------------------------------ below
    {
        "slug": "hip-flexor-stretch",
        "name": "Hip flexor stretch",
        "region": "below",
        "order": 1,
        "summary": "Stretch the muscles at the front of your hip so they stop pulling on your "
        "lower back.",
        "why_it_helps": (
            "The hip flexors are the muscles at the front of your hips. Long hours of sitting "
            "keep them short, and tight hip flexors pull the pelvis forward and arch the lower "
            "back. Stretching them is often an important part of easing lower back pain."
        ),
        "safety_notes": (
            "Never work through pain: you should feel a gentle stretch at the front of the "
            "back leg's thigh, not pain in your lower back. If your lower back starts to arch "
            "or ache, pull your belly button in, tuck your hips under again, or go back a rung. "
            "Put a cushion under the back knee when kneeling; stop if the knee hurts."
        ),
        "equipment": ["chair", "mat", "cushion", "bench"],
        "video_url": "",
        "rungs": [
            {
                "position": 1,
                "name": "Standing split-stance stretch, holding a chair",
                "stage": "assisted",
                "equipment": ["chair"],
                "instructions": (
                    "1. Stand tall beside a sturdy chair and hold its back with one hand.\n"
                    "2. Step one foot back into a long stride; keep the back heel lifted and "
                    "both feet pointing forward.\n"
                    "3. Bring your belly button in towards your spine and tuck your hips "
                    "under.\n"
                    "4. Bend both knees slightly until you feel a stretch at the front of the "
                    "back leg's thigh and hip. Hold, breathing slowly.\n"
                    "5. Step the feet together, then repeat with the other leg back."
                ),
                "cues": "Belly button in\nTuck your hips under\nStand tall, don't lean back",
                "sets": 2,
                "reps": None,
                "hold_seconds": 30,
                "per_side": True,
                "marker_name": "Hold time",
                "marker_unit": "s",
            },
            {
                "position": 2,
                "name": "Half-kneeling stretch, hips tucked under",
                "stage": "bodyweight",
                "equipment": [],
                "instructions": (
                    "1. Kneel on a mat with one knee down (cushion under it) and the other "
                    "foot flat in front, front knee above the ankle.\n"
                    "2. Stand your upper body tall, hands on your front knee or hips.\n"
                    "3. Bring your belly button in towards your spine and drop your hips "
                    "underneath you.\n"
                    "4. Feel the stretch through the front of the back leg's thigh. Hold, "
                    "breathing slowly.\n"
                    "5. Switch legs and repeat."
                ),
                "cues": "Belly button to spine\nDrop your hips underneath\n"
                "Feel it in the front of the back thigh",
                "sets": 2,
                "reps": None,
                "hold_seconds": 30,
                "per_side": True,
                "marker_name": "Hold time",
                "marker_unit": "s",
            },
            {
                "position": 3,
                "name": "Half-kneeling stretch, shifting slowly forward",
                "stage": "bodyweight",
                "equipment": [],
                "instructions": (
                    "1. Set up as in the half-kneeling stretch: back knee on a cushion, front "
                    "foot flat, belly button in, hips tucked under.\n"
                    "2. Keeping the hips tucked, very slowly shift your whole body forward a "
                    "few centimetres.\n"
                    "3. Stop when the stretch moves into the front of the hip. Hold, "
                    "breathing slowly.\n"
                    "4. Shift back, then switch legs and repeat."
                ),
                "cues": "Move forward very slowly\nKeep the hips tucked as you shift\n"
                "No arching in the lower back",
                "sets": 2,
                "reps": None,
                "hold_seconds": 30,
                "per_side": True,
                "marker_name": "Hold time",
                "marker_unit": "s",
            },
            {
                "position": 4,
                "name": "Half-kneeling stretch with overhead reach and side lean",
                "stage": "bodyweight",
                "equipment": [],
                "instructions": (
                    "1. Set up in the half-kneeling stretch, belly button in, hips tucked, "
                    "shifted forward as far as is comfortable.\n"
                    "2. Reach the arm on the back-leg side straight up overhead.\n"
                    "3. If that feels fine, lean your upper body gently away from the back "
                    "leg, towards the front-leg side.\n"
                    "4. Hold, breathing slowly, then lower the arm.\n"
                    "5. Switch legs and repeat."
                ),
                "cues": "Reach tall before you lean\nRibs down, hips tucked\n"
                "Lean sideways, not backwards",
                "sets": 2,
                "reps": None,
                "hold_seconds": 30,
                "per_side": True,
                "marker_name": "Hold time",
                "marker_unit": "s",
            },
            {
                "position": 5,
                "name": "Couch stretch, rear foot on a bench",
                "stage": "bodyweight",
                "equipment": ["bench"],
                "instructions": (
                    "1. Kneel on a mat with your back to a bench, a cushion under the back "
                    "knee.\n"
                    "2. Rest the top of the back foot on the bench, knee close to the bench; "
                    "place the other foot flat in front.\n"
                    "3. Start with your hands on the front knee and the body leaning forward.\n"
                    "4. Belly button in, hips tucked; slowly bring your upper body more "
                    "upright only as far as is comfortable. Hold.\n"
                    "5. Come out slowly with your hands on the front knee, then switch legs."
                ),
                "cues": "Start leaning forward, rise slowly\nHips tucked under\n"
                "Intense is fine, painful is not",
                "sets": 2,
                "reps": None,
                "hold_seconds": 30,
                "per_side": True,
                "marker_name": "Hold time",
                "marker_unit": "s",
            },
        ],
    },
    {
        "slug": "inner-thigh-stretch",
        "name": "Inner thigh stretch",
        "region": "below",
        "order": 2,
        "summary": "Stretch the inner thighs and inner hips, from a supported side lunge to a "
        "loaded Cossack squat.",
        "why_it_helps": (
            "The inner thigh muscles attach to the pelvis. When they are stiff they limit how "
            "your hips move, so your lower back moves more to make up for it. Stretching the "
            "inner hips can help reduce stiffness in the lower back, and the Cossack squat "
            "rungs build strength in that new range."
        ),
        "safety_notes": (
            "Never work through pain: stop at a gentle stretch along the inner thigh and go "
            "back a rung if it hurts. Widen your stance a little at a time; never force your "
            "feet apart or bounce. Keep your lower back long, not rounded, and hold a support "
            "whenever your balance is unsure."
        ),
        "equipment": ["chair", "bench", "step", "dumbbell"],
        "video_url": "",
        "rungs": [
            {
                "position": 1,
                "name": "Side-lunge stretch, hands on a chair",
                "stage": "assisted",
                "equipment": ["chair"],
                "instructions": (
                    "1. Stand facing the back of a sturdy chair and hold it with both hands.\n"
                    "2. Step your feet wide apart, toes forward or turned slightly out.\n"
                    "3. Bend one knee and shift your hips towards it, keeping the other leg "
                    "straight, until you feel a stretch along the straight leg's inner thigh.\n"
                    "4. Hold, breathing slowly, then shift across to the other side.\n"
                    "5. Measure your stance width (heel to heel) so you can widen it over time."
                ),
                "cues": "Chest up, back long\nBent knee points over the toes\n"
                "Straight leg's foot stays flat",
                "sets": 2,
                "reps": None,
                "hold_seconds": 30,
                "per_side": True,
                "marker_name": "Stance width",
                "marker_unit": "cm",
            },
            {
                "position": 2,
                "name": "Side-lunge stretch, hands on an inclined bench",
                "stage": "assisted",
                "equipment": ["bench"],
                "instructions": (
                    "1. Set an adjustable bench to an incline and stand facing it.\n"
                    "2. Place both hands on the sloped backrest and step your feet wide apart.\n"
                    "3. Bend one knee and shift your hips towards it, keeping the other leg "
                    "straight, until you feel the inner-thigh stretch.\n"
                    "4. Hold, then shift across to the other side.\n"
                    "5. As it gets easier, walk your hands lower down the slope so your legs "
                    "carry more of your weight."
                ),
                "cues": "Hands take only the weight you need\nBack long, chest up\n"
                "Knee follows the toes",
                "sets": 2,
                "reps": None,
                "hold_seconds": 30,
                "per_side": True,
                "marker_name": "Stance width",
                "marker_unit": "cm",
            },
            {
                "position": 3,
                "name": "Side-lunge stretch on the floor, widening the stance over time",
                "stage": "bodyweight",
                "equipment": [],
                "instructions": (
                    "1. Stand with your feet wide apart, toes forward or turned slightly out, "
                    "hands on your thighs.\n"
                    "2. Bend one knee and shift your hips towards it, keeping the other leg "
                    "straight, until you feel the inner-thigh stretch.\n"
                    "3. Hold, breathing slowly, then shift across to the other side.\n"
                    "4. Over the weeks, widen your stance by a few centimetres at a time."
                ),
                "cues": "Widen a little at a time\nBack long, chest up\nNo bouncing",
                "sets": 2,
                "reps": None,
                "hold_seconds": 30,
                "per_side": True,
                "marker_name": "Stance width",
                "marker_unit": "cm",
            },
            {
                "position": 4,
                "name": "Cossack squat, heel raised, holding a support",
                "stage": "assisted",
                "equipment": ["chair"],
                "instructions": (
                    "1. Stand in a wide stance facing a sturdy chair or rail and hold it.\n"
                    "2. Put the heel of the leg you will bend on a low step or thick folded "
                    "mat.\n"
                    "3. Sit down and sideways over that leg, keeping the other leg straight "
                    "with its toes pointing up; go only as deep as is pain-free.\n"
                    "4. Push back up to the middle using your legs, with the hands helping as "
                    "needed.\n"
                    "5. Do all reps on one side, then turn around and repeat."
                ),
                "cues": "Sit down, not forward\nChest up, back long\nOnly as deep as is pain-free",
                "sets": 2,
                "reps": 8,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Stance width",
                "marker_unit": "cm",
            },
            {
                "position": 5,
                "name": "Cossack squat holding a weight",
                "stage": "loaded",
                "equipment": ["dumbbell"],
                "instructions": (
                    "1. Hold a light dumbbell upright against your chest with both hands.\n"
                    "2. Stand in a wide stance, feet flat.\n"
                    "3. Sit down and sideways over one leg, keeping the other leg straight "
                    "with its toes pointing up; go only as deep as is pain-free.\n"
                    "4. Push back up to the middle, then repeat on the other side.\n"
                    "5. Add weight only in small steps once every rep feels controlled."
                ),
                "cues": "Weight close to the chest\nChest up, back long\nSmooth, controlled reps",
                "sets": 3,
                "reps": 6,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Load",
                "marker_unit": "kg",
            },
        ],
    },
    {
        "slug": "atg-split-squat",
        "name": "ATG split squat",
        "region": "below",
        "order": 3,
        "summary": "A deep split squat that strengthens the front leg and stretches the back "
        "leg, starting from a raised step and working down to flat ground.",
        "why_it_helps": (
            'The ATG ("ass to grass") split squat strengthens the front leg through a full '
            "range while stretching the hip flexors of the back leg. It has been a foundation "
            "for many lower back success stories. Starting with the front foot raised makes "
            "it easier; lowering the step over time measures your progress."
        ),
        "safety_notes": (
            "Never work through pain: go only as deep as is pain-free and go back a rung if "
            "your back, hip or knee hurts. Keep your torso upright rather than folding forward, "
            "and keep the back knee off the floor. Keep a hand on a support until your balance "
            "is sure."
        ),
        "equipment": ["step", "chair", "wall", "dumbbell"],
        "video_url": "",
        "rungs": [
            {
                "position": 1,
                "name": "Front foot on a chair-height step, both hands on a support",
                "stage": "assisted",
                "equipment": ["step", "wall"],
                "instructions": (
                    "1. Place a sturdy step or box about chair height in front of a wall or a "
                    "sturdy chair you can hold.\n"
                    "2. Put one foot flat on the step and hold the support with both hands.\n"
                    "3. Step the other foot back, heel lifted, torso upright.\n"
                    "4. Slowly bend the front knee forward until the front hamstring covers "
                    "the calf, or only as deep as is pain-free; keep the back knee off the "
                    "floor.\n"
                    "5. Push through the front foot to rise. Do all reps, then switch legs."
                ),
                "cues": "Front hamstring covers calf\nBack knee off the floor\nTorso upright\n"
                "Only as deep as is pain-free",
                "sets": 2,
                "reps": 8,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Front-foot height",
                "marker_unit": "cm",
            },
            {
                "position": 2,
                "name": "Lower step, one hand on a support",
                "stage": "assisted",
                "equipment": ["step", "wall"],
                "instructions": (
                    "1. Use a lower step than before (for example 10 cm lower).\n"
                    "2. Put one foot flat on the step and hold the support with one hand.\n"
                    "3. Step the other foot back, heel lifted, torso upright.\n"
                    "4. Slowly bend the front knee forward until the front hamstring covers "
                    "the calf, or only as deep as is pain-free; keep the back knee off the "
                    "floor.\n"
                    "5. Push through the front foot to rise. Do all reps, then switch legs."
                ),
                "cues": "Front hamstring covers calf\nBack knee off the floor\nTorso upright\n"
                "Only as deep as is pain-free",
                "sets": 2,
                "reps": 8,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Front-foot height",
                "marker_unit": "cm",
            },
            {
                "position": 3,
                "name": "Flat ground, light hand support",
                "stage": "assisted",
                "equipment": ["wall"],
                "instructions": (
                    "1. Stand beside a wall or sturdy chair in a long split stance on flat "
                    "ground, back heel lifted.\n"
                    "2. Rest your fingertips lightly on the support.\n"
                    "3. Slowly bend the front knee forward and lower yourself until the front "
                    "hamstring covers the calf, or only as deep as is pain-free; keep the back "
                    "knee off the floor.\n"
                    "4. Push through the front foot to rise. Do all reps, then switch legs."
                ),
                "cues": "Fingertips only, legs do the work\nFront hamstring covers calf\n"
                "Back knee off the floor\nTorso upright",
                "sets": 2,
                "reps": 8,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Back-knee height above the floor",
                "marker_unit": "cm",
            },
            {
                "position": 4,
                "name": "Flat ground, no hands",
                "stage": "bodyweight",
                "equipment": [],
                "instructions": (
                    "1. Stand in a long split stance on flat ground, back heel lifted, hands "
                    "on your hips; keep a support within reach.\n"
                    "2. Slowly bend the front knee forward and lower yourself until the front "
                    "hamstring covers the calf, or only as deep as is pain-free.\n"
                    "3. Keep the torso upright and the back knee off the floor.\n"
                    "4. Push through the front foot to rise. Do all reps, then switch legs."
                ),
                "cues": "Front hamstring covers calf\nBack knee off the floor\nTorso upright\n"
                "Only as deep as is pain-free",
                "sets": 2,
                "reps": 8,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Back-knee height above the floor",
                "marker_unit": "cm",
            },
            {
                "position": 5,
                "name": "Flat ground, holding dumbbells",
                "stage": "loaded",
                "equipment": ["dumbbell"],
                "instructions": (
                    "1. Hold a light dumbbell in each hand, arms hanging by your sides.\n"
                    "2. Step into a long split stance on flat ground, back heel lifted.\n"
                    "3. Slowly lower until the front hamstring covers the calf, or only as deep "
                    "as is pain-free; torso upright, back knee off the floor.\n"
                    "4. Push through the front foot to rise. Do all reps, then switch legs.\n"
                    "5. Add weight only in small steps."
                ),
                "cues": "Shoulders down, torso upright\nFront hamstring covers calf\n"
                "Back knee off the floor",
                "sets": 3,
                "reps": 6,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Load",
                "marker_unit": "kg",
            },
        ],
    },
    {
        "slug": "glute-bridge",
        "name": "Glute bridge",
        "region": "below",
        "order": 4,
        "summary": "Squeeze your glutes and lift your hips off the floor to strengthen the "
        "muscles that support your lower back.",
        "why_it_helps": (
            "Strong glutes (your buttock muscles) hold the pelvis steady and take work off the "
            "lower back when you stand, walk and lift. The bridge teaches you to lift with "
            "your glutes rather than by arching your back."
        ),
        "safety_notes": (
            "Never work through pain: if you feel it in your lower back rather than your "
            "buttocks, lower your hips a little and squeeze harder, or go back a rung. Do not "
            "push the hips so high that your lower back arches. Stop if a hamstring cramps, "
            "and rest before trying again."
        ),
        "equipment": ["mat", "cushion", "dumbbell"],
        "video_url": "",
        "rungs": [
            {
                "position": 1,
                "name": "Double-leg bridge",
                "stage": "bodyweight",
                "equipment": [],
                "instructions": (
                    "1. Lie on your back on a mat, knees bent, feet flat and hip-width apart, "
                    "arms by your sides.\n"
                    "2. Squeeze your butt cheeks together.\n"
                    "3. Lift your hips off the ground until your body is in a line from "
                    "shoulders to knees.\n"
                    "4. Give a good butt squeeze at the top, then lower slowly back down."
                ),
                "cues": "Squeeze first, then lift\nPush through your heels\nRibs down, no arching",
                "sets": 2,
                "reps": 12,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Reps",
                "marker_unit": "reps",
            },
            {
                "position": 2,
                "name": "Double-leg bridge with a 3-5 s squeeze at the top",
                "stage": "bodyweight",
                "equipment": [],
                "instructions": (
                    "1. Lie on your back, knees bent, feet flat and hip-width apart.\n"
                    "2. Squeeze your butt cheeks together and lift your hips.\n"
                    "3. At the top, hold a strong squeeze for 3 to 5 seconds while breathing.\n"
                    "4. Lower slowly back down."
                ),
                "cues": "Hold the squeeze 3-5 s\nBreathe during the hold\nRibs down",
                "sets": 2,
                "reps": 10,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Squeeze hold at the top",
                "marker_unit": "s",
            },
            {
                "position": 3,
                "name": "Marching bridge, hips level",
                "stage": "bodyweight",
                "equipment": [],
                "instructions": (
                    "1. Lie on your back, knees bent, feet flat, and lift into a bridge with a "
                    "strong butt squeeze.\n"
                    "2. Keeping your hips high and level, lift one foot a few centimetres off "
                    "the floor.\n"
                    "3. Put it down, then lift the other foot. Each lift counts as one rep for "
                    "that side.\n"
                    "4. Lower your hips when the set is done."
                ),
                "cues": "Hips stay level, like a tray of water\nSmall, slow lifts\nKeep squeezing",
                "sets": 2,
                "reps": 10,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Reps",
                "marker_unit": "reps",
            },
            {
                "position": 4,
                "name": "Single-leg bridge",
                "stage": "bodyweight",
                "equipment": [],
                "instructions": (
                    "1. Lie on your back, one knee bent with the foot flat; hold the other "
                    "knee towards your chest or keep that leg straight in the air.\n"
                    "2. Squeeze your butt and push through the planted heel to lift your "
                    "hips.\n"
                    "3. Keep the hips level at the top, then lower slowly.\n"
                    "4. Do all reps, then switch legs.\n"
                    "5. Optional check, only once regular sets are pain-free: count clean reps "
                    "on one leg until your hips drop. Under 20 is poor, about 25 average, over "
                    "30 good (Freckleton et al., 2014; measured in athletes, so a far goal)."
                ),
                "cues": "Hips level\nPush through the heel\nSqueeze at the top",
                "sets": 2,
                "reps": 10,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Reps",
                "marker_unit": "reps",
            },
            {
                "position": 5,
                "name": "Loaded bridge, weight on the hips",
                "stage": "loaded",
                "equipment": ["dumbbell"],
                "instructions": (
                    "1. Lie on your back, knees bent, feet flat and hip-width apart.\n"
                    "2. Rest a dumbbell across your hip bones on a cushion or folded towel "
                    "and hold it steady with both hands.\n"
                    "3. Squeeze your butt cheeks together and lift your hips.\n"
                    "4. Squeeze at the top, then lower slowly.\n"
                    "5. Add weight only in small steps."
                ),
                "cues": "Pad the weight\nSqueeze first, then lift\nRibs down, no arching",
                "sets": 3,
                "reps": 8,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Load",
                "marker_unit": "kg",
            },
        ],
    },
    {
        "slug": "clamshell",
        "name": "Clamshell",
        "region": "below",
        "order": 5,
        "summary": "Lying on your side, open your top knee like a clam to strengthen the side "
        "of your buttock.",
        "why_it_helps": (
            "The clam works the glute muscles at the side and back of the hip, which keep your "
            "pelvis level when you stand on one leg and walk. Stronger glutes share the load "
            "that would otherwise fall on the lower back."
        ),
        "safety_notes": (
            "Never work through pain: stop and go back a rung if your back or hip hurts. Keep "
            "the pelvis still; if it rolls back as the knee opens, make the lift smaller or "
            "remove the band. Rest your head on your arm or a cushion so your neck stays "
            "relaxed."
        ),
        "equipment": ["mat", "cushion", "resistance-band"],
        "video_url": "",
        "rungs": [
            {
                "position": 1,
                "name": "Side-lying clam, knees together at about 45 degrees",
                "stage": "bodyweight",
                "equipment": [],
                "instructions": (
                    "1. Lie on your side on a mat, head resting on your arm or a cushion.\n"
                    "2. Bend your knees to about 45 degrees, knees and feet together.\n"
                    "3. Keeping your feet together, lift your top knee straight up.\n"
                    "4. Tighten your butt at the top of the movement, then lower the knee "
                    "back down.\n"
                    "5. Do all reps, then turn over and repeat on the other side."
                ),
                "cues": "Feet stay together\nSqueeze your butt at the top\n"
                "Pelvis still, don't roll back",
                "sets": 2,
                "reps": 12,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Reps",
                "marker_unit": "reps",
            },
            {
                "position": 2,
                "name": "Side-lying clam with a 2-4 s hold at the top",
                "stage": "bodyweight",
                "equipment": [],
                "instructions": (
                    "1. Lie on your side, knees bent to about 45 degrees, knees and feet "
                    "together.\n"
                    "2. Lift your top knee straight up, feet together.\n"
                    "3. Hold the top position with a butt squeeze for 2 to 4 seconds.\n"
                    "4. Lower slowly. Do all reps, then switch sides."
                ),
                "cues": "Hold 2-4 s at the top\nSqueeze your butt\nPelvis still",
                "sets": 2,
                "reps": 10,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Hold at the top",
                "marker_unit": "s",
            },
            {
                "position": 3,
                "name": "Clam with a light band above the knees",
                "stage": "loaded",
                "equipment": ["resistance-band"],
                "instructions": (
                    "1. Put a light loop band around both legs just above the knees.\n"
                    "2. Lie on your side, knees bent to about 45 degrees, knees and feet "
                    "together.\n"
                    "3. Lift your top knee against the band, feet together, and squeeze your "
                    "butt at the top.\n"
                    "4. Lower slowly. Do all reps, then switch sides."
                ),
                "cues": "Remove the band if the pelvis rolls\nFeet stay together\n"
                "Slow on the way down",
                "sets": 2,
                "reps": 10,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Band level",
                "marker_unit": "level",
            },
            {
                "position": 4,
                "name": "Clam with a heavier band",
                "stage": "loaded",
                "equipment": ["resistance-band"],
                "instructions": (
                    "1. Put the next-stronger loop band just above the knees.\n"
                    "2. Lie on your side, knees bent to about 45 degrees, knees and feet "
                    "together.\n"
                    "3. Lift your top knee against the band, feet together, and squeeze your "
                    "butt at the top.\n"
                    "4. Lower slowly. Do all reps, then switch sides."
                ),
                "cues": "Remove the band if the pelvis rolls\nSmaller lift beats a rolling pelvis\n"
                "Squeeze at the top",
                "sets": 2,
                "reps": 10,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Band level",
                "marker_unit": "level",
            },
            {
                "position": 5,
                "name": "Clam from a side plank",
                "stage": "bodyweight",
                "equipment": [],
                "instructions": (
                    "1. Lie on your side, propped on your forearm with the elbow under your "
                    "shoulder, knees bent to about 45 degrees and stacked.\n"
                    "2. Lift your hips so your body is in a line from knees to head.\n"
                    "3. Holding the hips up, open the top knee, feet together, then close it.\n"
                    "4. Lower the hips after the set. Switch sides."
                ),
                "cues": "Elbow under shoulder\nHips stay up and still\nFeet together",
                "sets": 2,
                "reps": 8,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Reps",
                "marker_unit": "reps",
            },
        ],
    },
    # ----------------------------------------------------------------- around
    {
        "slug": "seated-good-morning",
        "name": "Seated good morning",
        "region": "around",
        "order": 6,
        "summary": "Seated, hinge forward with a flat back and come back up, training your "
        "lower back to resist rounding.",
        "why_it_helps": (
            "This exercise trains the lower back to resist rounding. The goal is a strong, "
            "non-rounded position as you lean forward and come back up. It is easy to make "
            "lighter by using your hands to help or using less weight."
        ),
        "safety_notes": (
            "Never work through pain: lean only as far as you can keep your back from "
            "rounding, and go back a rung if it hurts. Move slowly; no bouncing at the bottom. "
            "Use lighter weights or help with your hands before you let your back round."
        ),
        "equipment": ["bench", "chair", "dumbbell"],
        "video_url": "",
        "rungs": [
            {
                "position": 1,
                "name": "Hands on thighs, helping the return",
                "stage": "assisted",
                "equipment": ["chair"],
                "instructions": (
                    "1. Sit on the front half of a sturdy bench or chair, feet flat and wider "
                    "than your hips.\n"
                    "2. Place your hands on your thighs and sit tall.\n"
                    "3. Keeping your back flat, lean forward from the hips, sliding your hands "
                    "down your thighs, only as far as your back stays unrounded.\n"
                    "4. Push on your thighs to help yourself back up to sitting tall."
                ),
                "cues": "Hinge at the hips\nBack flat, chest long\nHands help you up",
                "sets": 2,
                "reps": 10,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Reps",
                "marker_unit": "reps",
            },
            {
                "position": 2,
                "name": "Bodyweight, hands crossed on the chest",
                "stage": "bodyweight",
                "equipment": ["chair"],
                "instructions": (
                    "1. Sit on the front half of a sturdy bench or chair, feet flat and wider "
                    "than your hips.\n"
                    "2. Cross your arms over your chest and sit tall.\n"
                    "3. Keeping your back flat, lean forward from the hips only as far as your "
                    "back stays unrounded.\n"
                    "4. Come back up to sitting tall using your back and hips."
                ),
                "cues": "Resist rounding\nHinge at the hips\nSlow down, slow up",
                "sets": 2,
                "reps": 10,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Reps",
                "marker_unit": "reps",
            },
            {
                "position": 3,
                "name": "Light load held to the chest",
                "stage": "loaded",
                "equipment": ["bench", "dumbbell"],
                "instructions": (
                    "1. Sit on the front half of a sturdy bench, feet flat and wider than "
                    "your hips.\n"
                    "2. Hug a light dumbbell to your chest with both arms and sit tall.\n"
                    "3. Keeping your back flat, lean forward from the hips only as far as your "
                    "back stays unrounded.\n"
                    "4. Come back up to sitting tall."
                ),
                "cues": "Weight tight to the chest\nStrong, non-rounded back\nHinge at the hips",
                "sets": 3,
                "reps": 8,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Load",
                "marker_unit": "kg",
            },
            {
                "position": 4,
                "name": "Heavier load held to the chest",
                "stage": "loaded",
                "equipment": ["bench", "dumbbell"],
                "instructions": (
                    "1. Sit on the front half of a sturdy bench, feet flat and wider than "
                    "your hips.\n"
                    "2. Hug a heavier dumbbell to your chest; increase in small steps.\n"
                    "3. Keeping your back flat, lean forward from the hips only as far as your "
                    "back stays unrounded.\n"
                    "4. Come back up to sitting tall. Drop the weight if your back starts to "
                    "round."
                ),
                "cues": "Strong, non-rounded back\nSmall weight jumps\nSlow down, slow up",
                "sets": 3,
                "reps": 8,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Load",
                "marker_unit": "kg",
            },
        ],
    },
    {
        "slug": "slant-bar-squat",
        "name": "Slant bar squat",
        "region": "around",
        "order": 7,
        "summary": "Holding a bar, sink into a deep squat to gently mobilise the lower back.",
        "why_it_helps": (
            "Holding a bar lets you sink into a deep squat while your arms take some of your "
            "weight, so the lower back can lengthen and loosen. Modern shoes often leave the "
            "back tight, and this squat can ease it. Your grip width is an easy way to "
            "measure progress."
        ),
        "safety_notes": (
            "Never work through pain: go only as deep as is comfortable and go back a rung if "
            "it hurts. Make sure the bar is fixed and can hold your weight before you lean on "
            "it. Stand up slowly, using the bar, if you feel light-headed."
        ),
        "equipment": ["slant-bar"],
        "video_url": "",
        "rungs": [
            {
                "position": 1,
                "name": "Wide grip, shallow squat",
                "stage": "assisted",
                "equipment": ["slant-bar"],
                "instructions": (
                    "1. Stand facing a slant bar or another sturdy fixed bar, barefoot or in "
                    "flat shoes, feet about hip-width.\n"
                    "2. Hold the bar with both hands in a wide grip and measure the distance "
                    "between your hands.\n"
                    "3. Sit your hips down and back into a shallow squat, letting your arms "
                    "straighten and take some of your weight.\n"
                    "4. Breathe out and let your lower back relax for 2 to 3 seconds.\n"
                    "5. Stand back up, using the bar as much as you need."
                ),
                "cues": "Let the arms take the weight\nBreathe out at the bottom\nShallow and easy",
                "sets": 2,
                "reps": 8,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Grip width",
                "marker_unit": "cm",
            },
            {
                "position": 2,
                "name": "Moderate grip, deeper squat",
                "stage": "assisted",
                "equipment": ["slant-bar"],
                "instructions": (
                    "1. Stand facing the bar, feet about hip-width.\n"
                    "2. Hold the bar with a moderate grip, a little narrower than before.\n"
                    "3. Sit your hips down and back into a deeper squat, arms straight and "
                    "taking some of your weight.\n"
                    "4. Let your lower back relax for 2 to 3 seconds at the bottom.\n"
                    "5. Stand back up, using the bar as much as you need."
                ),
                "cues": (
                    "Sink, don't drop\nLet the lower back relax\nOnly as deep as is comfortable"
                ),
                "sets": 2,
                "reps": 8,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Grip width",
                "marker_unit": "cm",
            },
            {
                "position": 3,
                "name": "Narrower grip, full depth",
                "stage": "assisted",
                "equipment": ["slant-bar"],
                "instructions": (
                    "1. Stand facing the bar, feet about hip-width.\n"
                    "2. Hold the bar with a narrower grip.\n"
                    "3. Sit all the way down into a full squat, arms straight and taking some "
                    "of your weight.\n"
                    "4. Let your lower back relax for 2 to 3 seconds at the bottom.\n"
                    "5. Stand back up, using the bar as needed."
                ),
                "cues": "Full depth only if pain-free\nArms long, back relaxed\n"
                "Breathe out at the bottom",
                "sets": 2,
                "reps": 8,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Grip width",
                "marker_unit": "cm",
            },
            {
                "position": 4,
                "name": "Minimal hand support",
                "stage": "bodyweight",
                "equipment": ["slant-bar"],
                "instructions": (
                    "1. Stand facing the bar, feet about hip-width.\n"
                    "2. Rest your hands lightly on the bar, close together, just for "
                    "balance.\n"
                    "3. Sit down into a full squat with your legs carrying your weight.\n"
                    "4. Let your lower back relax for 2 to 3 seconds at the bottom.\n"
                    "5. Stand back up, gripping the bar only if you need to."
                ),
                "cues": "Hands for balance only\nLegs carry you\nRelax the lower back",
                "sets": 2,
                "reps": 8,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Grip width",
                "marker_unit": "cm",
            },
        ],
    },
    # ------------------------------------------------------ quadratus lumborum
    {
        "slug": "ql-stretch-and-strengthen",
        "name": "QL stretch and strengthen",
        "region": "quadratus-lumborum",
        "order": 8,
        "summary": "Side bends, seated and then against a wall, that stretch and strengthen "
        "the muscle on each side of your lower spine.",
        "why_it_helps": (
            "Side bends stretch and strengthen the quadratus lumborum (QL), the deep muscle on "
            "each side of the lower spine. Against a wall you can adjust the hand height, "
            "how far your feet are from the wall, and the load. It can be quite challenging, "
            "and it also helps the inner hamstrings."
        ),
        "safety_notes": (
            "Never work through pain: bend only as far as is comfortable and go back a rung if "
            "it hurts. Keep a pure side bend: no twisting and no leaning forwards or "
            "backwards. Move slowly in both directions and keep the wall hand firmly planted."
        ),
        "equipment": ["chair", "wall", "dumbbell"],
        "video_url": "",
        "rungs": [
            {
                "position": 1,
                "name": "Seated side bend off a chair edge",
                "stage": "bodyweight",
                "equipment": ["chair"],
                "instructions": (
                    "1. Sit on a sturdy armless chair, feet flat and hip-width apart.\n"
                    "2. Raise one arm overhead.\n"
                    "3. Slowly bend sideways away from that arm, letting the other hand slide "
                    "down past the seat edge towards the floor, until you feel a stretch along "
                    "the raised-arm side.\n"
                    "4. Pause for 2 seconds, then bring yourself back upright using the "
                    "muscles at your side.\n"
                    "5. Do all reps, then switch sides."
                ),
                "cues": "Pure side bend\nBoth hips stay on the seat\nUp slowly, using your side",
                "sets": 2,
                "reps": 8,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Fingertips above the floor",
                "marker_unit": "cm",
            },
            {
                "position": 2,
                "name": "Standing side bend, hand on the wall at shoulder height, feet close",
                "stage": "assisted",
                "equipment": ["wall"],
                "instructions": (
                    "1. Stand side-on to a wall with your feet together, close to the wall "
                    "(about 30 cm); measure the distance.\n"
                    "2. Place the hand nearest the wall flat on the wall at shoulder height, "
                    "arm straight.\n"
                    "3. Let your hips sway slowly towards the wall until you feel a stretch "
                    "along the side nearest the wall.\n"
                    "4. Pause for 2 seconds, then push your hips back away from the wall until "
                    "you stand straight.\n"
                    "5. Do all reps, then turn around and repeat."
                ),
                "cues": "Keep a pure side bend\nNo twisting\nHand stays planted",
                "sets": 2,
                "reps": 8,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Feet-to-wall distance",
                "marker_unit": "cm",
            },
            {
                "position": 3,
                "name": "Feet farther from the wall, or forearm on the wall",
                "stage": "assisted",
                "equipment": ["wall"],
                "instructions": (
                    "1. Stand side-on to the wall with your feet together, a few centimetres "
                    "farther away than before.\n"
                    "2. Place your hand on the wall at shoulder height, or, for more "
                    "challenge, your whole forearm.\n"
                    "3. Let your hips sway slowly towards the wall until you feel the stretch "
                    "along that side.\n"
                    "4. Pause for 2 seconds, then push your hips back away from the wall.\n"
                    "5. Do all reps, then turn around and repeat."
                ),
                "cues": "Keep a pure side bend\nFarther feet, harder work\nSlow both ways",
                "sets": 2,
                "reps": 8,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Feet-to-wall distance",
                "marker_unit": "cm",
            },
            {
                "position": 4,
                "name": "Higher hand position on the wall",
                "stage": "bodyweight",
                "equipment": ["wall"],
                "instructions": (
                    "1. Stand side-on to the wall, feet together at your usual distance.\n"
                    "2. Place the hand nearest the wall higher than your shoulder; measure its "
                    "height from the floor.\n"
                    "3. Let your hips sway slowly towards the wall until you feel the stretch "
                    "all along that side.\n"
                    "4. Pause for 2 seconds, then push your hips back away from the wall.\n"
                    "5. Do all reps, then turn around and repeat."
                ),
                "cues": "Keep a pure side bend\nReach tall through the wall hand\nNo twisting",
                "sets": 2,
                "reps": 8,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Hand height on the wall",
                "marker_unit": "cm",
            },
            {
                "position": 5,
                "name": "Holding a weight in the free hand",
                "stage": "loaded",
                "equipment": ["wall", "dumbbell"],
                "instructions": (
                    "1. Stand side-on to the wall and place the hand nearest the wall on it, "
                    "at your usual height and distance.\n"
                    "2. Hold a light dumbbell in the other hand, arm hanging by your side.\n"
                    "3. Let your hips sway slowly towards the wall until you feel the stretch "
                    "along the wall side.\n"
                    "4. Pause for 2 seconds, then push your hips back away from the wall.\n"
                    "5. Do all reps, then turn around and repeat. Add weight in small steps."
                ),
                "cues": "Keep a pure side bend\nWeight hangs straight down\nNo twisting",
                "sets": 3,
                "reps": 6,
                "hold_seconds": None,
                "per_side": True,
                "marker_name": "Load",
                "marker_unit": "kg",
            },
        ],
    },
    # ------------------------------------------------------------------ above
    {
        "slug": "pullover",
        "name": "Pullover",
        "region": "above",
        "order": 9,
        "summary": "Raise straight arms overhead while keeping your lower back flat, to free up "
        "the shoulders, lats and upper back.",
        "why_it_helps": (
            "Pullovers improve flexibility and strength in the shoulders, lats and upper back. "
            "When these are stiff, the lower back arches to make up for it whenever you reach "
            "overhead. Against a wall, your distance from the wall sets how hard it is; "
            "later you add weight gradually."
        ),
        "safety_notes": (
            "Never work through pain: stop and go back a rung if your back or shoulders hurt. "
            "Take the arms back only as far as your lower back stays unarched. Use a weight "
            "you can control all the way; if the weight pulls your arms back, it is too heavy."
        ),
        "equipment": ["wall", "mat", "dumbbell", "bench"],
        "video_url": "",
        "rungs": [
            {
                "position": 1,
                "name": "Back-to-wall arm raise, feet close to the wall",
                "stage": "assisted",
                "equipment": ["wall"],
                "instructions": (
                    "1. Stand with your back against a wall, heels close to it (about 10 cm), "
                    "knees soft; measure the heel distance.\n"
                    "2. Gently flatten your lower back towards the wall and keep it there.\n"
                    "3. With straight arms, raise your hands in front of you and up overhead "
                    "towards the wall.\n"
                    "4. Stop as soon as your lower back starts to lift off the wall; lower the "
                    "arms slowly."
                ),
                "cues": "Low back stays on the wall\nRibs down\n"
                "Only as far as the low back stays unarched",
                "sets": 2,
                "reps": 10,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Distance from wall",
                "marker_unit": "cm",
            },
            {
                "position": 2,
                "name": "Back-to-wall arm raise, feet farther from the wall",
                "stage": "bodyweight",
                "equipment": ["wall"],
                "instructions": (
                    "1. Stand with your back against the wall, heels a few centimetres "
                    "farther from it than before, knees soft.\n"
                    "2. Gently flatten your lower back towards the wall and keep it there.\n"
                    "3. With straight arms, raise your hands up overhead towards the wall.\n"
                    "4. Stop as soon as your lower back starts to lift off the wall; lower the "
                    "arms slowly."
                ),
                "cues": "Low back stays on the wall\nRibs down\nSlow up, slow down",
                "sets": 2,
                "reps": 10,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Distance from wall",
                "marker_unit": "cm",
            },
            {
                "position": 3,
                "name": "Floor pullover with a light weight",
                "stage": "loaded",
                "equipment": ["dumbbell"],
                "instructions": (
                    "1. Lie on your back on a mat, knees bent and feet flat.\n"
                    "2. Hold one light dumbbell with both hands above your chest, arms nearly "
                    "straight.\n"
                    "3. Gently flatten your lower back onto the mat.\n"
                    "4. Slowly lower the weight back behind your head, only as far as your "
                    "lower back stays on the mat.\n"
                    "5. Bring the weight back over your chest."
                ),
                "cues": "Only as far as the low back stays unarched\nRibs down\n"
                "Arms nearly straight",
                "sets": 3,
                "reps": 8,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Load",
                "marker_unit": "kg",
            },
            {
                "position": 4,
                "name": "Bench pullover, heavier",
                "stage": "loaded",
                "equipment": ["bench", "dumbbell"],
                "instructions": (
                    "1. Lie on your back along a flat bench, head supported, feet flat on the "
                    "floor or on the end of the bench.\n"
                    "2. Hold a dumbbell with both hands above your chest, arms nearly "
                    "straight; go up in weight in small steps.\n"
                    "3. Slowly lower the weight back behind your head, only as far as your "
                    "lower back stays flat on the bench.\n"
                    "4. Bring the weight back over your chest."
                ),
                "cues": "Only as far as the low back stays unarched\nRibs down\n"
                "Control the weight both ways",
                "sets": 3,
                "reps": 8,
                "hold_seconds": None,
                "per_side": False,
                "marker_name": "Load",
                "marker_unit": "kg",
            },
        ],
    },
]

# The sources as a person would look them up. The two videos are the ones summarised in
# /work/shared/seeds/ (000 and 004); rungs the videos do not describe were added by BackCare.
YOUTUBE_VIDEO = "YouTube video “Lower Back Exercises”"
GASS_VIDEO = (
    "Ashleigh Gass, strength and conditioning specialist (brilliantathlete.com), "
    "lower back exercises video in the Exercise & Fitness Tips series"
)

SOURCES = {
    "hip-flexor-stretch": f"{GASS_VIDEO}: the hip flexor stretch (belly button in, hips "
    "under, then shift slowly forward). The other rungs were added by BackCare.",
    "inner-thigh-stretch": f"{YOUTUBE_VIDEO}: the inner thigh stretch with a chair, an "
    "inclined bench or bodyweight. The Cossack squat rungs were added by BackCare.",
    "atg-split-squat": f"{YOUTUBE_VIDEO}: start with a chair and progress to flat ground. "
    "The cues were added by BackCare.",
    "glute-bridge": f"{GASS_VIDEO}: the butt bridge. Single-leg bridge test norms: "
    "Freckleton et al., British Journal of Sports Medicine, 2014.",
    "clamshell": f"{GASS_VIDEO}: the clam, knees at about 45 degrees, 10 to 20 per side. "
    "The band rungs were added by BackCare.",
    "seated-good-morning": f"{YOUTUBE_VIDEO}: resist rounding; make it easier with lighter "
    "weights or help from your hands.",
    "slant-bar-squat": f"{YOUTUBE_VIDEO}: mobilises the lower back; the grip width measures "
    "progress.",
    "ql-stretch-and-strengthen": f"{YOUTUBE_VIDEO}: against a wall, with the height and load "
    "adjusted to suit you.",
    "pullover": f"{YOUTUBE_VIDEO}: against a wall, where the distance from the wall sets the "
    "load; add weight gradually.",
}
