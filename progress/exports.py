"""Everything a user has logged, as one CSV or JSON file (docs/EXPORT_FORMAT.md).

Each record type is a fixed, documented list of fields and one query for its rows, so an
export costs the same few queries for a week of history or two years of it. Both files
hold the same records with the same fields: JSON as one list per record type, CSV as one
table with a `record_type` column and the union of all fields.
"""

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from backcare.accounts.models import User
from progress import models
from progress.rules.engine import EASE_WORDS
from progress.rules.red_flags import QUESTIONS

FORMAT = "backcare-export/1"
# Large tables are read in chunks: one query, bounded memory.
CHUNK = 2000


@dataclass(frozen=True)
class RecordType:
    name: str  # the CSV record_type, e.g. "session"
    key: str  # the JSON list, e.g. "sessions"
    fields: tuple[str, ...]
    rows: Callable[..., Iterable[dict]]  # (user) -> one dict per record, keys == fields


def _when(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _unit(rung) -> str:
    return "reps" if rung.reps else "s"


def _safety_screens(user: User) -> Iterator[dict]:
    for s in models.SafetyScreen.objects.filter(user=user).order_by("id"):
        yield {
            "id": s.pk,
            "answered_at": _when(s.answered_at),
            "clinician_checked": s.clinician_checked,
            "outcome": s.outcome,
        }


def _safety_answers(user: User) -> Iterator[dict]:
    for s in models.SafetyScreen.objects.filter(user=user).order_by("id"):
        for key, yes in s.answers.items():
            question = QUESTIONS.get(key)
            yield {
                "screen_id": s.pk,
                "question": key,
                "question_text": question.text if question else "",
                "answer": bool(yes),
            }


def _clearances(user: User) -> Iterator[dict]:
    clearances = models.Clearance.objects.filter(screen__user=user).select_related(
        "cleared_by__user"
    )
    for c in clearances.order_by("id"):
        yield {
            "id": c.pk,
            "screen_id": c.screen_id,
            "clinician": c.clinician,
            "assessed_on": c.assessed_on.isoformat(),
            "note": c.note,
            "cleared_by": c.cleared_by.user.get_full_name() if c.cleared_by else None,
            "recorded_at": _when(c.recorded_at),
            "caution_dismissed_at": _when(c.caution_dismissed_at),
        }


def _plans(user: User) -> Iterator[dict]:
    for plan in models.Plan.objects.filter(user=user).select_related("template"):
        yield {
            "id": plan.pk,
            "template": plan.template.name if plan.template else None,
            "started_at": _when(plan.started_at),
            "paused_for_safety_at": _when(plan.paused_for_safety_at),
        }


def _plan_exercises(user: User) -> Iterator[dict]:
    # Removed ones too: they are still stored, with their rung history, until put back.
    items = models.PlanExercise.everything.filter(plan__user=user).select_related(
        "exercise", "rung"
    )
    for item in items.order_by("order", "id"):
        yield {
            "id": item.pk,
            "plan_id": item.plan_id,
            "exercise": item.exercise.slug,
            "exercise_name": item.exercise.name,
            "rung": item.rung.position,
            "rung_name": item.rung.name,
            "order": item.order,
            "is_paused": item.is_paused,
            "paused_by": item.paused_by,
            "pause_reason": item.pause_reason,
            "added_at": _when(item.added_at),
            "custom_sets": item.custom_sets,
            "custom_amount": item.custom_amount,
            "removed_at": _when(item.removed_at),
        }


def _rung_changes(user: User) -> Iterator[dict]:
    changes = models.RungChange.objects.filter(plan_exercise__plan__user=user).select_related(
        "plan_exercise__exercise", "from_rung", "to_rung", "changed_by__user"
    )
    for c in changes.order_by("changed_at", "id"):
        yield {
            "id": c.pk,
            "plan_exercise_id": c.plan_exercise_id,
            "exercise": c.plan_exercise.exercise.slug,
            "exercise_name": c.plan_exercise.exercise.name,
            "changed_at": _when(c.changed_at),
            "from_rung": c.from_rung.position if c.from_rung else None,
            "to_rung": c.to_rung.position,
            "change": c.change,
            "sets": c.sets,
            "amount": c.amount,
            "source": c.source,
            "changed_by": c.changed_by.user.get_full_name() if c.changed_by else None,
            "reason": c.reason,
        }


def _sessions(user: User) -> Iterator[dict]:
    sessions = models.SessionLog.objects.filter(user=user).order_by("day", "created_at", "id")
    for s in sessions.iterator(chunk_size=CHUNK):
        yield {
            "id": s.pk,
            "day": _day(s.day),
            "pain_before": s.pain_before,
            "note": s.note,
            "created_at": _when(s.created_at),
            "updated_at": _when(s.updated_at),
        }


def _entries(user: User) -> Iterator[dict]:
    entries = (
        models.ExerciseEntry.objects.filter(session__user=user)
        .select_related("exercise", "rung")
        .order_by("session__day", "session__created_at", "session_id", "id")
    )
    for e in entries.iterator(chunk_size=CHUNK):
        yield {
            "id": e.pk,
            "session_id": e.session_id,
            "plan_exercise_id": e.plan_exercise_id,
            "exercise": e.exercise.slug,
            "exercise_name": e.exercise.name,
            "rung": e.rung.position,
            "rung_name": e.rung_name,  # as it was called when logged
            "skipped": e.skipped,
            "prescribed_sets": e.prescribed_sets,
            "prescribed_amount": e.prescribed_amount,
            "amount_unit": _unit(e.rung),
            "per_side": e.rung.per_side,
            "sets_done": e.sets_done,
            "amount_done": e.amount_done,
            "pain_during": e.pain_during,
            "ease": e.ease,
            "ease_words": EASE_WORDS.get(e.ease) if e.ease is not None else None,
            "marker_name": e.marker_name or None,
            "marker_unit": e.marker_unit or None,
            "marker_value": _number(e.marker_value),
            "note": e.note,
        }


def _check_ins(user: User) -> Iterator[dict]:
    for c in models.CheckIn.objects.filter(user=user).order_by("day").iterator(chunk_size=CHUNK):
        yield {
            "id": c.pk,
            "day": _day(c.day),
            "morning_pain": c.morning_pain,
            "red_flags": list(c.red_flags),
            "created_at": _when(c.created_at),
        }


def _suggestions(user: User) -> Iterator[dict]:
    suggestions = models.Suggestion.objects.filter(plan_exercise__plan__user=user).select_related(
        "plan_exercise__exercise", "from_rung", "target_rung"
    )
    for s in suggestions.order_by("created_at", "id").iterator(chunk_size=CHUNK):
        yield {
            "id": s.pk,
            "plan_exercise_id": s.plan_exercise_id,
            "exercise": s.plan_exercise.exercise.slug,
            "exercise_name": s.plan_exercise.exercise.name,
            "created_at": _when(s.created_at),
            "action": s.action,
            "rule": s.rule,
            "summary": s.summary,
            "reasons": list(s.reasons),
            "from_rung": s.from_rung.position,
            "target_rung": s.target_rung.position if s.target_rung else None,
            "new_sets": s.new_sets,
            "new_amount": s.new_amount,
            "decision": s.decision,
            "decided_at": _when(s.decided_at),
        }


def _care_grants(user: User) -> Iterator[dict]:
    grants = models.CareGrant.objects.filter(patient=user).select_related("clinician__user")
    for g in grants.order_by("id"):
        yield {
            "id": g.pk,
            "clinician": g.clinician.user.get_full_name(),
            "profession": g.clinician.profession,
            "may_adjust_plan": g.may_adjust_plan,
            "invited_at": _when(g.invited_at),
            "accepted_at": _when(g.accepted_at),
            "revoked_at": _when(g.revoked_at),
        }


def _data_accesses(user: User) -> Iterator[dict]:
    for look in models.DataAccess.objects.filter(user=user).order_by("at", "id"):
        yield {"at": _when(look.at), "who": look.who, "what": look.what, "address": look.address}


def _psfs_activities(user: User) -> Iterator[dict]:
    for a in models.PsfsActivity.objects.filter(user=user).order_by("position", "id"):
        yield {
            "id": a.pk,
            "position": a.position,
            "name": a.name,
            "created_at": _when(a.created_at),
            "retired_at": _when(a.retired_at),
        }


def _psfs_ratings(user: User) -> Iterator[dict]:
    ratings = models.PsfsRating.objects.filter(activity__user=user)
    for r in ratings.order_by("day", "activity_id", "id").iterator(chunk_size=CHUNK):
        yield {
            "id": r.pk,
            "activity_id": r.activity_id,
            "day": _day(r.day),
            "score": r.score,
            "created_at": _when(r.created_at),
        }


def _record(name: str, key: str, rows: Callable[..., Iterable[dict]], *fields: str) -> RecordType:
    return RecordType(name=name, key=key, fields=fields, rows=rows)


# The order here is the order of the file. Adding a record type is one function and one line.
RECORD_TYPES: tuple[RecordType, ...] = (
    _record("safety_screen", "safety_screens", _safety_screens,
            "id", "answered_at", "clinician_checked", "outcome"),
    _record("safety_answer", "safety_answers", _safety_answers,
            "screen_id", "question", "question_text", "answer"),
    _record("clearance", "clearances", _clearances,
            "id", "screen_id", "clinician", "assessed_on", "note", "cleared_by", "recorded_at",
            "caution_dismissed_at"),
    _record("plan", "plans", _plans,
            "id", "template", "started_at", "paused_for_safety_at"),
    _record("plan_exercise", "plan_exercises", _plan_exercises,
            "id", "plan_id", "exercise", "exercise_name", "rung", "rung_name", "order",
            "is_paused", "paused_by", "pause_reason", "added_at", "custom_sets", "custom_amount",
            "removed_at"),
    _record("rung_change", "rung_changes", _rung_changes,
            "id", "plan_exercise_id", "exercise", "exercise_name", "changed_at", "from_rung",
            "to_rung", "change", "sets", "amount", "source", "changed_by", "reason"),
    _record("session", "sessions", _sessions,
            "id", "day", "pain_before", "note", "created_at", "updated_at"),
    _record("entry", "entries", _entries,
            "id", "session_id", "plan_exercise_id", "exercise", "exercise_name", "rung",
            "rung_name", "skipped", "prescribed_sets", "prescribed_amount", "amount_unit",
            "per_side", "sets_done", "amount_done", "pain_during", "ease", "ease_words",
            "marker_name", "marker_unit", "marker_value", "note"),
    _record("check_in", "check_ins", _check_ins,
            "id", "day", "morning_pain", "red_flags", "created_at"),
    _record("suggestion", "suggestions", _suggestions,
            "id", "plan_exercise_id", "exercise", "exercise_name", "created_at", "action",
            "rule", "summary", "reasons", "from_rung", "target_rung", "new_sets", "new_amount",
            "decision", "decided_at"),
    _record("psfs_activity", "psfs_activities", _psfs_activities,
            "id", "position", "name", "created_at", "retired_at"),
    _record("psfs_rating", "psfs_ratings", _psfs_ratings,
            "id", "activity_id", "day", "score", "created_at"),
    _record("care_grant", "care_grants", _care_grants,
            "id", "clinician", "profession", "may_adjust_plan", "invited_at", "accepted_at",
            "revoked_at"),
    _record("data_access", "data_accesses", _data_accesses,
            "at", "who", "what", "address"),
)  # fmt: skip

EXPORT_FIELDS = ("format", "exported_at", "email", "display_name", "time_zone", "date_joined")


def _export_header(user: User, now: datetime) -> dict:
    return {
        "format": FORMAT,
        "exported_at": _when(now),
        "email": user.email,
        "display_name": user.display_name,
        "time_zone": user.time_zone,
        "date_joined": _when(user.date_joined),
    }


def export_document(user: User, *, now: datetime) -> dict:
    """The whole export as one JSON-ready dict."""
    document = _export_header(user, now)
    for record_type in RECORD_TYPES:
        document[record_type.key] = list(record_type.rows(user))
    return document


def export_json(user: User, *, now: datetime) -> str:
    return json.dumps(export_document(user, now=now), ensure_ascii=False, indent=1)


def _union(*field_lists: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for fields in field_lists for f in fields))


CSV_COLUMNS = ("record_type",) + _union(EXPORT_FIELDS, *(r.fields for r in RECORD_TYPES))

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV
# injection"); a leading apostrophe makes it text. JSON keeps the text exactly.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return str(value)


def _csv_records(user: User, now: datetime) -> Iterator[tuple[str, dict]]:
    yield "export", _export_header(user, now)
    for record_type in RECORD_TYPES:
        for row in record_type.rows(user):
            yield record_type.name, row


class _Line:
    """A file-like object whose write() hands the line back, for csv.writer in a stream."""

    def write(self, value: str) -> str:
        return value


def export_csv_lines(user: User, *, now: datetime) -> Iterator[str]:
    """The CSV export, line by line: one header, then one line per record."""
    writer = csv.writer(_Line(), lineterminator="\r\n")
    # A byte-order mark so spreadsheet programs read the file as UTF-8.
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)
    for name, row in _csv_records(user, now):
        cells = {"record_type": name} | row
        yield writer.writerow([_csv_cell(cells.get(column)) for column in CSV_COLUMNS])
