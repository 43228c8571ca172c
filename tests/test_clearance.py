"""A "see a doctor" answer can be cleared by a clinician; an emergency never is."""

from datetime import date, timedelta

import pytest

from progress.models import Clearance, Plan, SafetyScreen, Suggestion
from tests.builders import clear_screen_answers
from tests.logging_helpers import at_morning, log_session

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 2)


def answer(client, **yes):
    """Retake the whole screen, answering yes to `yes` (and checked by a clinician)."""
    with at_morning(DAY):
        return client.post("/safety/", clear_screen_answers() | dict.fromkeys(yes, "yes"))


def clearance_post(**overrides):
    return {
        "clinician": "physiotherapist",
        "assessed_on": (DAY - timedelta(days=10)).isoformat(),
        "note": "Old cancer, in remission: fine to exercise.",
        "confirmed": "on",
    } | overrides


def clear(client, **overrides):
    with at_morning(DAY):
        return client.post("/safety/clearance/", clearance_post(**overrides))


def page(client, url, day=DAY):
    with at_morning(day):
        return client.get(url, follow=True).content.decode()


class TestClearance:
    def test_a_cleared_see_a_doctor_answer_starts_the_plan_with_a_caution(
        self, alice_client, alice, catalog
    ):
        answer(alice_client, cancer_history=True)
        outcome = page(alice_client, "/plan/start/")
        assert "See a doctor before starting" in outcome
        assert "A clinician has assessed this and cleared me" in outcome

        form = page(alice_client, "/safety/clearance/")
        assert "A history of cancer" in form and "Physiotherapist" in form and "Osteopath" in form
        r = clear(alice_client)
        assert r.url == "/plan/start/"

        # The record keeps the flag beside the clearance.
        screen = SafetyScreen.objects.get(user=alice)
        assert screen.answers["cancer_history"] is True
        clearance = screen.clearances.get()
        assert (clearance.clinician, clearance.assessed_on) == (
            "physiotherapist",
            DAY - timedelta(10),
        )
        assert clearance.note == "Old cancer, in remission: fine to exercise."

        with at_morning(DAY):
            assert alice_client.post("/plan/start/", {"template": "starter"}).url == "/today/"
        today = page(alice_client, "/today/")
        assert "Exercise with care." in today
        assert "A physiotherapist cleared you to exercise on 20 February 2026" in today

    def test_the_caution_can_be_dismissed(self, alice_client, catalog):
        answer(alice_client, osteoporosis=True)
        clear(alice_client, clinician="doctor")
        with at_morning(DAY):
            alice_client.post("/plan/start/", {"template": "starter"})
            assert alice_client.post("/safety/caution/dismiss/").url == "/today/"
        today = page(alice_client, "/today/")
        assert "Exercise with care." not in today
        assert "Log today's session" in today
        assert Clearance.objects.get().caution_dismissed_at is not None

    def test_an_emergency_answer_is_never_cleared(self, alice_client, alice):
        answer(alice_client, bladder_bowel=True)
        outcome = page(alice_client, "/safety/outcome/")
        assert "Go to an emergency department now" in outcome
        assert "cleared me" not in outcome
        r = clear(alice_client)
        assert r.url == "/safety/outcome/"
        assert not Clearance.objects.exists()
        with at_morning(DAY):
            assert alice_client.get("/plan/start/").url == "/safety/outcome/"
        # Only a new screen that answers no opens the plan again.
        answer(alice_client)
        with at_morning(DAY):
            assert alice_client.get("/plan/start/").status_code == 200

    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            ({"assessed_on": (DAY + timedelta(1)).isoformat()}, "That day is still to come"),
            ({"assessed_on": "2025-03-02"}, "A clearance holds for 12 months"),
            ({"assessed_on": "last week"}, "Enter a valid date."),
            ({"clinician": ""}, "This field is required."),
            ({"confirmed": ""}, "Tick this only when a clinician has cleared you."),
        ],
    )
    def test_a_bad_clearance_is_explained_and_what_was_typed_kept(
        self, alice_client, overrides, message
    ):
        answer(alice_client, fever=True)
        r = clear(alice_client, **overrides)
        html = r.content.decode()
        assert r.status_code == 200
        assert message in html
        assert "Old cancer, in remission: fine to exercise." in html
        assert not Clearance.objects.exists()

    def test_a_clearance_older_than_the_period_asks_again(self, alice_client, catalog, settings):
        answer(alice_client, night_pain=True)
        clear(alice_client)
        with at_morning(DAY):
            alice_client.post("/plan/start/", {"template": "starter"})
        later = DAY + timedelta(days=300)
        assert "Log today's session" in page(alice_client, "/today/", later)
        # A year after the assessment (20 February 2026), the clearance no longer holds.
        settings.BACKCARE_CLEARANCE_MONTHS = 12
        expired = page(alice_client, "/today/", date(2027, 2, 20))
        assert "Time to be assessed again" in expired
        assert "A physiotherapist cleared you on 20 February 2026" in expired
        # Asked again, starting from the last clearance; the old one stays on record.
        form = page(alice_client, "/safety/clearance/", date(2027, 2, 20))
        assert 'value="physiotherapist"  id="id_clinician_0" required checked' in form
        with at_morning(date(2027, 2, 20)):
            r = alice_client.post("/safety/clearance/", clearance_post(assessed_on="2027-02-19"))
        assert r.url == "/today/"
        assert Clearance.objects.count() == 2

    def test_the_period_is_configurable(self, alice_client, catalog, settings):
        settings.BACKCARE_CLEARANCE_MONTHS = 1
        answer(alice_client, fall=True)
        clear(alice_client, assessed_on=(DAY - timedelta(days=3)).isoformat())
        with at_morning(DAY):
            alice_client.post("/plan/start/", {"template": "starter"})
        assert "Time to be assessed again" in page(alice_client, "/today/", DAY + timedelta(40))


class TestRedFlagFromTheScreenPausesThePlan:
    def test_like_a_check_in_it_pauses_and_says_seek_care(self, alice_client, alice_plan):
        log_session(alice_client, alice_plan, day=DAY)
        answer(alice_client, weight_loss=True)
        assert Plan.objects.get(pk=alice_plan.pk).paused_for_safety_at is not None
        assert Suggestion.objects.filter(
            plan_exercise__plan=alice_plan, action="seek_care", decision="open"
        ).exists()
        assert alice_plan.items.filter(is_paused=True).count() == alice_plan.items.count()

    def test_a_clearance_lifts_the_pause(self, alice_client, alice_plan):
        answer(alice_client, weight_loss=True)
        clear(alice_client)
        assert Plan.objects.get(pk=alice_plan.pk).paused_for_safety_at is None
        # Exercises paused for safety come back one by one, from Today.
        assert "Resume" in page(alice_client, "/today/")


ACTS_ON_THE_PLAN = [
    "plan_item_rung",
    "plan_item_pause",
    "plan_item_resume",
    "plan_item_remove",
    "session_edit",
    "suggestion_accept",
    "suggestion_decline",
]


@pytest.mark.parametrize("name", ACTS_ON_THE_PLAN)
def test_nothing_acts_on_the_plan_until_the_screen_is_clear_or_cleared(
    alice_client, alice_plan, name
):
    from django.urls import reverse

    from progress.models import PlanExercise, SessionLog
    from tests.snapshots import owned_rows

    log_session(alice_client, alice_plan, day=DAY)
    answer(alice_client, fever=True)
    objects = {
        "plan_item": PlanExercise.objects.filter(plan=alice_plan).first(),
        "session": SessionLog.objects.get(user=alice_plan.user),
        "suggestion": Suggestion.objects.filter(decision="open").first(),
    }
    kind = {"session_edit": "session", "suggestion_accept": "suggestion"}.get(
        name, "suggestion" if name.startswith("suggestion") else "plan_item"
    )
    url = reverse(name, kwargs={"pk": objects[kind].pk})
    before = owned_rows(alice_plan.user)
    with at_morning(DAY):
        r = alice_client.post(url, {"i-rung": "1"}, follow=True)
    assert r.redirect_chain[0][0] == "/safety/outcome/"
    assert "Your plan is on hold until your safety check allows exercise." in r.content.decode()
    assert owned_rows(alice_plan.user) == before


@pytest.mark.parametrize("url", ["/sessions/new/", "/plan/add/", "/plan/start/"])
def test_logging_adding_and_starting_are_refused_too(alice_client, alice_plan, url):
    from tests.snapshots import owned_rows

    answer(alice_client, fever=True)
    before = owned_rows(alice_plan.user)
    with at_morning(DAY):
        r = alice_client.post(url, {"template": "starter"})
    assert r.url == "/safety/outcome/"
    assert owned_rows(alice_plan.user) == before
