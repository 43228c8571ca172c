"""What a write refuses when the world changed under it, and what the person reads then.

Most of these are races a page cannot show (the answers replaced while a clearance form was
open, an exercise unpublished or taken out while a form was open): each refusal says why and
leaves the database as it was.
"""

from datetime import UTC, datetime

import pytest

from exercises.models import Exercise, Region
from progress.models import Clearance, PlanExercise, RungChange
from progress.rules.red_flags import QUESTIONS
from progress.services import plans, screens
from tests import builders
from tests.builders import client_for
from tests.mfa_helpers import with_totp
from tests.snapshots import owned_rows

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)


def see_a_doctor(user):
    return builders.screen_see_a_doctor(user, when=NOW)


def clear(user, screen):
    return screens.clearance_record(
        user=user, screen=screen, clinician="physiotherapist", assessed_on=NOW.date(),
        note="Seen.", now=NOW,
    )  # fmt: skip


class TestClearance:
    def test_answers_replaced_since_the_form_opened_are_not_cleared(self, alice):
        first = see_a_doctor(alice)
        see_a_doctor(alice)  # answered again meanwhile
        with pytest.raises(screens.ClearanceError, match="The answers changed since"):
            clear(alice, first)
        assert not Clearance.objects.exists()

    def test_only_a_see_a_doctor_answer_is_cleared(self, alice):
        emergency = dict.fromkeys(QUESTIONS, False) | {"saddle_numbness": True}
        screen = screens.screen_record(user=alice, answers=emergency, clinician_checked=True,
                                       now=NOW)  # fmt: skip
        with pytest.raises(screens.ClearanceError, match="An emergency sign needs a new"):
            clear(alice, screen)
        assert not Clearance.objects.exists()


class TestAddingAnExercise:
    def test_one_unpublished_meanwhile_is_refused(self, alice_plan):
        exercise = Exercise.objects.exclude(plan_items__plan=alice_plan).first()
        exercise.is_published = False
        exercise.save()
        with pytest.raises(plans.PlanError, match=f"{exercise.name} is not available"):
            plans.plan_add_exercise(plan=alice_plan, exercise=exercise, now=NOW)
        assert not alice_plan.items.filter(exercise=exercise).exists()

    def test_one_without_rungs_yet_is_refused(self, alice_plan):
        bare = Exercise.objects.create(name="Bird dog", slug="bird-dog",
                                       region=Region.objects.first())  # fmt: skip
        with pytest.raises(plans.PlanError, match="Bird dog has no rungs yet"):
            plans.plan_add_exercise(plan=alice_plan, exercise=bare, now=NOW)

    def test_a_clinician_bringing_one_back_says_why_and_keeps_its_rung(
        self, alice, alice_plan, alice_client
    ):
        sam = builders.clinician(with_totp(builders.user("sam@example.com", display_name="Sam")))
        builders.care_grant(alice, sam, may_adjust_plan=True)
        item = alice_plan.items.select_related("exercise").first()
        plans.plan_exercise_move(item=item, rung=item.exercise.rungs.get(position=2), now=NOW)
        plans.plan_exercise_remove(item=item, now=NOW)
        response = client_for(sam.user).post(
            f"/clinician/patients/{alice.pk}/plan/add/",
            {"exercise": item.exercise_id, "reason": "Back in: your hip is ready."},
        )
        assert response.status_code == 302
        back = PlanExercise.objects.get(pk=item.pk)
        assert (back.removed_at, back.rung.position) == (None, 2)
        change = back.rung_changes.latest("changed_at")
        assert (change.source, change.changed_by, change.reason) == (
            RungChange.Source.CLINICIAN,
            sam,
            "Back in: your hip is ready.",
        )
        assert "Back in: your hip is ready." in alice_client.get("/today/").content.decode()

    def test_a_clinician_cannot_add_to_a_plan_not_started(self, alice, catalog):
        builders.screen_clear(alice)
        sam = builders.clinician(with_totp(builders.user("sam@example.com", display_name="Sam")))
        builders.care_grant(alice, sam, may_adjust_plan=True)
        before = owned_rows(alice)
        exercise = Exercise.objects.published().first()
        response = client_for(sam.user).post(
            f"/clinician/patients/{alice.pk}/plan/add/",
            {"exercise": exercise.pk, "reason": "For your hip."},
        )
        assert response.status_code == 400
        page = response.content.decode()
        assert "They have not started a plan yet." in page
        assert "For your hip." in page  # what was typed comes back
        assert {k: v for k, v in owned_rows(alice).items() if k != "data_accesses"} == {
            k: v for k, v in before.items() if k != "data_accesses"
        }


def test_a_clinicians_change_to_an_exercise_taken_out_meanwhile_is_refused(alice, alice_plan):
    sam = builders.clinician(builders.user("sam@example.com"))
    item = alice_plan.items.select_related("exercise", "rung").first()
    plans.plan_exercise_remove(item=item, now=NOW)
    with pytest.raises(plans.PlanError, match="was taken out of the plan meanwhile"):
        plans.plan_exercise_adjust(item=item, rung=item.rung, dose=None, paused=True,
                                   reason="Rest it.", changed_by=sam, now=NOW)  # fmt: skip
    assert not item.rung_changes.filter(source=RungChange.Source.CLINICIAN).exists()
