"""A clinician with "may adjust my plan" changes a patient's plan: a rung, a dose, a pause,
an exercise added, a clearance after a "see a doctor" answer. Each change carries a reason
the patient reads on Today and in the rung history; a read-only grant changes nothing; the
engine's suggestions carry on from what the clinician set."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from exercises.models import Exercise
from progress.models import (
    Clearance,
    DataAccess,
    PlanExercise,
    RungChange,
    SessionLog,
    Suggestion,
)
from progress.services.plans import plan_exercise_set_paused
from tests import builders
from tests.builders import client_for
from tests.mfa_helpers import with_totp
from tests.security_urls import PATIENT_DATA, PLAN_CHANGES
from tests.snapshots import owned_rows


@pytest.fixture
def sam(db):
    return builders.clinician(with_totp(builders.user("sam@example.com", display_name="Sam Lee")))


@pytest.fixture
def sams(sam):
    return client_for(sam.user)


@pytest.fixture
def adjusting(alice_plan, alice, sam):
    return builders.care_grant(alice, sam, may_adjust_plan=True)


@pytest.fixture
def item(alice_plan):
    return PlanExercise.objects.filter(plan=alice_plan).select_related("exercise", "rung").first()


def adjust(client, patient, item, **data):
    """Post the exercise's form as the page draws it, with `data` changed."""
    fields = {"rung": item.rung.position, "sets": "", "amount": "", "reason": "Your hip is ready."}
    if item.is_paused:
        fields["paused"] = "on"
    fields |= data
    url = reverse("clinician_item_adjust", args=[patient.pk, item.pk])
    return client.post(url, {f"i{item.pk}-{k}": v for k, v in fields.items() if v is not None})


def plan_rows(user) -> dict:
    """What the patient owns, less the record of looks: a refused change shows the page
    again, and that is a look."""
    return {k: v for k, v in owned_rows(user).items() if k != "data_accesses"}


def see_a_doctor(user):
    return builders.screen_see_a_doctor(user, when=timezone.now())


class TestReadOnly:
    @pytest.mark.parametrize("name", sorted(PLAN_CHANGES))
    def test_a_read_only_clinician_is_refused_every_change_and_nothing_changes(
        self, name, alice_plan, alice, sam, sams, item
    ):
        builders.care_grant(alice, sam, may_adjust_plan=False)
        see_a_doctor(alice)
        kwargs = {"patient_id": alice.pk} | ({"item_id": item.pk} if "item" in name else {})
        before = owned_rows(alice)
        response = getattr(sams, PATIENT_DATA[name])(
            reverse(name, kwargs=kwargs),
            {f"i{item.pk}-rung": "3", f"i{item.pk}-reason": "x", "reason": "x", "note": "x"},
        )
        assert response.status_code == 403
        assert "Alice" not in response.content.decode()
        assert owned_rows(alice) == before

    def test_the_progress_page_offers_no_change_to_a_read_only_clinician(
        self, alice_plan, alice, sam, sams
    ):
        builders.care_grant(alice, sam, may_adjust_plan=False)
        page = sams.get(f"/clinician/patients/{alice.pk}/").content.decode()
        assert "Change their plan" not in page


class TestMovingARung:
    def test_the_move_and_its_reason_reach_today_and_the_rung_history(
        self, adjusting, sam, sams, alice, alice_client, item
    ):
        dashboard = sams.get(f"/clinician/patients/{alice.pk}/").content.decode()
        assert "Change their plan" in dashboard
        page = sams.get(f"/clinician/patients/{alice.pk}/plan/").content.decode()
        assert "Why (your patient reads this on Today)" in page
        response = adjust(sams, alice, item, rung="3")
        assert response.status_code == 302
        moved = PlanExercise.objects.get(pk=item.pk)
        assert moved.rung.position == 3
        change = RungChange.objects.filter(plan_exercise=item).order_by("-id").first()
        assert (change.source, change.change, change.changed_by, change.reason) == (
            "clinician",
            "rung",
            sam,
            "Your hip is ready.",
        )
        today = alice_client.get("/today/").content.decode()
        assert "Changed by your physiotherapist Sam Lee on" in today
        assert "Your hip is ready." in today
        history = alice_client.get(f"/plan/items/{item.pk}/history/").content.decode()
        assert f"Rung {item.rung.position} → 3" in history
        assert "Your physiotherapist Sam Lee" in history
        assert "Your hip is ready." in history

    def test_no_reason_is_refused_and_the_form_keeps_what_was_typed(
        self, adjusting, sams, alice, item
    ):
        before = plan_rows(alice)
        response = adjust(sams, alice, item, rung="3", sets="3", amount="12", reason="")
        page = response.content.decode()
        assert response.status_code == 400
        assert "Say why: your patient reads it on Today." in page
        assert 'value="3" selected' in page
        assert 'value="12"' in page
        assert plan_rows(alice) == before

    def test_opening_the_plan_is_recorded_for_the_patient(self, adjusting, sams, alice):
        sams.get(f"/clinician/patients/{alice.pk}/plan/")
        look = DataAccess.objects.get()
        assert (look.user, look.what) == (alice, "your plan")
        assert look.who == "Sam Lee, physiotherapist"

    def test_the_plan_page_reads_the_same_queries_whatever_the_history(
        self, adjusting, sams, alice
    ):
        def count():
            with CaptureQueriesContext(connection) as queries:
                assert sams.get(f"/clinician/patients/{alice.pk}/plan/").status_code == 200
            return len(queries)

        first = count()
        today = alice.local_today()
        for n in range(12):
            builders.session(alice, day=today - timedelta(days=n))
        assert count() == first


class TestDose:
    def test_a_dose_at_the_rung_reaches_today_and_the_history(
        self, adjusting, sams, alice, alice_client, item
    ):
        adjust(sams, alice, item, sets="3", amount="12", reason="Build endurance.")
        changed = PlanExercise.objects.get(pk=item.pk)
        assert (changed.rung_id, changed.dose.sets, changed.dose.amount) == (item.rung_id, 3, 12)
        change = RungChange.objects.filter(plan_exercise=item).order_by("-id").first()
        assert (change.change, change.sets, change.amount) == ("dose", 3, 12)
        today = alice_client.get("/today/").content.decode()
        assert "Build endurance." in today
        assert "3 ×" in today
        history = alice_client.get(f"/plan/items/{item.pk}/history/").content.decode()
        assert "Dose 3 × 12" in history

    def test_a_move_leaves_the_old_rungs_dose_behind_when_it_was_left_as_shown(
        self, adjusting, sams, alice, item
    ):
        adjust(sams, alice, item, sets="3", amount="15", reason="More reps.")
        # The form shows 3 × 15 in the dose fields; the clinician changes only the rung.
        adjust(sams, alice, item, rung="3", sets="3", amount="15", reason="Next rung.")
        moved = PlanExercise.objects.select_related("rung").get(pk=item.pk)
        assert moved.rung.position == 3
        assert (moved.custom_sets, moved.custom_amount) == (None, None)

    def test_empty_dose_fields_go_back_to_the_rungs_own_dose(self, adjusting, sams, alice, item):
        adjust(sams, alice, item, sets="3", amount="12")
        adjust(sams, alice, item, reason="Back to the usual.")
        changed = PlanExercise.objects.get(pk=item.pk)
        assert (changed.custom_sets, changed.custom_amount) == (None, None)

    @pytest.mark.parametrize(
        ("sets", "amount", "message"),
        [
            ("3", "", "Give both the sets and the reps or seconds"),
            ("0", "10", "Ensure this value is greater than or equal to 1."),
            ("3", "9999", "Ensure this value is less than or equal to 600."),
        ],
    )
    def test_a_bad_dose_is_explained_and_nothing_changes(
        self, adjusting, sams, alice, item, sets, amount, message
    ):
        before = plan_rows(alice)
        response = adjust(sams, alice, item, sets=sets, amount=amount)
        assert response.status_code == 400
        assert message in response.content.decode()
        assert plan_rows(alice) == before

    def test_a_change_that_changes_nothing_is_explained(self, adjusting, sams, alice, item):
        before = plan_rows(alice)
        response = adjust(sams, alice, item)
        assert "That is how the exercise is already" in response.content.decode()
        assert plan_rows(alice) == before


class TestPausing:
    def test_a_pause_with_its_reason_shows_on_today_and_is_no_seek_care(
        self, adjusting, sams, alice, alice_client, item
    ):
        adjust(sams, alice, item, paused="on", reason="Rest it until we meet on Friday.")
        paused = PlanExercise.objects.get(pk=item.pk)
        assert (paused.is_paused, paused.paused_by) == (True, "clinician")
        today = alice_client.get("/today/").content.decode()
        assert "Rest it until we meet on Friday." in today
        assert "Changed by your physiotherapist Sam Lee" in today
        # A clinician's pause is not the engine's "stop and seek care".
        patients = sams.get("/clinician/").content.decode()
        assert "Paused to seek care" not in patients

    def test_the_clinician_resumes_it(self, adjusting, sams, alice, item):
        adjust(sams, alice, item, paused="on", reason="Rest it.")
        item.refresh_from_db()
        adjust(sams, alice, item, paused=None, reason="Back in: the hip has settled.")
        resumed = PlanExercise.objects.get(pk=item.pk)
        assert (resumed.is_paused, resumed.paused_by, resumed.pause_reason) == (False, "", "")
        kinds = list(
            RungChange.objects.filter(plan_exercise=item)
            .order_by("id")
            .values_list("change", flat=True)
        )
        assert kinds[-2:] == ["pause", "resume"]

    def test_a_seek_care_pause_after_a_clinicians_change_says_why_it_is_paused(
        self, adjusting, sams, alice, alice_client, item
    ):
        adjust(sams, alice, item, sets="3", amount="15", reason="More reps.")
        plan_exercise_set_paused(
            item=item, paused=True, reason="Pain reached 8.", paused_by="seek-care"
        )
        paused = alice_client.get("/today/").content.decode().split("Paused</h2>")[1]
        assert "Pain reached 8." in paused
        assert "More reps." not in paused

    def test_a_persons_own_pause_is_no_seek_care_either(self, adjusting, sams, alice_client, item):
        alice_client.post(f"/plan/items/{item.pk}/pause/")
        assert "Paused to seek care" not in sams.get("/clinician/").content.decode()


class TestAddingAnExercise:
    def test_an_exercise_added_with_its_reason(self, adjusting, sam, sams, alice, alice_client):
        page = sams.get(f"/clinician/patients/{alice.pk}/plan/").content.decode()
        assert "Add an exercise" in page
        exercise = Exercise.objects.published().exclude(plan_items__plan__user=alice).first()
        response = sams.post(
            f"/clinician/patients/{alice.pk}/plan/add/",
            {"exercise": exercise.pk, "reason": "For your hip strength."},
        )
        assert response.status_code == 302
        added = PlanExercise.objects.get(plan__user=alice, exercise=exercise)
        start = added.rung_changes.get()
        assert (start.source, start.changed_by, start.reason) == (
            "clinician",
            sam,
            "For your hip strength.",
        )
        today = alice_client.get("/today/").content.decode()
        assert "For your hip strength." in today

    def test_one_already_in_the_plan_is_refused_and_the_reason_kept(
        self, adjusting, sams, alice, item
    ):
        before = plan_rows(alice)
        response = sams.post(
            f"/clinician/patients/{alice.pk}/plan/add/",
            {"exercise": item.exercise_id, "reason": "Again."},
        )
        page = response.content.decode()
        assert response.status_code == 400
        assert "already in the plan or not available" in page
        assert "Again." in page
        assert plan_rows(alice) == before


class TestClearance:
    def test_the_clinician_clears_a_see_a_doctor_answer_and_the_plan_goes_on(
        self, adjusting, sam, sams, alice, alice_client
    ):
        see_a_doctor(alice)
        assert alice_client.get("/today/").status_code == 302  # on hold
        page = sams.get(f"/clinician/patients/{alice.pk}/plan/").content.decode()
        assert "Their plan is on hold after their safety check" in page
        today = alice.local_today()
        # The day field starts on today, in the form a date picker reads.
        assert f'value="{today.isoformat()}"' in page
        response = sams.post(
            f"/clinician/patients/{alice.pk}/clearance/",
            {"assessed_on": today.isoformat(), "note": "Weight loss explained: diet."},
        )
        assert response.status_code == 302
        clearance = Clearance.objects.get()
        assert (clearance.cleared_by, clearance.clinician, clearance.note) == (
            sam,
            "physiotherapist",
            "Weight loss explained: diet.",
        )
        page = alice_client.get("/today/").content.decode()
        assert "Your physiotherapist Sam Lee cleared you to exercise" in page

    def test_an_osteopaths_clearance_says_an_osteopath_cleared_it(
        self, adjusting, sam, sams, alice, alice_client
    ):
        sam.profession = "osteopath"
        sam.save(update_fields=["profession"])
        see_a_doctor(alice)
        sams.post(
            f"/clinician/patients/{alice.pk}/clearance/",
            {"assessed_on": alice.local_today().isoformat(), "note": "Seen."},
        )
        assert Clearance.objects.get().clinician == "osteopath"  # was recorded as "other"
        page = alice_client.get("/today/").content.decode()
        assert "Your osteopath Sam Lee cleared you to exercise" in page

    def test_a_clearance_sent_when_there_is_nothing_to_clear_records_nothing(
        self, adjusting, sams, alice
    ):
        response = sams.post(
            f"/clinician/patients/{alice.pk}/clearance/",
            {"assessed_on": alice.local_today().isoformat(), "note": "Seen."},
            follow=True,
        )
        assert "there is nothing to clear" in response.content.decode()
        assert not Clearance.objects.exists()

    @pytest.mark.parametrize(
        ("days", "note", "message"),
        [
            (0, "", "Say what you found: your patient reads it on Today."),
            (-3, "Seen.", "That day is still to come"),
        ],
    )
    def test_a_bad_clearance_is_explained_and_nothing_saved(
        self, adjusting, sams, alice, days, note, message
    ):
        see_a_doctor(alice)
        day = alice.local_today() - timedelta(days=days)
        response = sams.post(
            f"/clinician/patients/{alice.pk}/clearance/",
            {"assessed_on": day.isoformat(), "note": note},
        )
        page = response.content.decode()
        assert response.status_code == 400
        assert message in page
        assert day.isoformat() in page
        assert not Clearance.objects.exists()

    def test_no_clearance_is_offered_while_the_plan_may_go_on(self, adjusting, sams, alice):
        page = sams.get(f"/clinician/patients/{alice.pk}/plan/").content.decode()
        assert "Record your clearance" not in page


class TestTheEngineRespectsTheChange:
    def test_no_suggestion_undoes_a_clinicians_move_the_next_day(
        self, adjusting, sams, alice, item
    ):
        today = alice.local_today()
        # Two easy days at rung 1, each with a settled morning: ready to progress to rung 2.
        for days_ago in (4, 2):
            builders.session(alice, day=today - timedelta(days=days_ago), ease=5)
            builders.checkin(alice, day=today - timedelta(days=days_ago - 1))
        # The clinician skips a rung, and alice does it the next day, well.
        adjust(sams, alice, item, rung="3", reason="You are stronger than the ladder thinks.")
        builders.session(alice, day=today, ease=5)
        latest = Suggestion.objects.filter(plan_exercise=item).order_by("-id").first()
        assert latest.from_rung.position == 3
        assert (latest.action, latest.target_rung) == ("hold", None)
        assert SessionLog.objects.filter(user=alice).count() == 3


def test_a_clinician_finds_their_patients_in_the_menu_and_a_patient_does_not(sams, alice_client):
    menu = '<a class="nav-link" href="/clinician/">Your patients</a>'
    assert menu in sams.get("/exercises/").content.decode()
    assert menu not in alice_client.get("/exercises/").content.decode()
