"""Suggestions in the product: from logged sessions and check-ins to a decision on Today."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from progress.models import PlanExercise, RungChange, SessionLog, Suggestion
from tests.builders import local
from tests.logging_helpers import at_morning, check_in, log_session
from tests.snapshots import owned_rows

pytestmark = pytest.mark.django_db
MON = date(2026, 3, 2)
TUE, WED, THU = (MON + timedelta(n) for n in (1, 2, 3))


def bridge(plan) -> PlanExercise:
    return plan.items.get(exercise__slug="glute-bridge")


def two_good_days(client, plan):
    log_session(client, plan, day=MON, pain_before=2, pain=1, ease=4)
    check_in(client, day=TUE, pain=1)
    log_session(client, plan, day=TUE, pain_before=2, pain=2, ease=5)
    check_in(client, day=WED, pain=2)


def open_suggestion(item) -> Suggestion:
    return item.suggestions.get(decision="open")


def today_html(client, day=WED) -> str:
    with at_morning(day):
        return client.get("/today/").content.decode()


def card(html: str, item: PlanExercise) -> str:
    """The part of Today about one plan exercise."""
    return html.split(f'id="item-{item.pk}"')[1].split("</article>")[0]


class TestProgressSuggestion:
    def test_two_good_days_with_settled_mornings_suggest_the_next_rung(
        self, alice_client, alice_plan
    ):
        two_good_days(alice_client, alice_plan)
        s = open_suggestion(bridge(alice_plan))
        assert (s.action, s.target_rung.position, s.rule) == ("progress", 2, "2-for-2")
        html = today_html(alice_client)
        assert "Suggestion: Move up to rung 2" in html
        assert "Pain stayed at 3/10 or below" in html

    def test_accepting_moves_the_plan_and_records_why(self, alice_client, alice_plan):
        two_good_days(alice_client, alice_plan)
        item = bridge(alice_plan)
        s = open_suggestion(item)
        with at_morning(WED):
            r = alice_client.post(f"/suggestions/{s.pk}/accept/")
        assert r.url == "/today/"
        item.refresh_from_db()
        assert item.rung.position == 2
        change = item.rung_changes.first()
        assert change.source == RungChange.Source.SUGGESTION
        assert "Move up to rung 2" in change.reason and "3/10" in change.reason
        s.refresh_from_db()
        assert s.decision == "accepted"
        assert "Double-leg bridge with a 3-5 s squeeze" in today_html(alice_client)

    def test_declining_is_recorded_and_not_offered_again_until_new_entries(
        self, alice_client, alice_plan
    ):
        two_good_days(alice_client, alice_plan)
        item = bridge(alice_plan)
        s = open_suggestion(item)
        with at_morning(WED):
            alice_client.post(f"/suggestions/{s.pk}/decline/")
        s.refresh_from_db()
        assert s.decision == "declined" and s.decided_at
        assert "Suggestion:" not in card(today_html(alice_client), item)
        # A check-in for the same evidence does not bring it back ...
        check_in(alice_client, day=WED, pain=2)
        assert not item.suggestions.filter(decision="open").exists()
        # ... a new session does.
        log_session(alice_client, alice_plan, day=WED, pain_before=2, pain=1, ease=5)
        assert open_suggestion(item).action in ("progress", "hold")
        assert item.rung.position == 1

    def test_a_decided_suggestion_cannot_be_decided_again(self, alice_client, alice_plan):
        two_good_days(alice_client, alice_plan)
        s = open_suggestion(bridge(alice_plan))
        with at_morning(WED):
            alice_client.post(f"/suggestions/{s.pk}/decline/")
            r = alice_client.post(f"/suggestions/{s.pk}/accept/", follow=True)
        assert "already decided" in r.content.decode()
        assert bridge(alice_plan).rung.position == 1


class TestHoldRegressSeekCare:
    def test_one_good_session_holds_and_says_what_is_missing(self, alice_client, alice_plan):
        log_session(alice_client, alice_plan, day=MON, pain=1, ease=4)
        s = open_suggestion(bridge(alice_plan))
        assert s.action == "hold"
        html = today_html(alice_client, MON)
        assert "Suggestion: Stay on rung 1" in html
        assert "No next-morning check-in yet" in html
        assert "Accept" not in html

    def test_pain_7_suggests_stepping_down(self, alice_client, alice_plan):
        item = bridge(alice_plan)
        from progress.services.plans import plan_exercise_move

        plan_exercise_move(
            item=item, rung=item.exercise.rungs.get(position=3), now=local(alice_plan.user, MON, 9)
        )
        log_session(alice_client, alice_plan, day=TUE, pain_before=3, pain=7, ease=3)
        s = open_suggestion(item)
        assert (s.action, s.target_rung.position) == ("regress", 2)
        assert "7/10" in " ".join(s.reasons)

    def test_pain_8_pauses_the_exercise_and_advises_care(self, alice_client, alice_plan):
        log_session(alice_client, alice_plan, day=MON, pain_before=3, pain=8, ease=2)
        item = bridge(alice_plan)
        item.refresh_from_db()
        assert item.is_paused
        assert open_suggestion(item).action == "seek_care"
        html = today_html(alice_client, MON)
        assert "Suggestion: Stop and seek care" in html
        assert "I understand" in html

    def test_a_red_flag_check_in_means_seek_care_for_every_exercise(self, alice_client, alice_plan):
        log_session(alice_client, alice_plan, day=MON)
        check_in(alice_client, day=TUE, pain=4, flags=["fever"])
        assert {s.action for s in Suggestion.objects.filter(decision="open")} == {"seek_care"}


class TestOwnership:
    @pytest.mark.parametrize("decision", ["accept", "decline"])
    def test_another_users_suggestion_is_404(self, client, bob, alice_client, alice_plan, decision):
        two_good_days(alice_client, alice_plan)
        s = open_suggestion(bridge(alice_plan))
        client.force_login(bob)
        before = owned_rows(alice_plan.user)
        r = client.post(f"/suggestions/{s.pk}/{decision}/")
        assert r.status_code == 404
        assert "We could not find that page" in r.content.decode()
        s.refresh_from_db()
        assert s.decision == "open"
        assert owned_rows(alice_plan.user) == before

    def test_it_rejects_get(self, alice_client, alice_plan):
        two_good_days(alice_client, alice_plan)
        s = open_suggestion(bridge(alice_plan))
        r = alice_client.get(f"/suggestions/{s.pk}/accept/")
        assert r.status_code == 405
        assert r["Allow"] == "POST"


class TestTodayWithHistory:
    def test_its_query_count_does_not_grow_with_months_of_history(self, alice_client, alice_plan):
        two_good_days(alice_client, alice_plan)
        with at_morning(WED), CaptureQueriesContext(connection) as short:
            alice_client.get("/today/")
        day = WED
        for _ in range(90):
            log_session(alice_client, alice_plan, day=day, pain=2, ease=3)
            day += timedelta(1)
            check_in(alice_client, day=day, pain=2)
        with at_morning(day), CaptureQueriesContext(connection) as long:
            html = alice_client.get("/today/").content.decode()
        assert "Suggestion:" in html
        assert len(long) == len(short)


class TestThresholdSettings:
    def test_the_thresholds_come_from_settings(self, alice_client, alice_plan, settings):
        settings.BACKCARE_PROGRESSION = {"progress_max_pain": 1}
        two_good_days(alice_client, alice_plan)  # the second day's pain during is 2
        s = open_suggestion(bridge(alice_plan))
        assert s.action == "hold"
        assert "1/10" in " ".join(s.reasons)


class TestDeletingASession:
    def test_suggestions_are_worked_out_again_without_it(self, alice_client, alice_plan):
        two_good_days(alice_client, alice_plan)
        item = bridge(alice_plan)
        assert open_suggestion(item).action == "progress"
        latest = SessionLog.objects.filter(user=alice_plan.user).order_by("-day").first()
        with at_morning(WED):
            alice_client.post(f"/sessions/{latest.pk}/delete/")
        assert open_suggestion(item).action == "hold"
