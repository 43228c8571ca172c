"""What the reminder sender reads: whose reminders may be due, each person's standing (two
queries a person, whatever their history), the week a summary tells, and a first guess at
practice days for the settings page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef, Q, Subquery

from backcare.accounts.models import User
from progress.models import (
    CheckIn,
    Plan,
    PlanExercise,
    ReminderSettings,
    SentReminder,
    SessionLog,
    Suggestion,
)
from progress.rules import reminders as rules
from progress.rules.engine import Action
from progress.rules.stats import mean

# Practice days offered before the person has chosen, when their history suggests none.
DEFAULT_DAYS = (0, 2, 4)
DEFAULT_TIME = time(18, 0)


def preferences(row: ReminderSettings, zone: str) -> rules.Preferences:
    return rules.Preferences(
        zone=zone,
        days=frozenset(row.days),
        at=row.at,
        checkin=row.checkin,
        enabled=row.practice,
        weekly=row.weekly_summary,
    )


def reminders_due(now: datetime) -> Iterator[tuple[ReminderSettings, rules.Reminder]]:
    """Every reminder due at `now` and not sent, to verified addresses only. Two queries,
    then two for each person who may have one due."""
    verified = EmailAddress.objects.filter(
        user=OuterRef("user"), email__iexact=OuterRef("user__email"), verified=True
    )
    rows = (
        ReminderSettings.objects.filter(Q(practice=True) | Q(weekly_summary=True))
        .filter(Exists(verified), user__is_active=True)
        .select_related("user")
    )
    recent = now.date() - timedelta(days=2)  # local today is within a day of UTC's
    sent: dict[int, set[str]] = {}
    for user_id, kind, day in SentReminder.objects.filter(day__gte=recent).values_list(
        "user_id", "kind", "day"
    ):
        sent.setdefault(user_id, set()).add(f"{kind}:{day.isoformat()}")
    for row in rows:
        prefs = preferences(row, row.user.time_zone)
        already = sent.get(row.user_id, set())
        if not rules.may_be_due(prefs, now, already, row.saved_at):
            continue
        standing = reminder_standing(row.user, row.user.local_today())
        for reminder in rules.due(prefs, standing, now, already, row.saved_at):
            yield row, reminder


def reminder_standing(user: User, today: date) -> rules.Standing:
    """What the rules need to know of the person's record on their local `today`."""
    sessions = SessionLog.objects.filter(user=OuterRef("pk"))
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            last_before=Subquery(sessions.filter(day__lt=today).order_by("-day").values("day")[:1]),
            logged_today=Exists(sessions.filter(day=today)),
            checked_in=Exists(CheckIn.objects.filter(user=OuterRef("pk"), day=today)),
            plan_paused=Exists(
                Plan.objects.filter(user=OuterRef("pk"), paused_for_safety_at__isnull=False)
            ),
            # Paused by a stop-and-seek-care suggestion, not by the person or their clinician.
            item_paused=Exists(
                PlanExercise.objects.filter(
                    plan__user=OuterRef("pk"),
                    is_paused=True,
                    paused_by=PlanExercise.PausedBy.SEEK_CARE,
                )
            ),
            step_down=Exists(
                Suggestion.objects.filter(
                    plan_exercise__plan__user=OuterRef("pk"),
                    decision=Suggestion.Decision.OPEN,
                    action=Action.REGRESS,
                )
            ),
            welcomed=Subquery(
                SentReminder.objects.filter(user=OuterRef("pk"), kind=rules.Kind.WELCOME_BACK)
                .order_by("-day")
                .values("day")[:1]
            ),
        )
        .values(
            "last_before",
            "logged_today",
            "checked_in",
            "plan_paused",
            "item_paused",
            "step_down",
            "welcomed",
        )
        .get()
    )
    days = {row["last_before"]} if row["last_before"] else set()
    if row["logged_today"]:
        days.add(today)
    return rules.Standing(
        session_days=frozenset(days),
        checked_in=frozenset({today}) if row["checked_in"] else frozenset(),
        paused_for_care=row["plan_paused"] or row["item_paused"],
        step_down_open=row["step_down"],
        welcomed_back_since=row["welcomed"],
    )


@dataclass(frozen=True)
class Week:
    """The week a summary tells: the seven days before `monday`, and the week before."""

    sessions: int
    pain_before: float | None  # mean of the week's sessions
    previous_pain_before: float | None
    next_steps: list[str]  # open suggestions, as Today words them


def week_summary(user: User, monday: date) -> Week:
    start = monday - timedelta(days=7)
    logs = SessionLog.objects.filter(user=user, day__gte=start - timedelta(days=7), day__lt=monday)
    this_week: list[int] = []
    last_week: list[int] = []
    for day, pain in logs.values_list("day", "pain_before"):
        (this_week if day >= start else last_week).append(pain)
    steps = Suggestion.objects.filter(
        plan_exercise__plan__user=user,
        plan_exercise__removed_at__isnull=True,
        decision=Suggestion.Decision.OPEN,
    ).exclude(action=Action.HOLD)
    return Week(
        sessions=len(this_week),
        pain_before=mean(this_week) if this_week else None,
        previous_pain_before=mean(last_week) if last_week else None,
        next_steps=[
            f"{name}: {summary}"
            for name, summary in steps.values_list("plan_exercise__exercise__name", "summary")
        ],
    )


def suggested_schedule(user: User, today: date) -> tuple[list[int], time]:
    """Practice days and a time to offer someone who has not chosen: the weekdays they
    logged on most in the last four weeks (at least twice each), else Monday, Wednesday
    and Friday; at six in the evening."""
    days = SessionLog.objects.filter(user=user, day__gte=today - timedelta(days=28)).values_list(
        "day", flat=True
    )
    counts = Counter(day.weekday() for day in days)
    usual = sorted(weekday for weekday, n in counts.items() if n >= 2)
    return (usual or list(DEFAULT_DAYS)), DEFAULT_TIME
