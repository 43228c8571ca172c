"""Simulated users and their day-by-day history, as rows ready for COPY. No Django imports.

The simulation walks the calendar one day at a time for every user at once, so rows land in
the tables in the order a live site would write them (users interleaved), not user by user.
Each user follows the app's own flow: a clear safety screen, a plan from a template plus a
few catalog exercises, a session on most days with one entry per exercise, a check-in the
next morning, a fresh suggestion per exercise after each session (superseding the open
one), and now and then an accepted move up (or down) the ladder with its rung change.
"""

from __future__ import annotations

import json
import random
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from progress.rules.dates import day_month
from progress.rules.engine import EASE_WORDS
from progress.rules.red_flags import QUESTIONS

# Column order of each table's rows (Django attnames); the generator COPYs them in this order.
COLUMNS = {
    "user": (
        "id", "password", "is_superuser", "email", "display_name", "time_zone", "is_staff",
        "is_active", "date_joined",
    ),
    "screen": ("id", "user_id", "answered_at", "answers", "clinician_checked", "outcome"),
    "plan": ("id", "user_id", "template_id", "started_at"),
    "item": ("id", "plan_id", "exercise_id", "rung_id", "order", "added_at"),
    "rung_change": (
        "id", "plan_exercise_id", "changed_at", "from_rung_id", "to_rung_id", "source", "reason",
    ),
    "session": (
        "id", "user_id", "day", "pain_before", "note", "submission_key", "created_at",
        "updated_at",
    ),
    "entry": (
        "id", "session_id", "plan_exercise_id", "exercise_id", "rung_id", "skipped",
        "prescribed_sets", "prescribed_amount", "sets_done", "amount_done", "pain_during",
        "ease", "marker_value", "note",
    ),
    "checkin": ("id", "user_id", "day", "morning_pain", "red_flags", "created_at"),
    "suggestion": (
        "id", "plan_exercise_id", "created_at", "action", "rule", "summary", "reasons",
        "from_rung_id", "target_rung_id", "basis", "decision", "decided_at",
    ),
    "psfs_activity": ("id", "user_id", "position", "name", "created_at"),
    "psfs_rating": ("id", "activity_id", "day", "score", "created_at"),
}  # fmt: skip

TIME_ZONES = (
    "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles",
    "Asia/Tokyo", "Australia/Sydney", "UTC",
)  # fmt: skip
PSFS_ACTIVITIES = (
    "Putting on socks", "Sitting through a film", "Lifting a child", "Gardening",
    "Getting out of the car", "Running for the bus", "Carrying shopping",
)  # fmt: skip
SESSION_NOTES = ("Felt stiff at first.", "Did it after a walk.", "Short on time.", "Good day.")
ENTRY_NOTES = ("Left side tighter.", "Slow and controlled.", "Used a cushion.")
PSFS_EVERY_DAYS = 14
NO_FLAGS = json.dumps([])
CLEAR_ANSWERS = json.dumps(dict.fromkeys(QUESTIONS, False))


@dataclass(frozen=True)
class RungInfo:
    id: int
    position: int
    sets: int
    amount: int


@dataclass(frozen=True)
class ExerciseInfo:
    id: int
    rungs: tuple[RungInfo, ...]  # easiest first


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    name: str
    items: tuple[tuple[int, int], ...]  # (exercise id, starting rung position)


@dataclass(frozen=True)
class Profile:
    """Who a simulated user is: the account, the habits, and how much history."""

    email: str
    days: int
    template: int  # index into the templates
    exercises: int  # the template's, then catalog ones up to this many
    time_zone: str
    adherence: float  # chance of a session on any day
    checkin_rate: float  # chance of a check-in the morning after a session
    seed: int


class Ids:
    """Hands out primary keys per table, from the first free one."""

    def __init__(self, first: dict[str, int]):
        self._next = dict(first)

    def __call__(self, table: str) -> int:
        value = self._next[table]
        self._next[table] = value + 1
        return value


@dataclass
class _Item:
    id: int
    plan_id: int
    order: int
    added_at: datetime
    exercise: ExerciseInfo
    position: int
    ready_after: int  # sessions at this rung before a move up is suggested
    at_rung: int = 0
    open: tuple | None = None  # the open suggestion's row, written once it is decided

    @property
    def rung(self) -> RungInfo:
        return self.exercise.rungs[self.position - 1]


@dataclass
class _Member:
    profile: Profile
    rng: random.Random
    user_id: int
    zone: ZoneInfo
    start: date
    items: list[_Item] = field(default_factory=list)
    activities: list[int] = field(default_factory=list)
    last_session: date | None = None
    last_entry: int = 0
    last_checkin: int = 0
    pending_move: list[_Item] = field(default_factory=list)


class Simulation:
    """Turns profiles into rows: `rows[table]` is a list of tuples in COLUMNS order."""

    def __init__(
        self,
        catalog: list[ExerciseInfo],
        templates: list[TemplateInfo],
        ids: Ids,
        password_hash: str,
        today: date,
    ):
        self.catalog = {e.id: e for e in catalog}
        self.templates = templates
        self.ids = ids
        self.password_hash = password_hash
        self.today = today
        self.rows: dict[str, list[tuple]] = defaultdict(list)

    def run(self, profiles: list[Profile]) -> dict[str, list[tuple]]:
        members = [self._join(p) for p in profiles]
        first = min(m.start for m in members)
        for n in range((self.today - first).days):
            day = first + timedelta(days=n)
            for member in members:
                if member.start <= day:
                    self._live(member, day)
        for member in members:
            for item in member.items:
                # Written last: a plan exercise stands on the rung its history led to.
                self.rows["item"].append(
                    (item.id, item.plan_id, item.exercise.id, item.rung.id, item.order,
                     item.added_at)
                )  # fmt: skip
                if item.open is not None:
                    self.rows["suggestion"].append(item.open)
        return self.rows

    def _at(self, member: _Member, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), tzinfo=member.zone)

    def _join(self, p: Profile) -> _Member:
        rng = random.Random(p.seed)
        member = _Member(
            profile=p,
            rng=rng,
            user_id=self.ids("user"),
            zone=ZoneInfo(p.time_zone),
            start=self.today - timedelta(days=p.days),
        )
        joined = self._at(member, member.start, 8)
        name = p.email.split("@")[0].replace("-", " ").title()
        self.rows["user"].append(
            (member.user_id, self.password_hash, False, p.email, name, p.time_zone, False, True,
             joined)
        )  # fmt: skip
        self.rows["screen"].append(
            (self.ids("screen"), member.user_id, joined, CLEAR_ANSWERS, True, "clear")
        )  # fmt: skip
        template = self.templates[p.template]
        plan_id = self.ids("plan")
        self.rows["plan"].append((plan_id, member.user_id, template.id, joined))
        chosen = list(template.items)
        others = [e for e in self.catalog if e not in {x for x, _ in chosen}]
        extra = min(max(p.exercises - len(chosen), 0), len(others))
        chosen += [(e, 1) for e in rng.sample(others, extra)]
        for order, (exercise_id, position) in enumerate(chosen, start=1):
            item = _Item(
                id=self.ids("item"),
                plan_id=plan_id,
                order=order,
                added_at=joined,
                exercise=self.catalog[exercise_id],
                position=position,
                ready_after=rng.randint(8, 20),
            )
            member.items.append(item)
            self.rows["rung_change"].append(
                (self.ids("rung_change"), item.id, joined, None, item.rung.id, "start",
                 f"Started the “{template.name}” plan on rung {position}.")
            )  # fmt: skip
        for position, activity in enumerate(rng.sample(PSFS_ACTIVITIES, 3), start=1):
            activity_id = self.ids("psfs_activity")
            member.activities.append(activity_id)
            self.rows["psfs_activity"].append(
                (activity_id, member.user_id, position, activity, joined)
            )
        return member

    def _live(self, member: _Member, day: date) -> None:
        rng = member.rng
        progress = (day - member.start).days / max(member.profile.days, 1)
        if member.last_session == day - timedelta(days=1) and rng.random() < (
            member.profile.checkin_rate
        ):
            member.last_checkin = self.ids("checkin")
            self.rows["checkin"].append(
                (member.last_checkin, member.user_id, day, _pain(rng, 4 - 3 * progress),
                 NO_FLAGS, self._at(member, day, 7, rng.randint(0, 59)))
            )  # fmt: skip
        for item in member.pending_move:
            self._decide(member, item, self._at(member, day, 7, 45))
        member.pending_move = []
        if (day - member.start).days % PSFS_EVERY_DAYS == 0:
            score = min(10, max(0, round(3 + 5 * progress + rng.uniform(-1, 1))))
            for activity_id in member.activities:
                self.rows["psfs_rating"].append(
                    (self.ids("psfs_rating"), activity_id, day, score, self._at(member, day, 8))
                )
        if rng.random() < member.profile.adherence:
            self._session(member, day, _pain(rng, 5 - 3 * progress))

    def _session(self, member: _Member, day: date, pain_before: int) -> None:
        rng = member.rng
        session_id = self.ids("session")
        at = self._at(member, day, rng.randint(6, 21), rng.randint(0, 59))
        note = rng.choice(SESSION_NOTES) if rng.random() < 0.1 else ""
        key = uuid.UUID(int=rng.getrandbits(128), version=4)
        self.rows["session"].append(
            (session_id, member.user_id, day, pain_before, note, key, at, at)
        )
        entries = self.rows["entry"]
        for item in member.items:
            rung = item.rung
            entry_id = self.ids("entry")
            member.last_entry = entry_id
            if rng.random() < 0.05:
                entries.append(
                    (entry_id, session_id, item.id, item.exercise.id, rung.id, True, rung.sets,
                     rung.amount, None, None, None, None, None, "")
                )  # fmt: skip
                continue
            marker = f"{rng.uniform(5, 60):.1f}" if rng.random() < 0.3 else None
            entries.append(
                (entry_id, session_id, item.id, item.exercise.id, rung.id, False, rung.sets,
                 rung.amount, rung.sets, rung.amount, rng.randint(0, 3), rng.randint(3, 5),
                 marker, rng.choice(ENTRY_NOTES) if rng.random() < 0.03 else "")
            )  # fmt: skip
            item.at_rung += 1
        member.last_session = day
        for item in member.items:
            self._suggest(member, item, day, at + timedelta(seconds=1))

    def _suggest(self, member: _Member, item: _Item, day: date, at: datetime) -> None:
        """After a session: a new suggestion replaces the open one, as suggestions_refresh does."""
        rung, top = item.rung, len(item.exercise.rungs)
        basis = f"e{member.last_entry}.c{member.last_checkin}.r{rung.id}.dNone"
        if item.open is not None:
            self.rows["suggestion"].append(_decided(item.open, "superseded", None))
        if item.position < top and item.at_rung >= item.ready_after:
            action, target, rule = "progress", item.position + 1, "2-for-2"
            summary = f"Move up to rung {target}"
            reasons = [
                f"Pain stayed at 3/10 or below in your last 2 sessions, on {day_month(day)}; "
                f"each felt at least {EASE_WORDS[4]}; you did the full dose; and your back "
                f"settled by the next morning."
            ]
            member.pending_move.append(item)
        elif item.position > 1 and member.rng.random() < 0.004:
            action, target, rule = "regress", item.position - 1, "pain too high"
            summary = f"Step down to rung {target}"
            reasons = [f"Pain during the session on {day_month(day)} reached 6/10, too much."]
            member.pending_move.append(item)
        else:
            action, target, rule = "hold", None, "not ready yet"
            summary = f"Stay on rung {item.position}"
            reasons = [
                f"Only {item.at_rung} sessions logged at this rung; more are needed.",
                f"No next-morning check-in yet for the session on {day_month(day)}.",
            ]
        target_id = item.exercise.rungs[target - 1].id if target else None
        item.open = (
            self.ids("suggestion"), item.id, at, action, rule, summary, json.dumps(reasons),
            rung.id, target_id, basis, "open", None,
        )  # fmt: skip

    def _decide(self, member: _Member, item: _Item, at: datetime) -> None:
        """The morning after: most moves are accepted, some declined."""
        suggestion, item.open = item.open, None
        assert suggestion is not None, "decided without an open suggestion"
        if member.rng.random() < 0.15:
            self.rows["suggestion"].append(_decided(suggestion, "declined", at))
            item.ready_after += 3
            return
        self.rows["suggestion"].append(_decided(suggestion, "accepted", at))
        old = item.rung
        item.position = item.position + (1 if suggestion[3] == "progress" else -1)
        item.at_rung, item.ready_after = 0, member.rng.randint(8, 20)
        self.rows["rung_change"].append(
            (self.ids("rung_change"), item.id, at, old.id, item.rung.id, "suggestion",
             f"{suggestion[5]}: " + " ".join(json.loads(suggestion[6])))
        )  # fmt: skip


def _decided(row: tuple, decision: str, at: datetime | None) -> tuple:
    return (*row[:10], decision, at)


def _pain(rng: random.Random, centre: float) -> int:
    return min(10, max(0, round(rng.gauss(centre, 1.2))))


def population(users: int, days: int, seed: int) -> list[Profile]:
    """The crowd: varied habits, time zones and plans, all with `days` of history."""
    rng = random.Random(seed)
    return [
        Profile(
            email=f"user{n:05d}@bench.invalid",
            days=days,
            template=rng.randrange(2),
            exercises=rng.randint(4, 6),
            time_zone=rng.choice(TIME_ZONES),
            adherence=rng.uniform(0.55, 0.95),
            checkin_rate=rng.uniform(0.5, 0.9),
            seed=rng.getrandbits(32),
        )
        for n in range(users)
    ]


def cohort(label: str, days: int, size: int, seed: int) -> list[Profile]:
    """Identical users but for the length of their history: the growth comparison."""
    return [
        Profile(
            email=f"growth-{label}-{n:02d}@bench.invalid",
            days=days,
            template=1,  # "Whole chain": four exercises, plus one from the catalog
            exercises=5,
            time_zone="Europe/London",
            adherence=0.8,
            checkin_rate=0.75,
            seed=seed + n,
        )
        for n in range(size)
    ]
