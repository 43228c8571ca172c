"""The red-flag screen (NHS pathway list, NICE NG59 1.1.1) as plain data and one pure rule.

No Django imports: the form, the check-in and the tests all read the same questions.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from progress.rules.dates import months_later


class Outcome(StrEnum):
    EMERGENCY = "emergency"
    SEE_DOCTOR = "see_doctor"
    NOT_CHECKED = "not_checked"
    CLEAR = "clear"


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    # A symptom that can appear between sessions; False for history that cannot change
    # ("a history of cancer"), which re-screening never asks about again.
    can_appear: bool = True


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
            Question("cancer_history", "A history of cancer", can_appear=False),
            Question("weight_loss", "Unexplained weight loss"),
            Question("night_pain", "Pain that is worse at night and does not ease with rest"),
            Question(
                "age_onset",
                "Back pain that started for the first time after 50 or before 20",
                can_appear=False,
            ),
        ),
    ),
    Group(
        "infection",
        "Signs that need a doctor: infection",
        False,
        (
            Question("fever", "Fever or chills"),
            Question("immune", "A weakened immune system", can_appear=False),
            Question("iv_drugs", "Intravenous drug use", can_appear=False),
        ),
    ),
    Group(
        "fracture",
        "Signs that need a doctor: fracture",
        False,
        (
            Question("fall", "A significant fall or accident"),
            Question("osteoporosis", "Osteoporosis or long-term steroid use", can_appear=False),
        ),
    ),
)

QUESTIONS: dict[str, Question] = {q.key: q for g in GROUPS for q in g.questions}
EMERGENCY_KEYS = frozenset(q.key for g in GROUPS if g.emergency for q in g.questions)
# What the check-in and "my symptoms changed" ask: only what can have appeared since.
CAN_APPEAR: tuple[Question, ...] = tuple(q for q in QUESTIONS.values() if q.can_appear)


def answers_after_change(previous: dict[str, bool] | None, appeared: list[str]) -> dict[str, bool]:
    """A whole screen's answers when symptoms appear: every yes given before stays (history
    does not change, and a symptom not ticked again has not gone away), plus what appeared."""
    previous = previous or {}
    return {key: bool(previous.get(key)) or key in appeared for key in QUESTIONS}


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


def clearance_current(assessed_on: date, today: date, *, valid_months: int) -> bool:
    """A clinician's clearance holds for `valid_months` from the day they assessed."""
    return assessed_on <= today < months_later(assessed_on, valid_months)


def may_exercise(outcome: str, assessed_on: date | None, today: date, *, valid_months: int) -> bool:
    """Clear, or a "see a doctor" answer that a clinician assessed and cleared, recently
    enough. An emergency is never cleared this way: only a new screen that answers no."""
    if outcome == Outcome.CLEAR:
        return True
    return (
        outcome == Outcome.SEE_DOCTOR
        and assessed_on is not None
        and clearance_current(assessed_on, today, valid_months=valid_months)
    )
