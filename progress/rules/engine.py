"""Progression rules from DOMAIN.md as pure functions: logged sessions in, one explained step out.

No Django imports: the web layer turns rows into `Entry` values and settings into `Thresholds`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction

from progress.rules.dates import day_month
from progress.rules.stats import exact_mean

EASE_WORDS: dict[int, str] = {
    1: "could not complete the dose",
    2: "hard",
    3: "challenging but doable",
    4: "comfortable",
    5: "easy, could do much more",
}


class Action(StrEnum):
    """What the user is advised to do next with one plan exercise."""

    SEEK_CARE = "seek_care"
    REGRESS = "regress"
    PROGRESS = "progress"
    HOLD = "hold"


class Rule(StrEnum):
    """Short names of the rules, stored with each suggestion so a decision can be audited."""

    RED_FLAG = "red flag"
    SEVERE_PAIN = "severe pain"
    NO_SMALLER_DOSE = "no smaller dose"
    PAIN_TOO_HIGH = "pain too high"
    DID_NOT_SETTLE = "did not settle"
    COULD_NOT_COMPLETE = "could not complete"
    TWO_FOR_TWO = "2-for-2"
    WEEKLY_GUARD = "weekly guard"
    NOT_ENOUGH_DATA = "not enough data"
    NOT_READY = "not ready yet"


@dataclass(frozen=True)
class Dose:
    """A prescription: sets of either reps or a hold in seconds."""

    sets: int
    reps: int | None
    hold_seconds: int | None
    per_side: bool

    def __post_init__(self) -> None:
        if (self.reps is None) == (self.hold_seconds is None):
            raise ValueError("A dose has exactly one of reps or hold_seconds.")
        if self.sets < 1 or self.amount < 1:
            raise ValueError("Sets, reps and hold seconds must be at least 1.")

    @property
    def amount(self) -> int:
        """Reps or seconds, whichever this dose counts."""
        return self.reps or self.hold_seconds or 0  # 0 only while __post_init__ rejects it

    def __str__(self) -> str:
        unit = ("rep" if self.reps == 1 else "reps") if self.reps is not None else "s"
        side = " per side" if self.per_side else ""
        return f"{self.sets} × {self.amount} {unit}{side}"


@dataclass(frozen=True)
class Entry:
    """One logged exercise in one session, with the ratings the user reported."""

    day: date
    rung_position: int
    baseline_pain: int | None
    pain_during: int
    ease: int
    full_dose: bool
    next_morning_pain: int | None

    def __post_init__(self) -> None:
        # Fail loudly: a rating out of range would silently bend every rule below.
        pains = (self.baseline_pain, self.pain_during, self.next_morning_pain)
        if any(p is not None and not 0 <= p <= 10 for p in pains):
            raise ValueError("Pain ratings are 0-10.")
        if self.ease not in EASE_WORDS:
            raise ValueError("Ease is 1-5.")
        if self.rung_position < 1:
            raise ValueError("Rung positions start at 1.")


@dataclass(frozen=True)
class Thresholds:
    """Rule numbers; the defaults are DOMAIN.md's, settings may tune them."""

    seek_care_pain: int = 8
    regress_pain: int = 6
    progress_max_pain: int = 3
    settle_margin: int = 2
    progress_min_ease: int = 4
    regress_ease: int = 1
    sessions_to_progress: int = 2
    weekly_guard_rise: float = 2.0
    top_rung_rep_step: int = 2
    top_rung_hold_step: int = 5


@dataclass(frozen=True)
class Suggestion:
    """The engine's answer: an action, where it leads, and why."""

    action: Action
    target_position: int | None
    dose: Dose | None
    rule: str
    reasons: tuple[str, ...]
    current_position: int | None = None  # only used to word the summary

    @property
    def summary(self) -> str:
        """One line for the user, e.g. "Move up to rung 3"."""
        here = "this rung" if self.current_position is None else f"rung {self.current_position}"
        if self.action is Action.SEEK_CARE:
            return "Stop and seek care"
        if self.target_position is not None:
            verb = "Move up" if self.action is Action.PROGRESS else "Step down"
            return f"{verb} to rung {self.target_position}"
        if self.dose is not None:
            change = "a bigger" if self.action is Action.PROGRESS else "a smaller"
            return f"Stay on {here} with {change} dose: {self.dose}"
        return f"Stay on {here}"


def _num(value: Fraction) -> str:
    """A mean for a sentence: "2" or "2.5", never "2.0"."""
    return str(int(value)) if value.denominator == 1 else f"{float(value):.1f}"


def weekly_guard_tripped(
    morning_pains: Sequence[tuple[date, int]],
    today: date,
    thresholds: Thresholds = Thresholds(),  # noqa: B008 - frozen, so a shared default is safe
) -> tuple[bool, str | None]:
    """Whether this week's mean morning pain rose enough above last week's to block progress."""
    this_week = [p for d, p in morning_pains if today - timedelta(days=6) <= d <= today]
    last_week = [
        p for d, p in morning_pains if today - timedelta(days=13) <= d <= today - timedelta(days=7)
    ]
    if not this_week or not last_week:
        return False, None  # no comparison without both weeks
    now, before = exact_mean(this_week), exact_mean(last_week)
    rise = now - before
    if rise < Fraction(thresholds.weekly_guard_rise):
        return False, None
    return True, (
        f"Your average morning pain over the last 7 days ({_num(now)}/10) is {_num(rise)} above "
        f"the 7 days before ({_num(before)}/10), so no exercise moves up this week."
    )


def smaller_dose(dose: Dose) -> Dose | None:
    """About 25% less work at rung 1, or None when the dose is already the smallest."""
    if dose.reps is not None:
        # (3n + 2) // 4 is 0.75n rounded half up; Python's round() would send 7.5 to 8 but 4.5 to 4.
        reps = max(1, min(dose.reps - 1, (dose.reps * 3 + 2) // 4))
        return None if reps == dose.reps else replace(dose, reps=reps)
    hold = max(5, min(dose.amount - 5, (dose.amount * 3 + 2) // 4))
    return None if hold >= dose.amount else replace(dose, hold_seconds=hold)


def bigger_dose(dose: Dose, thresholds: Thresholds = Thresholds()) -> Dose:  # noqa: B008
    """The next dose at the top rung: a few more reps or seconds, sets unchanged."""
    if dose.reps is not None:
        return replace(dose, reps=dose.reps + thresholds.top_rung_rep_step)
    return replace(dose, hold_seconds=dose.amount + thresholds.top_rung_hold_step)


def _settled(entry: Entry, th: Thresholds) -> bool:
    """Next-morning pain is known and back near the session's baseline."""
    if entry.next_morning_pain is None:
        return False
    if entry.baseline_pain is None:
        # No baseline to compare with: only a next-morning pain in the safe zone counts as settled.
        return entry.next_morning_pain <= th.progress_max_pain
    return entry.next_morning_pain < entry.baseline_pain + th.settle_margin


def _did_not_settle(entry: Entry, th: Thresholds) -> str | None:
    """A sentence when next-morning pain shows the session flared the back, else None."""
    morning, before = entry.next_morning_pain, entry.baseline_pain
    when = day_month(entry.day)
    if morning is None:
        return None
    if before is None:
        # Without a baseline, only a next-morning pain in the too-much zone is proof of a flare.
        if morning < th.regress_pain:
            return None
        return (
            f"Next-morning pain after the session on {when} was {morning}/10 with no pain-before "
            f"rating logged: {th.regress_pain}/10 or more means your back did not settle."
        )
    if morning < before + th.settle_margin:
        return None
    return (
        f"Next-morning pain was {morning}/10, {morning - before} above your {before}/10 before "
        f"the session on {when}: your back did not settle."
    )


def _shortfalls(entry: Entry, th: Thresholds) -> tuple[list[str], list[str]]:
    """What keeps one session from counting towards 2-for-2: (missing data, not good enough)."""
    when = day_month(entry.day)
    missing: list[str] = []
    short: list[str] = []
    if entry.pain_during > th.progress_max_pain:
        zone = (
            f"too much ({th.regress_pain}/10 or more)"
            if entry.pain_during >= th.regress_pain
            else f"acceptable, but above {th.progress_max_pain}/10"
        )
        short.append(f"Pain during the session on {when} reached {entry.pain_during}/10: {zone}.")
    if entry.ease < th.progress_min_ease:
        short.append(
            f"Ease on {when} was {entry.ease} ({EASE_WORDS[entry.ease]}); "
            f"{th.progress_min_ease} ({EASE_WORDS[th.progress_min_ease]}) or more is needed."
        )
    if not entry.full_dose:
        short.append(f"The full dose was not completed on {when}.")
    morning, before = entry.next_morning_pain, entry.baseline_pain
    if morning is None:
        missing.append(f"No next-morning check-in yet for the session on {when}.")
    elif not _settled(entry, th):
        short.append(
            f"Next-morning pain after the session on {when} was {morning}/10 with no pain-before "
            f"rating logged; {th.progress_max_pain}/10 or below counts as settled."
            if before is None
            else f"Next-morning pain after the session on {when} was {morning}/10, "
            f"{morning - before} above your {before}/10 before; it should be less than "
            f"{th.settle_margin} above."
        )
    return missing, short


def _ready_reason(days: Sequence[Entry], th: Thresholds) -> str:
    """The 2-for-2 sentence, naming each session's numbers."""

    def listed(values: Sequence[object], unit: str = "") -> str:
        return " and ".join(f"{v}{unit}" for v in values)

    return (
        f"Pain stayed at {th.progress_max_pain}/10 or below in your last {len(days)} sessions, on "
        f"{listed([day_month(e.day) for e in days])} "
        f"({listed([e.pain_during for e in days], '/10')}); each felt at least "
        f"{EASE_WORDS[th.progress_min_ease]} (ease {listed([e.ease for e in days])}); you did "
        f"the full dose; and your back settled by the next morning "
        f"({listed([e.next_morning_pain for e in days], '/10')})."
    )


def suggest_next_step(
    *,
    entries: Sequence[Entry],
    current_position: int,
    rung_count: int,
    dose: Dose,
    red_flag: bool = False,
    morning_pains: Sequence[tuple[date, int]] = (),
    today: date,
    thresholds: Thresholds = Thresholds(),  # noqa: B008 - frozen, so a shared default is safe
) -> Suggestion:
    """Apply DOMAIN.md's progression rules (first match wins) to one plan exercise."""
    if not 1 <= current_position <= rung_count:
        raise ValueError(f"Rung {current_position} is not on a ladder of {rung_count}.")
    th = thresholds

    def suggest(
        action: Action,
        rule: Rule,
        reasons: Sequence[str],
        target: int | None = None,
        new_dose: Dose | None = None,
    ) -> Suggestion:
        return Suggestion(
            action=action,
            target_position=target,
            dose=new_dose,
            rule=rule,
            reasons=tuple(reasons),
            current_position=current_position,
        )

    # Stable sort by day: entries carry no time, so within a day the caller's order is all we have.
    here = sorted((e for e in entries if e.rung_position == current_position), key=lambda e: e.day)
    # Safety rules read every entry on the latest day, so a bad same-day session is never hidden
    # behind a later one whatever order the caller used.
    last_day = [e for e in here if e.day == here[-1].day] if here else []
    worst = max(last_day, key=lambda e: e.pain_during) if last_day else None

    # 1. Seek care.
    care: list[str] = []
    if red_flag:
        care.append(
            "A red-flag symptom was reported: pause your plan and contact your doctor; go to an "
            "emergency department now for new bladder or bowel problems, numbness in the saddle "
            "area or worsening weakness in the legs."
        )
    if worst is not None and worst.pain_during >= th.seek_care_pain:
        care.append(
            f"Pain during the session on {day_month(worst.day)} reached {worst.pain_during}/10: "
            f"stop this exercise and contact your physiotherapist or doctor."
        )
    if care:
        return suggest(Action.SEEK_CARE, Rule.RED_FLAG if red_flag else Rule.SEVERE_PAIN, care)

    # 2. Regress: collect every trigger so the user sees all the numbers, name the first.
    triggers: list[tuple[Rule, str]] = []
    if worst is not None and worst.pain_during >= th.regress_pain:
        triggers.append(
            (
                Rule.PAIN_TOO_HIGH,
                f"Pain during the session on {day_month(worst.day)} reached "
                f"{worst.pain_during}/10, which is too much ({th.regress_pain}/10 or more).",
            )
        )
    flare = next(filter(None, (_did_not_settle(e, th) for e in last_day)), None)
    if flare:
        triggers.append((Rule.DID_NOT_SETTLE, flare))
    last_two = here[-2:]
    if len(last_two) == 2 and all(e.ease <= th.regress_ease for e in last_two):
        triggers.append(
            (
                Rule.COULD_NOT_COMPLETE,
                f"Ease was {th.regress_ease} ({EASE_WORDS[th.regress_ease]}) in your last 2 "
                f"sessions, on {day_month(last_two[0].day)} and {day_month(last_two[1].day)}.",
            )
        )
    if triggers:
        rule, reasons = triggers[0][0], [text for _, text in triggers]
        if current_position > 1:
            return suggest(Action.REGRESS, rule, reasons, target=current_position - 1)
        less = smaller_dose(dose)
        if less is None:
            # "Everything regresses": with no easier rung or dose left, a clinician decides.
            reasons.append(
                f"You are on rung 1 at the smallest dose ({dose}), so there is no easier step: "
                f"pause this exercise and ask your physiotherapist or doctor how to continue."
            )
            return suggest(Action.SEEK_CARE, Rule.NO_SMALLER_DOSE, reasons)
        reasons.append(f"You are already on rung 1, so lower the dose from {dose} to {less}.")
        return suggest(Action.REGRESS, rule, reasons, new_dose=less)

    # 3. Progress (2-for-2): the last N sessions at this rung, every session counting, must be
    # good and fall on different days.
    if not here:
        return suggest(Action.HOLD, Rule.NOT_ENOUGH_DATA, ["No sessions logged at this rung yet."])
    needed = th.sessions_to_progress
    days = here[-needed:]
    missing: list[str] = []
    short: list[str] = []
    if len(days) < needed:
        missing.append(
            f"Only {len(days)} session{'s' if len(days) != 1 else ''} logged at this rung; "
            f"{needed} on different days are needed before moving up."
        )
    elif len({e.day for e in days}) < needed:
        missing.append(
            f"Your last {needed} sessions at this rung were on the same day "
            f"({day_month(days[-1].day)}); {needed} on different days are needed before "
            f"moving up, so log the next one on another day."
        )
    for entry in days:
        gaps, faults = _shortfalls(entry, th)
        missing += gaps
        short += faults
    if missing or short:
        rule = Rule.NOT_READY if short else Rule.NOT_ENOUGH_DATA
        return suggest(Action.HOLD, rule, short + missing)

    ready = _ready_reason(days, th)
    tripped, guard = weekly_guard_tripped(morning_pains, today, th)
    if tripped and guard:
        return suggest(Action.HOLD, Rule.WEEKLY_GUARD, [guard, ready])
    if current_position < rung_count:
        return suggest(Action.PROGRESS, Rule.TWO_FOR_TWO, [ready], target=current_position + 1)
    more = bigger_dose(dose, th)
    top = f"You are on the top rung ({rung_count}), so raise the dose from {dose} to {more}."
    return suggest(Action.PROGRESS, Rule.TWO_FOR_TWO, [ready, top], new_dose=more)
