"""The red-flag screen (NHS pathway list, NICE NG59 1.1.1) as plain data and one pure rule.

No Django imports: the form, the check-in and the tests all read the same questions.
"""

from dataclasses import dataclass
from enum import StrEnum


class Outcome(StrEnum):
    EMERGENCY = "emergency"
    SEE_DOCTOR = "see_doctor"
    NOT_CHECKED = "not_checked"
    CLEAR = "clear"


@dataclass(frozen=True)
class Question:
    key: str
    text: str


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    emergency: bool
    questions: tuple[Question, ...]


GROUPS: tuple[Group, ...] = (
    Group(
        "cauda_equina",
        "Nerve compression (cauda equina) — an emergency",
        True,
        (
            Question(
                "bladder_bowel",
                "New loss of bladder or bowel control, or difficulty starting to urinate",
            ),
            Question("saddle_numbness", "Numbness in the saddle area (groin, buttocks, genitals)"),
            Question(
                "leg_weakness", "Severe or worsening weakness in the legs, or trouble walking"
            ),
            Question("bilateral_sciatica", "Sciatica (shooting pain) in both legs"),
        ),
    ),
    Group(
        "cancer",
        "Signs that need a doctor: cancer",
        False,
        (
            Question("cancer_history", "A history of cancer"),
            Question("weight_loss", "Unexplained weight loss"),
            Question("night_pain", "Pain that is worse at night and does not ease with rest"),
            Question(
                "age_onset", "Back pain that started for the first time after 50 or before 20"
            ),
        ),
    ),
    Group(
        "infection",
        "Signs that need a doctor: infection",
        False,
        (
            Question("fever", "Fever or chills"),
            Question("immune", "A weakened immune system"),
            Question("iv_drugs", "Intravenous drug use"),
        ),
    ),
    Group(
        "fracture",
        "Signs that need a doctor: fracture",
        False,
        (
            Question("fall", "A significant fall or accident"),
            Question("osteoporosis", "Osteoporosis or long-term steroid use"),
        ),
    ),
)

QUESTIONS: dict[str, Question] = {q.key: q for g in GROUPS for q in g.questions}
EMERGENCY_KEYS = frozenset(q.key for g in GROUPS if g.emergency for q in g.questions)


def screen_outcome(answers: dict[str, bool], *, clinician_checked: bool) -> Outcome:
    """Any emergency yes wins, then any other yes, then the clinician check."""
    flagged = {key for key, yes in answers.items() if yes}
    if flagged & EMERGENCY_KEYS:
        return Outcome.EMERGENCY
    if flagged:
        return Outcome.SEE_DOCTOR
    if not clinician_checked:
        return Outcome.NOT_CHECKED
    return Outcome.CLEAR


def flagged_questions(answers: dict[str, bool]) -> list[Question]:
    return [QUESTIONS[key] for key, yes in answers.items() if yes and key in QUESTIONS]
