"""A clinician's patient list at a glance, in a fixed number of queries however many
patients and however long their histories: for each consenting patient, the last session,
sessions in each of the last four weeks, weekly pain (before, during, next morning), open
and declined suggestions, any red flag or stop-and-seek-care pause, and the PSFS change."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Max

from backcare.accounts.models import ClinicianProfile, User
from progress.models import (
    CareGrant,
    CheckIn,
    ExerciseEntry,
    Plan,
    PlanExercise,
    PsfsRating,
    SessionLog,
    Suggestion,
)
from progress.rules.stats import mean
from progress.services import psfs

WEEKS = 4


@dataclass
class PatientRow:
    grant: CareGrant
    patient: User
    last_session: date | None = None
    sessions: list[int] = field(default_factory=lambda: [0] * WEEKS)  # oldest week first
    pain_before: list[float | None] = field(default_factory=lambda: [None] * WEEKS)
    pain_during: list[float | None] = field(default_factory=lambda: [None] * WEEKS)
    next_morning: list[float | None] = field(default_factory=lambda: [None] * WEEKS)
    open_suggestions: int = 0
    declined_suggestions: int = 0
    red_flag: bool = False  # the plan paused by a red flag
    seek_care: bool = False  # an exercise paused to seek care
    psfs_change: float | None = None  # latest daily mean minus the first

    @property
    def needs_attention(self) -> bool:
        return self.red_flag or self.seek_care


def _week(day: date, first: date) -> int | None:
    n = (day - first).days // 7
    return n if 0 <= n < WEEKS else None


def _weekly_means(values: dict[int, list[int]]) -> list[float | None]:
    return [mean(values[n]) if values.get(n) else None for n in range(WEEKS)]


def patient_rows(
    clinician: ClinicianProfile, today: date, sort: str = "attention"
) -> list[PatientRow]:
    """`today` is the clinician's; the four weeks end on it."""
    grants = list(
        clinician.grants.filter(accepted_at__isnull=False, revoked_at__isnull=True).select_related(
            "patient"
        )
    )
    rows = {g.patient_id: PatientRow(grant=g, patient=g.patient) for g in grants}
    ids = list(rows)
    first = today - timedelta(days=7 * WEEKS - 1)
    before: defaultdict[int, defaultdict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    during: defaultdict[int, defaultdict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    morning: defaultdict[int, defaultdict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for user_id, day, pain in SessionLog.objects.filter(
        user_id__in=ids, day__gte=first, day__lte=today
    ).values_list("user_id", "day", "pain_before"):
        n = _week(day, first)
        if n is not None:
            rows[user_id].sessions[n] += 1
            before[user_id][n].append(pain)
    for user_id, day, felt in ExerciseEntry.objects.filter(
        session__user_id__in=ids, session__day__gte=first, pain_during__isnull=False
    ).values_list("session__user_id", "session__day", "pain_during"):
        n = _week(day, first)
        if n is not None and felt is not None:  # never None: filtered; said for the types
            during[user_id][n].append(felt)
    for user_id, day, pain in CheckIn.objects.filter(
        user_id__in=ids, day__gte=first + timedelta(days=1)
    ).values_list("user_id", "day", "morning_pain"):
        n = _week(day - timedelta(days=1), first)  # the morning after that week's session
        if n is not None:
            morning[user_id][n].append(pain)
    for user_id, last in (
        SessionLog.objects.filter(user_id__in=ids)
        .values("user_id")
        .annotate(last=Max("day"))
        .values_list("user_id", "last")
    ):
        rows[user_id].last_session = last
    for user_id, decision, count in (
        Suggestion.objects.filter(
            plan_exercise__plan__user_id__in=ids,
            plan_exercise__removed_at__isnull=True,
            decision__in=[Suggestion.Decision.OPEN, Suggestion.Decision.DECLINED],
        )
        .exclude(action="hold")
        .values("plan_exercise__plan__user_id", "decision")
        .annotate(n=Count("id"))
        .values_list("plan_exercise__plan__user_id", "decision", "n")
    ):
        if decision == Suggestion.Decision.OPEN:
            rows[user_id].open_suggestions = count
        else:
            rows[user_id].declined_suggestions = count
    for user_id in Plan.objects.filter(
        user_id__in=ids, paused_for_safety_at__isnull=False
    ).values_list("user_id", flat=True):
        rows[user_id].red_flag = True
    for user_id in PlanExercise.objects.filter(
        plan__user_id__in=ids, is_paused=True, paused_by=PlanExercise.PausedBy.SEEK_CARE
    ).values_list("plan__user_id", flat=True):
        rows[user_id].seek_care = True
    ratings: defaultdict[int, list[tuple[date, int]]] = defaultdict(list)
    for user_id, day, score in PsfsRating.objects.filter(activity__user_id__in=ids).values_list(
        "activity__user_id", "day", "score"
    ):
        ratings[user_id].append((day, score))
    for user_id, row in rows.items():
        row.pain_before = _weekly_means(before[user_id])
        row.pain_during = _weekly_means(during[user_id])
        row.next_morning = _weekly_means(morning[user_id])
        history = psfs.scores(ratings[user_id])
        if len(history) >= 2:
            row.psfs_change = float(history[-1].mean - history[0].mean)
    return sorted(rows.values(), key=SORTS.get(sort, SORTS["attention"]))


# Each order puts a red flag or a seek-care pause first, as the list must.
SORTS = {
    "attention": lambda r: (not r.needs_attention, -(r.open_suggestions), r.patient.email),
    "name": lambda r: (not r.needs_attention, r.patient.get_full_name().lower()),
    "last_session": lambda r: (not r.needs_attention, r.last_session or date.min),
}
