"""The Patient-Specific Functional Scale: naming activities, rating them, and the score."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction

from django.db import transaction
from django.db.models import Exists, OuterRef

from backcare.accounts.models import User
from progress.models import PsfsActivity, PsfsRating
from progress.rules.dates import day_month
from progress.rules.stats import exact_mean
from progress.services.locks import lock_user

# Stratford 1995: a change of 2 points in the mean is meaningful.
MEANINGFUL_CHANGE = 2
RERATE_AFTER_DAYS = 14


@dataclass(frozen=True)
class ActivityRating:
    """What the user typed for one slot: a named activity and today's 0–10 rating."""

    position: int
    name: str
    score: int


@dataclass(frozen=True)
class Score:
    """The PSFS score on one day: the mean of that day's ratings."""

    day: date
    mean: Fraction
    ratings: int


def current_activities(user: User) -> list[PsfsActivity]:
    return list(PsfsActivity.objects.filter(user=user, retired_at__isnull=True))


def latest_ratings(activities: list[PsfsActivity]) -> dict[int, PsfsRating]:
    """Each activity's most recent rating, by activity id, in one query."""
    latest: dict[int, PsfsRating] = {}
    for rating in PsfsRating.objects.filter(activity__in=activities).order_by("-day"):
        latest.setdefault(rating.activity_id, rating)
    return latest


def _same_name(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


@transaction.atomic
def psfs_rate(*, user: User, day: date, ratings: list[ActivityRating], now: datetime) -> None:
    """Store one day's ratings; a renamed or dropped activity is retired, keeping its history."""
    # Two submits at once would both find a slot empty and both name an activity for it.
    lock_user(user)
    current = {
        a.position: a
        for a in PsfsActivity.objects.filter(user=user, retired_at=None).annotate(
            rated=Exists(PsfsRating.objects.filter(activity=OuterRef("pk")))
        )
    }
    typed = {r.position: r for r in ratings}
    for position, activity in list(current.items()):
        new = typed.get(position)
        # A rating belongs to the activity as it was named then: only an unrated activity,
        # or a change of case and spacing, is a plain rename.
        if new is not None and (not activity.rated or _same_name(new.name, activity.name)):
            if new.name != activity.name:
                activity.name = new.name
                activity.save(update_fields=["name"])
            continue
        del current[position]
        # Today's rating is being replaced, not added to: only earlier days are history.
        activity.ratings.filter(day=day).delete()
        if not activity.ratings.exists():
            activity.delete()
            continue
        activity.retired_at = now
        activity.save(update_fields=["retired_at"])
    for r in ratings:
        slot_activity = current.get(r.position) or PsfsActivity.objects.create(
            user=user, position=r.position, name=r.name, created_at=now
        )
        PsfsRating.objects.update_or_create(
            activity=slot_activity, day=day, defaults={"score": r.score, "created_at": now}
        )


def scores(rows: Iterable[tuple[date, int]]) -> list[Score]:
    """Daily means from (day, score) rows, oldest first."""
    by_day: defaultdict[date, list[int]] = defaultdict(list)
    for day, score in rows:
        by_day[day].append(score)
    return [
        Score(day=day, mean=exact_mean(values), ratings=len(values))
        for day, values in sorted(by_day.items())
    ]


def change_message(history: list[Score]) -> tuple[str, bool] | None:
    """How the score moved since the first rating, and whether that change is meaningful."""
    if len(history) < 2:
        return None
    change = history[-1].mean - history[0].mean
    size = f"{float(abs(change)):.1f}"
    points = "point" if size == "1.0" else "points"
    if change == 0:
        return "Your activities score is the same as at your first rating.", False
    verb = "rose" if change > 0 else "fell"
    meaningful = abs(change) >= MEANINGFUL_CHANGE
    # Named with its day: on a chart of a shorter range the first rating is not in sight.
    first = history[0].day
    moved = (
        f"Your activities score {verb} by {size} {points} since your first rating, "
        f"on {day_month(first)} {first.year}"
    )
    if meaningful:
        text = f"{moved} — a meaningful change."
        if change < 0:
            text += " Consider telling your clinician."
    else:
        text = f"{moved} (a change of {MEANINGFUL_CHANGE} points or more is meaningful)."
    return text, meaningful


def rerate_due(last_rated: date | None, today: date) -> bool:
    """Re-rating is offered every two weeks."""
    return last_rated is not None and (today - last_rated).days >= RERATE_AFTER_DAYS
