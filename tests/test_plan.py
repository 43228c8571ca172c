import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from exercises.models import Exercise, Rung
from progress.models import PlanExercise, RungChange
from progress.services.plans import plan_exercise_move
from tests import builders
from tests.snapshots import owned_rows

pytestmark = pytest.mark.django_db


def item(plan, slug):
    return plan.items.get(exercise__slug=slug)


class TestPlan:
    def test_without_a_plan_it_leads_to_plan_start(self, alice_client):
        assert alice_client.get("/plan/").url == "/plan/start/"

    def test_it_lists_the_plan(self, alice_client, alice_plan):
        html = alice_client.get("/plan/").content.decode()
        assert "Hip flexor stretch" in html
        assert "Rung 1 of 5: Double-leg bridge" in html

    def test_it_shows_the_dose_in_force_as_today_does(self, alice_client, alice_plan):
        clam = item(alice_plan, "clamshell")
        PlanExercise.objects.filter(pk=clam.pk).update(custom_sets=2, custom_amount=10)
        own = clam.rung.dose_text
        html = alice_client.get("/plan/").content.decode()
        assert "your dose 2 × 10 reps per side" in html
        assert f"(the rung's is {own})" in html
        assert "2 × 10 reps per side" in alice_client.get("/today/").content.decode()

    def test_its_query_count_does_not_grow_with_the_plan(self, alice_client, alice_plan):
        with CaptureQueriesContext(connection) as small:
            alice_client.get("/plan/")
        builders.every_exercise(alice_plan)
        with CaptureQueriesContext(connection) as large:
            alice_client.get("/plan/")
        assert alice_plan.items.count() == 9
        assert len(large) == len(small)


class TestPlanItemRung:
    def test_it_moves_the_rung_and_records_why(self, alice_client, alice_plan):
        bridge = item(alice_plan, "glute-bridge")
        rung3 = Rung.objects.get(exercise=bridge.exercise, position=3)
        r = alice_client.post(f"/plan/items/{bridge.pk}/rung/", {f"i{bridge.pk}-rung": rung3.pk})
        assert r.url == "/plan/"
        bridge.refresh_from_db()
        assert bridge.rung == rung3
        change = RungChange.objects.filter(plan_exercise=bridge).first()
        assert (change.from_rung.position, change.to_rung.position) == (1, 3)
        assert change.source == "manual"

    def test_moving_to_the_rung_it_is_on_says_so_and_records_nothing(
        self, alice_client, alice_plan
    ):
        bridge = item(alice_plan, "glute-bridge")
        before = RungChange.objects.count()
        r = alice_client.post(
            f"/plan/items/{bridge.pk}/rung/", {f"i{bridge.pk}-rung": bridge.rung_id}, follow=True
        )
        assert "Glute bridge is already on rung 1." in r.content.decode()
        assert RungChange.objects.count() == before

    def test_it_rejects_a_rung_of_another_exercise(self, alice_client, alice_plan):
        bridge = item(alice_plan, "glute-bridge")
        other = Rung.objects.get(exercise__slug="clamshell", position=3)
        r = alice_client.post(
            f"/plan/items/{bridge.pk}/rung/", {f"i{bridge.pk}-rung": other.pk}, follow=True
        )
        assert "Choose one of this exercise&#x27;s rungs." in r.content.decode()
        bridge.refresh_from_db()
        assert bridge.rung.position == 1

    def test_it_rejects_tampered_ids(self, alice_client, alice_plan):
        bridge = item(alice_plan, "glute-bridge")
        r = alice_client.post(
            f"/plan/items/{bridge.pk}/rung/", {f"i{bridge.pk}-rung": "abc"}, follow=True
        )
        assert r.status_code == 200
        assert "Choose one of this exercise" in r.content.decode()

    def test_another_users_item_is_404(self, alice_client, alice_plan, bob_plan):
        theirs = bob_plan.items.first()
        rung = theirs.exercise.rungs.last()
        before = owned_rows(bob_plan.user), owned_rows(alice_plan.user)
        r = alice_client.post(f"/plan/items/{theirs.pk}/rung/", {f"i{theirs.pk}-rung": rung.pk})
        assert r.status_code == 404
        assert "We could not find that page" in r.content.decode()
        theirs.refresh_from_db()
        assert theirs.rung.position == 1
        assert (owned_rows(bob_plan.user), owned_rows(alice_plan.user)) == before

    def test_it_rejects_get(self, alice_client, alice_plan):
        bridge = item(alice_plan, "glute-bridge")
        r = alice_client.get(f"/plan/items/{bridge.pk}/rung/")
        assert r.status_code == 405
        assert r["Allow"] == "POST"


class TestPauseResumeRemove:
    def test_pause_then_resume(self, alice_client, alice_plan):
        clam = item(alice_plan, "clamshell")
        alice_client.post(f"/plan/items/{clam.pk}/pause/")
        clam.refresh_from_db()
        assert clam.is_paused
        today = alice_client.get("/today/").content.decode()
        assert f'id="item-{clam.pk}"' not in today  # not among today's exercises
        assert "Clamshell — Paused by you." in today
        alice_client.post(f"/plan/items/{clam.pk}/resume/")
        clam.refresh_from_db()
        assert not clam.is_paused

    def test_remove_asks_first(self, alice_client, alice_plan):
        clam = item(alice_plan, "clamshell")
        plan_page = alice_client.get("/plan/").content.decode()
        assert f'href="/plan/items/{clam.pk}/remove/">Remove' in plan_page
        question = alice_client.get(f"/plan/items/{clam.pk}/remove/").content.decode()
        assert "Remove Clamshell from your plan?" in question
        assert "rung 1" in question and "Keep it" in question
        assert alice_plan.items.filter(pk=clam.pk).exists()

    def test_remove_can_be_undone_keeping_rung_dose_and_history(self, alice_client, alice_plan):
        clam = clamshell_on_rung(alice_plan, 3)
        PlanExercise.objects.filter(pk=clam.pk).update(custom_sets=3, custom_amount=15)
        r = alice_client.post(f"/plan/items/{clam.pk}/remove/", follow=True)
        html = r.content.decode()
        assert "Clamshell was removed from your plan." in html
        assert not alice_plan.items.filter(pk=clam.pk).exists()
        assert "Removed from your plan" in html and "Clamshell · rung 3, 3 × 15" in html
        r = alice_client.post(f"/plan/items/{clam.pk}/restore/", follow=True)
        assert "Clamshell is back in your plan, on rung 3." in r.content.decode()
        back = alice_plan.items.get(pk=clam.pk)
        assert (back.rung.position, back.custom_sets, back.custom_amount) == (3, 3, 15)
        assert back.rung_changes.count() == 2  # the start and the move: history kept

    def test_adding_a_removed_exercise_again_picks_up_where_it_left_off(
        self, alice_client, alice_plan
    ):
        clam = clamshell_on_rung(alice_plan, 2)
        alice_client.post(f"/plan/items/{clam.pk}/remove/")
        r = alice_client.post("/plan/add/", {"exercise": clam.exercise_id}, follow=True)
        assert (
            "Clamshell is back in your plan, on rung 2 with the dose you had." in r.content.decode()
        )
        assert alice_plan.items.get(exercise=clam.exercise).pk == clam.pk

    @pytest.mark.parametrize("action", ["pause", "resume", "remove", "history"])
    def test_another_users_item_is_404(self, alice_client, alice_plan, bob_plan, action):
        theirs = bob_plan.items.first()
        url = f"/plan/items/{theirs.pk}/{action}/"
        before = owned_rows(bob_plan.user), owned_rows(alice_plan.user)
        r = alice_client.get(url) if action == "history" else alice_client.post(url)
        assert r.status_code == 404
        assert "We could not find that page" in r.content.decode()
        assert theirs.exercise.name not in r.content.decode()
        assert bob_plan.items.filter(pk=theirs.pk, is_paused=False).exists()
        assert (owned_rows(bob_plan.user), owned_rows(alice_plan.user)) == before


def clamshell_on_rung(plan, position):
    clam = item(plan, "clamshell")
    rung = clam.exercise.rungs.get(position=position)
    plan_exercise_move(item=clam, rung=rung, source="manual", reason="", now=timezone.now())
    return clam


class TestPlanAdd:
    def test_it_adds_an_exercise_on_rung_1(self, alice_client, alice_plan):
        pullover = Exercise.objects.get(slug="pullover")
        r = alice_client.post("/plan/add/", {"exercise": pullover.pk})
        assert r.url == "/plan/"
        added = item(alice_plan, "pullover")
        assert added.rung.position == 1
        assert added.rung_changes.get().source == "start"

    def test_it_refuses_an_exercise_already_planned(self, alice_client, alice_plan):
        clam = Exercise.objects.get(slug="clamshell")
        r = alice_client.post("/plan/add/", {"exercise": clam.pk}, follow=True)
        assert "Clamshell is already in the plan." in r.content.decode()
        assert alice_plan.items.filter(exercise=clam).count() == 1

    def test_it_refuses_an_unpublished_exercise(self, alice_client, alice_plan):
        Exercise.objects.filter(slug="pullover").update(is_published=False)
        pullover = Exercise.objects.get(slug="pullover")
        r = alice_client.post("/plan/add/", {"exercise": pullover.pk}, follow=True)
        assert "already in your plan or not available" in r.content.decode()
        assert not alice_plan.items.filter(exercise=pullover).exists()

    def test_before_any_plan_it_leads_to_starting_one(self, alice_client, alice, catalog):
        builders.screen_clear(alice)
        pullover = Exercise.objects.get(slug="pullover")
        r = alice_client.post("/plan/add/", {"exercise": pullover.pk}, follow=True)
        assert r.redirect_chain[-1][0] == "/plan/start/"
        assert "Start your plan" in r.content.decode()
        assert not PlanExercise.objects.exists()

    def test_the_form_offers_only_addable_exercises(self, alice_client, alice_plan):
        html = alice_client.get("/plan/").content.decode()
        form = html.split('action="/plan/add/"')[1]
        assert "Pullover" in form
        assert "Clamshell" not in form


class TestPlanItemHistory:
    def test_it_shows_every_change(self, alice_client, alice_plan):
        bridge = item(alice_plan, "glute-bridge")
        from progress.services.plans import plan_exercise_move

        plan_exercise_move(
            item=bridge, rung=bridge.exercise.rungs.get(position=2), now=timezone.now()
        )
        html = alice_client.get(f"/plan/items/{bridge.pk}/history/").content.decode()
        assert "Started the “Starter” plan on rung 1." in html
        assert "You moved to rung 2 by hand." in html
