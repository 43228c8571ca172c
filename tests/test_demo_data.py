"""`manage.py demo_data`: a demo user with three months of believable history."""

from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command

from progress.management.commands.demo_data import DEMO_EMAIL, DEMO_PASSWORD
from progress.models import CheckIn, ExerciseEntry, PsfsRating, RungChange, SessionLog, Suggestion
from progress.services import psfs

pytestmark = pytest.mark.django_db
# An evening in London, so the whole of "today" has happened.
NOW = datetime(2026, 6, 10, 21, tzinfo=UTC)


def demo(**options) -> str:
    out = StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("demo_data", force=True, stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def demo_user(django_user_model):
    demo()
    return django_user_model.objects.get(email=DEMO_EMAIL)


class TestDemoData:
    def test_it_refuses_to_run_with_debug_off_unless_forced(self, django_user_model):
        with pytest.raises(CommandError, match="password is public"):
            call_command("demo_data")
        assert not django_user_model.objects.exists()

    def test_it_prints_a_log_in_that_works(self, django_user_model):
        assert f"Log in as {DEMO_EMAIL} / {DEMO_PASSWORD}" in demo()
        assert django_user_model.objects.get(email=DEMO_EMAIL).check_password(DEMO_PASSWORD)

    def test_it_tells_three_months_of_story_ending_today(self, demo_user):
        self.three_months_ending_today(demo_user)
        self.a_flare_up_a_step_down_and_a_recovery(demo_user)
        self.markers_and_activity_ratings(demo_user)

    def three_months_ending_today(self, demo_user):
        today = NOW.astimezone(demo_user.zone).date()
        days = SessionLog.objects.filter(user=demo_user).values_list("day", flat=True)
        assert 35 <= len(days) <= 55  # about three sessions a week
        assert min(days) >= today - timedelta(days=90)
        assert min(days) <= today - timedelta(days=84)
        assert max(days) >= today - timedelta(days=2)
        assert CheckIn.objects.filter(user=demo_user).count() >= 25
        # Every row was written at its own moment in the story, none in the future.
        created = SessionLog.objects.filter(user=demo_user).values_list("created_at", flat=True)
        assert max(created) <= NOW
        for session in SessionLog.objects.filter(user=demo_user):
            assert session.created_at.astimezone(demo_user.zone).date() == session.day

    def a_flare_up_a_step_down_and_a_recovery(self, demo_user):
        decided = Suggestion.objects.filter(plan_exercise__plan__user=demo_user)
        accepted = decided.filter(decision="accepted")
        assert accepted.filter(action="regress", target_rung__isnull=False).exists()
        assert accepted.filter(action="progress", target_rung__isnull=False).count() >= 4
        assert decided.filter(decision="declined").count() == 1
        regress = accepted.filter(action="regress").first()
        later = accepted.filter(action="progress", plan_exercise=regress.plan_exercise)
        assert later.filter(decided_at__gt=regress.decided_at).exists()  # back up again
        rising = SessionLog.objects.filter(user=demo_user, pain_before__gte=5)
        assert rising.exists()
        assert (
            RungChange.objects.filter(
                plan_exercise__plan__user=demo_user, source="suggestion"
            ).count()
            == accepted.filter(target_rung__isnull=False).count()
        )

    def markers_and_activity_ratings(self, demo_user):
        measured = ExerciseEntry.objects.filter(session__user=demo_user, marker_value__isnull=False)
        assert measured.count() >= 60
        ratings = PsfsRating.objects.filter(activity__user=demo_user)
        history = psfs.scores(ratings.values_list("day", "score"))
        assert len(history) >= 6
        text, meaningful = psfs.change_message(history)
        assert meaningful and "rose" in text

    def test_running_it_again_resets_the_demo_user_only(self, alice, demo_user, django_user_model):
        first = set(SessionLog.objects.filter(user=demo_user).values_list("day", "pain_before"))
        demo()
        again = django_user_model.objects.get(email=DEMO_EMAIL)
        assert again.pk != demo_user.pk
        assert django_user_model.objects.filter(email=DEMO_EMAIL).count() == 1
        assert not SessionLog.objects.filter(user_id=demo_user.pk).exists()
        assert set(SessionLog.objects.filter(user=again).values_list("day", "pain_before")) == first
        assert django_user_model.objects.filter(pk=alice.pk).exists()

    def test_the_dashboard_shows_it(self, client, demo_user):
        client.force_login(demo_user)
        with time_machine.travel(NOW, tick=False):
            html = client.get("/progress/").content.decode()
        assert html.count('<svg class="chart-svg"') >= 6
        assert "a meaningful change" in html
        assert "Please confirm your e-mail address" not in html  # a demo has no inbox

    def test_the_published_log_in_matches_the_command(self):
        root = Path(__file__).resolve().parents[1]
        for doc in ("Makefile", "README.md"):
            text = (root / doc).read_text()
            assert DEMO_EMAIL in text and DEMO_PASSWORD in text, doc
