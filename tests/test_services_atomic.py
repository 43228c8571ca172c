"""Every write is one transaction: a failure part-way, the suggestions refresh included,
leaves none of that write behind.

Each case breaks one step late in a service, checks that the user's rows are exactly as
before, then runs the same write unbroken to show the case did write something.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from unittest import mock

import pytest
from django.db.models import QuerySet

from exercises.models import Exercise
from progress.models import PlanExercise, PlanTemplate, PsfsRating, RungChange, SessionLog
from progress.rules.red_flags import QUESTIONS
from progress.services import plans, psfs, screens, sessions, suggestions
from tests import builders
from tests.snapshots import owned_rows

pytestmark = pytest.mark.django_db
MON = date(2026, 3, 2)
TUE = date(2026, 3, 3)


class Boom(Exception):
    """The failure injected part-way through a write."""


def refresh_fails():
    """The suggestions refresh fails where it would store what it worked out."""
    return mock.patch.object(suggestions, "_store", side_effect=Boom)


def done(sets: int, amount: int, pain: int = 1) -> sessions.EntryData:
    return sessions.EntryData(
        skipped=False, sets_done=sets, amount_done=amount, pain_during=pain, ease=4
    )


def bridge(user) -> PlanExercise:
    return PlanExercise.objects.select_related("exercise", "rung", "plan").get(
        plan__user=user, exercise__slug="glute-bridge"
    )


def log(user):
    items = PlanExercise.objects.filter(plan__user=user).select_related("rung")
    return sessions.session_log(
        user=user,
        day=MON,
        pain_before=2,
        note="Felt fine",
        submission_key=uuid.UUID(int=1),
        entries=[(item, done(item.dose.sets, item.dose.amount)) for item in items],
        now=builders.local(user, MON, 18),
    )


def update(user):
    session = SessionLog.objects.get(user=user)
    entries = list(session.entries.select_related("rung"))
    return sessions.session_update(
        user=user,
        session=session,
        day=MON,
        pain_before=6,
        note="Worse than I said",
        entries=[(e, done(e.prescribed_sets, e.prescribed_amount, pain=5)) for e in entries],
        now=builders.local(user, TUE, 9),
    )


def delete(user):
    return sessions.session_delete(
        user=user, session=SessionLog.objects.get(user=user), now=builders.local(user, TUE, 9)
    )


def check_in_with_a_red_flag(user):
    return sessions.checkin_record(
        user=user,
        day=TUE,
        morning_pain=3,
        flags=[next(iter(QUESTIONS))],
        now=builders.local(user, TUE, 8),
    )


def accept(user):
    suggestion = bridge(user).suggestions.get()
    return suggestions.suggestion_accept(suggestion=suggestion, now=builders.local(user, TUE, 9))


def screen(user):
    return screens.screen_record(
        user=user,
        answers=dict.fromkeys(QUESTIONS, False),
        clinician_checked=True,
        now=builders.local(user, TUE, 9),
    )


def start_plan(user):
    return plans.plan_create_from_template(
        user=user,
        template=PlanTemplate.objects.get(slug="starter"),
        now=builders.local(user, MON, 9),
    )


def add_exercise(user):
    planned = PlanExercise.objects.filter(plan__user=user).values("exercise")
    exercise = Exercise.objects.published().exclude(pk__in=planned).first()
    return plans.plan_add_exercise(
        plan=user.plan, exercise=exercise, now=builders.local(user, TUE, 9)
    )


def move(user):
    item = bridge(user)
    return plans.plan_exercise_move(
        item=item, rung=item.exercise.rungs.get(position=2), now=builders.local(user, TUE, 9)
    )


def rate(user):
    return psfs.psfs_rate(
        user=user,
        day=TUE,
        ratings=[psfs.ActivityRating(1, "Putting on socks", 4)],
        now=builders.local(user, TUE, 20),
    )


@dataclass(frozen=True)
class Case:
    write: Callable
    breaks: Callable  # a context manager that makes one late step of the write fail
    given: Callable = lambda user: None  # what exists before the write


CASES = {
    "session_log": Case(log, refresh_fails),
    "session_update": Case(update, refresh_fails, lambda u: builders.session(u, day=MON)),
    "session_delete": Case(delete, refresh_fails, lambda u: builders.session(u, day=MON)),
    # A red flag writes the most: the check-in, a new screen and the plan's pause.
    "checkin_record": Case(check_in_with_a_red_flag, refresh_fails),
    # The move to the next rung happens before the decision is stored.
    "suggestion_accept": Case(
        accept,
        lambda: mock.patch.object(suggestions, "_decide", side_effect=Boom),
        lambda u: builders.suggestion(bridge(u)),
    ),
    # The screen is stored before a clear one resumes the plan.
    "screen_record": Case(screen, lambda: mock.patch.object(QuerySet, "update", side_effect=Boom)),
    "plan_exercise_move": Case(
        move, lambda: mock.patch.object(PlanExercise, "save", side_effect=Boom)
    ),
    # The plan exercise is stored before its first rung change.
    "plan_add_exercise": Case(
        add_exercise, lambda: mock.patch.object(RungChange.objects, "create", side_effect=Boom)
    ),
    # The activity is named before its rating is stored.
    "psfs_rate": Case(
        rate,
        lambda: mock.patch.object(PsfsRating.objects, "update_or_create", side_effect=Boom),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_a_failure_part_way_leaves_nothing_of_the_write(name, alice_plan):
    case, user = CASES[name], alice_plan.user
    case.given(user)
    before = owned_rows(user)
    with case.breaks(), pytest.raises(Boom):
        case.write(user)
    assert owned_rows(user) == before
    case.write(user)  # unbroken, the same write does change the user's rows
    assert owned_rows(user) != before


def test_a_failed_plan_start_leaves_no_plan(catalog, alice_cleared):
    before = owned_rows(alice_cleared)
    with (
        mock.patch.object(RungChange.objects, "create", side_effect=Boom),
        pytest.raises(Boom),
    ):
        start_plan(alice_cleared)
    assert owned_rows(alice_cleared) == before
    start_plan(alice_cleared)
    assert owned_rows(alice_cleared)["plan_exercises"]
