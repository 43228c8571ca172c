"""One way to build test data: accounts, screens, plans, sessions, check-ins, suggestions,
and a long daily history for tests that count queries.

The small builders go through the services, passing the moment they act at, so rows look
as the app writes them. The long history is written with bulk_create from rows built by
plain functions (`session_row`, `entry_row`, `checkin_row`) that touch no model and return
field values by attname, so a COPY-based generator can build the same rows.
"""

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import Client

from backcare.accounts.services import clinician_register
from exercises.models import Exercise, Rung
from progress.models import (
    CheckIn,
    ExerciseEntry,
    PlanExercise,
    PlanTemplate,
    PsfsActivity,
    PsfsRating,
    SessionLog,
    Suggestion,
    as_logged,
)
from progress.rules.red_flags import QUESTIONS
from progress.services.grants import grant_accept, grant_invite
from progress.services.plans import plan_create_from_template
from progress.services.reminders import reminder_settings_save
from progress.services.screens import screen_record
from progress.services.sessions import EntryData, checkin_record, session_log

PASSWORD = "correct-horse-battery-staple"
# Plans in tests start on this morning, so tests can travel to the days after it.
PLAN_START = datetime(2026, 3, 1, 8, tzinfo=UTC)


def local(user, day: date, hour: int) -> datetime:
    """`hour` o'clock on `day` where the user lives."""
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(user.time_zone))


def clear_screen_answers() -> dict[str, str]:
    """The safety form as posted by someone with no red flag, checked by a clinician."""
    return {key: "no" for key in QUESTIONS} | {"clinician_checked": "yes"}


def user(email: str, password: str = PASSWORD, **fields):
    """An account that logs in with PASSWORD unless told otherwise."""
    return get_user_model().objects.create_user(email=email, password=password, **fields)


def verified(user):
    """The user with their address confirmed, as the verification link leaves it."""
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def reminders(user, *, days=range(7), at=time(7, 30), when=PLAN_START, **choices):
    """Reminder settings saved at `when`: practice reminders on (unless told), every day."""
    return reminder_settings_save(
        user=user,
        days=list(days),
        at=at,
        practice=choices.get("practice", True),
        checkin=choices.get("checkin", True),
        weekly_summary=choices.get("weekly_summary", False),
        now=when,
    )


def clinician(user):
    """The user registered as a physiotherapist, unverified (two-factor: mfa_helpers)."""
    return clinician_register(
        user=user,
        profession="physiotherapist",
        registration_number="PH12345",
        practice="Back Clinic",
        now=datetime.now(UTC),
    )


def client_for(user) -> Client:
    """A test client signed in as `user`, beside the default `client`."""
    client = Client()
    client.force_login(user)
    return client


def care_grant(patient, clinician, *, may_adjust_plan=False):
    """An accepted grant: `patient` shares their data with `clinician` (a profile)."""
    now = datetime.now(UTC)
    grant = grant_invite(
        patient=patient, clinician=clinician, may_adjust_plan=may_adjust_plan, now=now
    )
    grant_accept(grant=grant, now=now)
    return grant


def screen_clear(user, *, when: datetime = PLAN_START):
    """A safety screen with no red flag, checked by a clinician."""
    return screen_record(
        user=user, answers=dict.fromkeys(QUESTIONS, False), clinician_checked=True, now=when
    )


def screen_see_a_doctor(user, *, when: datetime):
    """The safety check answered again with a "see a doctor" sign: the plan goes on hold."""
    answers = dict.fromkeys(QUESTIONS, False) | {"weight_loss": True}
    return screen_record(user=user, answers=answers, clinician_checked=True, now=when)


def plan(user, template: str = "starter", *, when: datetime = PLAN_START):
    """The user's plan from a shipped template (load the catalog first)."""
    return plan_create_from_template(
        user=user, template=PlanTemplate.objects.get(slug=template), now=when
    )


def every_exercise(plan) -> None:
    """Put every catalog exercise the plan lacks into it, on its first rung: the longest plan."""
    for exercise in Exercise.objects.exclude(plan_items__plan=plan):
        PlanExercise.objects.create(plan=plan, exercise=exercise, rung=exercise.rungs.first())


def session(
    user, *, day: date, pain_before=2, pain=1, ease=4, note="", marker=None, hour=18, entries=None
):
    """A session at `hour` local time: the given (item, EntryData) pairs, or else each of the
    user's active plan exercises done in full."""
    if entries is None:
        items = PlanExercise.objects.filter(plan__user=user, is_paused=False).select_related("rung")
        entries = [
            (item, EntryData.full_dose(item.dose, pain_during=pain, ease=ease, marker_value=marker))
            for item in items
        ]
    logged, _ = session_log(
        user=user,
        day=day,
        pain_before=pain_before,
        note=note,
        submission_key=uuid.uuid4(),
        entries=entries,
        now=local(user, day, hour),
    )
    return logged


def checkin(user, *, day: date, pain=1, flags=()):
    """The morning check-in at 8:00 local time; a flag pauses the plan as in the app."""
    recorded, _ = checkin_record(
        user=user, day=day, morning_pain=pain, flags=list(flags), now=local(user, day, 8)
    )
    return recorded


def suggestion(item, *, action="progress", decision="open", decided_at=None, basis="b"):
    """A suggestion for a plan exercise from its current rung (up one rung for "progress")."""
    target = item.exercise.rungs.filter(position=item.rung.position + 1).first()
    return Suggestion.objects.create(
        plan_exercise=item,
        action=action,
        rule="2-for-2" if action == "progress" else "not ready yet",
        summary="Move up" if action == "progress" else "Stay",
        reasons=[],
        from_rung=item.rung,
        target_rung=target if action == "progress" else None,
        basis=basis,
        decision=decision,
        decided_at=decided_at,
    )


# A long daily history ---------------------------------------------------------------------


@dataclass(frozen=True)
class Prescribed:
    """A plan exercise as a history row needs it: ids and the dose in force."""

    id: int
    exercise_id: int
    rung_id: int
    sets: int
    amount: int
    rung_name: str = ""
    marker_name: str = ""
    marker_unit: str = ""


def session_row(n: int, day: date) -> dict:
    """Day `n` of a history: a session whose pain before cycles 0–4 and whose note names it."""
    return {
        "day": day,
        "pain_before": n % 5,
        "note": f"day {n}",
        "submission_key": uuid.uuid4(),
    }


def entry_row(n: int, day: date, item: Prescribed, *, marker: bool = False) -> dict:
    """One exercise done in full on day `n`, rated, with a weekly note and maybe a marker."""
    return {
        "plan_exercise_id": item.id,
        "exercise_id": item.exercise_id,
        "rung_id": item.rung_id,
        "rung_name": item.rung_name,
        "marker_name": item.marker_name,
        "marker_unit": item.marker_unit,
        "skipped": False,
        "prescribed_sets": item.sets,
        "prescribed_amount": item.amount,
        "sets_done": item.sets,
        "amount_done": item.amount,
        "pain_during": n % 4,
        "ease": 3 + n % 3,
        "marker_value": Decimal(day.day) if marker else None,
        "note": "ok" if n % 7 == 0 else "",
    }


def checkin_row(n: int, day: date) -> dict:
    """The morning after day `n`'s session."""
    return {"day": day + timedelta(days=1), "morning_pain": n % 3, "red_flags": []}


def daily_history(plan, *, first: date, days: int, markers: bool = False) -> None:
    """A session with every active exercise each day from `first`, and a check-in each next
    morning but the last (it has not come yet). Fast: bulk_create, no suggestions refresh."""
    items = [
        Prescribed(i.pk, i.exercise_id, i.rung_id, i.dose.sets, i.dose.amount, **as_logged(i.rung))
        for i in plan.items.filter(is_paused=False).select_related("rung")
    ]
    calendar = [(n, first + timedelta(days=n)) for n in range(days)]
    sessions = SessionLog.objects.bulk_create(
        SessionLog(user=plan.user, **session_row(n, day)) for n, day in calendar
    )
    ExerciseEntry.objects.bulk_create(
        ExerciseEntry(session=s, **entry_row(n, day, item, marker=markers))
        for s, (n, day) in zip(sessions, calendar, strict=True)
        for item in items
    )
    CheckIn.objects.bulk_create(
        CheckIn(user=plan.user, **checkin_row(n, day)) for n, day in calendar[:-1]
    )


def two_years(plan, *, last: date) -> None:
    """Two years of daily sessions up to `last`, markers measured, every exercise's last
    suggestion declined, and a PSFS rating every fortnight: every kind of row a page reads."""
    daily_history(plan, first=last - timedelta(days=729), days=730, markers=True)
    decided = datetime.combine(last - timedelta(days=30), time(8), tzinfo=UTC)
    for n, item in enumerate(plan.items.select_related("rung", "exercise")):
        suggestion(item, decision="declined", decided_at=decided, basis=f"b{n}")
    activity = PsfsActivity.objects.create(user=plan.user, position=1, name="Socks")
    PsfsRating.objects.bulk_create(
        PsfsRating(activity=activity, day=last - timedelta(weeks=2 * n), score=n % 11)
        for n in range(52)
    )


def rung_admin_form(rung, **changes) -> dict:
    """The admin's rung form as a curator sends it: the rung as it is, with `changes`."""
    data = {
        "exercise": rung.exercise_id,
        "position": rung.position,
        "name": rung.name,
        "stage": rung.stage,
        "instructions": rung.instructions,
        "cues": rung.cues,
        "sets": rung.sets,
        "reps": rung.reps or "",
        "hold_seconds": rung.hold_seconds or "",
        "marker_name": rung.marker_name,
        "marker_unit": rung.marker_unit,
        "equipment": [e.pk for e in rung.equipment.all()],
        # The figure's description as the admin's text box holds it.
        "figure": json.dumps(rung.figure),
    }
    if rung.per_side:
        data["per_side"] = "on"
    data.update(changes)
    return data


def _value(value):
    if value is None:
        return ""
    return value


def exercise_admin_form(exercise, rungs=None, delete=(), **changes):
    """The exercise change form's POST data, as a browser would send it."""
    data = {
        "name": exercise.name,
        "slug": exercise.slug,
        "region": exercise.region_id,
        "order": exercise.order,
        "summary": exercise.summary,
        "why_it_helps": exercise.why_it_helps,
        "safety_notes": exercise.safety_notes,
        "equipment": [e.pk for e in exercise.equipment.all()] if exercise.pk else [],
        "video_url": exercise.video_url,
        "source": exercise.source,
    }
    if exercise.is_published:
        data["is_published"] = "on"
    if rungs is None:
        rungs = list(exercise.rungs.order_by("position")) if exercise.pk else []
    data.update(
        {
            "rungs-TOTAL_FORMS": len(rungs),
            "rungs-INITIAL_FORMS": sum(1 for r in rungs if r.pk),
            "rungs-MIN_NUM_FORMS": 0,
            "rungs-MAX_NUM_FORMS": 1000,
            # The pictures and videos inline, left empty (tests/test_media_uploads.py fills it).
            "media-TOTAL_FORMS": 0,
            "media-INITIAL_FORMS": 0,
            "media-MIN_NUM_FORMS": 0,
            "media-MAX_NUM_FORMS": 1000,
        }
    )
    for i, rung in enumerate(rungs):
        prefix = f"rungs-{i}-"
        data[prefix + "id"] = _value(rung.pk)
        data[prefix + "exercise"] = _value(exercise.pk)
        for field in Rung.CONTENT_FIELDS:
            value = getattr(rung, field)
            if isinstance(value, bool):
                if value:
                    data[prefix + field] = "on"
            else:
                data[prefix + field] = _value(value)
        # The rung's ticked equipment boxes, as the page shows them.
        data[prefix + "equipment"] = [e.pk for e in rung.equipment.all()] if rung.pk else []
        if rung.pk in delete:
            data[prefix + "DELETE"] = "on"
    data.update(changes)
    return data
