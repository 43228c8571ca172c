"""Helpers for tests that log sessions, check-ins and PSFS ratings through the real forms."""

import uuid
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import time_machine

from progress.models import PlanExercise


def at_morning(day: date, tz: str = "Europe/London"):
    """Travel to 9:00 on `day` in the user's time zone (alice lives in London)."""
    return time_machine.travel(datetime.combine(day, time(9), tzinfo=ZoneInfo(tz)), tick=False)


def session_post(plan, *, day: date, pain_before=2, pain=1, ease=4, key=None, **overrides) -> dict:
    data = {
        "day": day.isoformat(),
        "pain_before": str(pain_before),
        "note": "",
        "submission_key": str(key or uuid.uuid4()),
    }
    for item in PlanExercise.objects.filter(plan=plan, is_paused=False):
        p = f"e{item.pk}-"
        data |= {
            p + "status": "done",
            p + "sets_done": str(item.dose.sets),
            p + "amount_done": str(item.dose.amount),
            p + "pain_during": str(pain),
            p + "ease": str(ease),
            p + "marker_value": "",
            p + "note": "",
        }
    return data | overrides


def log_session(client, plan, *, day: date, **kwargs):
    with at_morning(day):
        return client.post("/sessions/new/", session_post(plan, day=day, **kwargs))


def check_in(client, *, day: date, pain=1, flags=()):
    with at_morning(day):
        return client.post("/checkin/", {"morning_pain": str(pain), "red_flags": list(flags)})


def psfs_post(*rows, total=3, initial=3) -> dict:
    """The PSFS form as posted: (name, score) per row, blank rows for the rest."""
    data = {
        "activity-TOTAL_FORMS": str(total),
        "activity-INITIAL_FORMS": str(initial),
        "activity-MIN_NUM_FORMS": "0",
        "activity-MAX_NUM_FORMS": "3",
    }
    rows = list(rows) + [("", "")] * (total - len(rows))
    for n, (name, score) in enumerate(rows):
        data |= {f"activity-{n}-name": name, f"activity-{n}-score": str(score)}
    return data
