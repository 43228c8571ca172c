"""Create (or reset) a demo user with three months of realistic history ending today."""

import random
import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from backcare.accounts.models import User
from exercises.catalog import catalog_load
from progress.models import PlanExercise, PlanTemplate, Suggestion
from progress.rules.engine import Action
from progress.rules.red_flags import QUESTIONS
from progress.services import psfs
from progress.services.plan_templates import plan_templates_load
from progress.services.plans import plan_create_from_template
from progress.services.screens import screen_record
from progress.services.sessions import EntryData, checkin_record, session_log
from progress.services.suggestions import suggestion_accept, suggestion_decline

DEMO_EMAIL = "demo@backcare.example"
# Published in the README and printed by `make run`; hence the DEBUG guard below.
DEMO_PASSWORD = "demo-back-care"  # noqa: S105
DEMO_ZONE = "Europe/London"
DAYS = 91
# Monday, Wednesday, Friday, and a Saturday now and then.
SESSION_WEEKDAYS = {0, 2, 4}
# A cautious user: steps up only after two weeks on a rung ("progress slowly").
PROGRESS_WAIT_DAYS = 14
# Day ranges of the story (day 0 is 13 weeks ago).
FLARE = range(38, 47)  # pain rises; the bridge hurts and steps down a rung
RECOVERY = range(47, 61)
ACTIVITIES = ("Putting on socks", "Sitting through a film", "Gardening for half an hour")
# Each activity's rating every two weeks, from day 0: slow gains, a dip in the flare-up.
PSFS_RATINGS = ((3, 4, 2), (4, 4, 3), (5, 5, 3), (4, 4, 3), (5, 5, 4), (6, 6, 5), (7, 6, 6))


class Command(BaseCommand):
    help = (
        f"Create the demo user {DEMO_EMAIL} with three months of history, resetting it if present."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off. The demo password is public: never on a real server.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "The demo user's password is public. Run with DJANGO_DEBUG=true (make demo), "
                "or pass --force on a throwaway server."
            )
        catalog_load()
        plan_templates_load()
        user = demo_reset()
        story = DemoStory(user, today=user.local_today(), now=timezone.now())
        story.tell()
        self.stdout.write(
            f"Demo user ready with {story.sessions} sessions. "
            f"Log in as {DEMO_EMAIL} / {DEMO_PASSWORD}"
        )


@transaction.atomic
def demo_reset():
    """Delete the demo user and everything it logged, then create it afresh."""
    User = get_user_model()
    User.objects.filter(email=DEMO_EMAIL).delete()
    user = User.objects.create_user(
        email=DEMO_EMAIL, password=DEMO_PASSWORD, display_name="Demo", time_zone=DEMO_ZONE
    )
    # An address nobody can receive mail at: shown as confirmed, so no reminder to confirm it.
    EmailAddress.objects.create(user=user, email=DEMO_EMAIL, verified=True, primary=True)
    return user


class DemoStory:
    """Live the three months day by day through the services, each given its moment in the story."""

    def __init__(self, user: User, *, today: date, now: datetime):
        self.user, self.now = user, now
        self.start = today - timedelta(days=DAYS - 1)
        self.rng = random.Random(6)  # The same story on every run.
        self.sessions = 0
        self.declined_once = False
        self.last_move: dict[int, int] = {}
        self.last_session: tuple[date | None, int] = (None, 0)
        self.bridge_flared = False

    def at(self, day_index: int, hour: int, minute: int = 0) -> datetime:
        day = self.start + timedelta(days=day_index)
        return datetime.combine(day, time(hour, minute), tzinfo=self.user.zone)

    @transaction.atomic
    def tell(self) -> None:
        start = self.at(0, 8)
        screen_record(
            user=self.user,
            answers=dict.fromkeys(QUESTIONS, False),
            clinician_checked=True,
            now=start,
        )
        plan_create_from_template(
            user=self.user, template=PlanTemplate.objects.get(slug="starter"), now=start
        )
        for d in range(DAYS):
            day = self.start + timedelta(days=d)
            if self.at(d, 8) <= self.now:
                self.morning(d, day)
            if d % 14 == 0 and self.at(d, 20) <= self.now:
                self.rate_activities(d, day)
            is_session_day = day.weekday() in SESSION_WEEKDAYS or (
                day.weekday() == 5 and self.rng.random() < 0.4
            )
            # One quiet week in the flare-up: fewer sessions, as people do.
            if d in FLARE and day.weekday() == 2:
                is_session_day = False
            if is_session_day and self.at(d, 18) <= self.now:
                self.log_session(d, day)

    def pains(self, d: int) -> tuple[int, int]:
        """Pain before and pain during on day `d` of the story."""
        jitter = self.rng.choice((-1, 0, 0, 1))
        if d in FLARE:
            before = 5 + (d - FLARE.start) // 3 % 2  # 5 or 6: a flare-up, not an emergency
            return before, min(4 + max(jitter, 0), 5)
        if d in RECOVERY:
            return 4 - (d - RECOVERY.start) // 7, max(2 + jitter, 1)
        base = 4 - min(d, 30) // 12 if d < FLARE.start else 2
        return max(base + jitter, 1), max(base - 1 + jitter, 0)

    def log_session(self, d: int, day: date) -> None:
        before, during = self.pains(d)
        items = list(
            PlanExercise.objects.filter(plan__user=self.user, is_paused=False).select_related(
                "rung", "exercise"
            )
        )
        entries = []
        for item in items:
            pain = during
            # The flare-up shows in the bridge first: one session hurts enough to step down.
            if item.exercise.slug == "glute-bridge" and d in FLARE and not self.bridge_flared:
                pain, self.bridge_flared = 6, True
            ease = 2 if pain >= 5 else (3 if pain == 4 else self.rng.choice((4, 4, 5)))
            marker = self.marker(item, d)
            data = EntryData.full_dose(item.dose, pain_during=pain, ease=ease, marker_value=marker)
            entries.append((item, data))
        moment = self.at(d, 18)
        session_log(
            user=self.user,
            day=day,
            pain_before=before,
            note="",
            submission_key=uuid.uuid4(),
            entries=entries,
            now=moment,
        )
        self.sessions += 1
        self.last_session = (day, before)
        self.decide(d, moment)

    def marker(self, item: PlanExercise, d: int) -> Decimal | None:
        """A measured marker most days, improving slowly and dipping in the flare-up."""
        if self.rng.random() < 0.3 or not item.rung.marker_name:
            return None
        growth = d / DAYS - (0.15 if d in FLARE else 0)
        name = item.rung.marker_name.lower()
        wobble = self.rng.choice((-1, 0, 0, 1))
        value: float
        if name == "hold time":
            value = 30 + round(15 * growth) + wobble
        elif "hold" in name:
            value = 3 + round(3 * growth + wobble / 2)
        elif name == "band level":
            value = item.rung.position - 2  # rung 3 adds a light band, rung 4 a heavier one
        elif name == "load":
            value = 2.5 + 2.5 * round(2 * growth) / 2
        else:
            value = item.dose.amount + max(round(3 * growth) + wobble, 0)
        return Decimal(value).quantize(Decimal("0.1"))

    def morning(self, d: int, day: date) -> None:
        """The check-in after a session: settled in good weeks, a little worse in the flare-up."""
        session_day, before = self.last_session
        # Now and then a morning is missed, as in real life.
        if session_day != day - timedelta(days=1) or self.rng.random() < 0.12:
            return
        pain = before + (1 if d in FLARE else self.rng.choice((-1, -1, 0)))
        moment = self.at(d, 8)
        checkin_record(user=self.user, day=day, morning_pain=max(pain, 0), flags=[], now=moment)
        self.decide(d, moment)

    def decide(self, d: int, moment: datetime) -> None:
        """Act on what the write at `moment` suggested, at once: accept steps down; go up
        only after two weeks at a rung; decline once."""
        # The suggestions that write made are the ones stamped with its moment.
        made = Suggestion.objects.filter(plan_exercise__plan__user=self.user, created_at=moment)
        for s in made.order_by("id"):
            if not s.is_actionable:
                continue
            item_id = s.plan_exercise_id
            if s.action == Action.REGRESS:
                suggestion_accept(suggestion=s, now=moment)
                self.last_move[item_id] = d
            elif (
                s.action == Action.PROGRESS
                and d - self.last_move.get(item_id, 0) >= PROGRESS_WAIT_DAYS
            ):
                if d >= RECOVERY.stop and not self.declined_once:
                    # After the flare-up the user is cautious once, and says no.
                    suggestion_decline(suggestion=s, now=moment)
                    self.declined_once = True
                else:
                    suggestion_accept(suggestion=s, now=moment)
                    self.last_move[item_id] = d

    def rate_activities(self, d: int, day: date) -> None:
        scores = PSFS_RATINGS[min(d // 14, len(PSFS_RATINGS) - 1)]
        ratings = [
            psfs.ActivityRating(position=n, name=name, score=score)
            for n, (name, score) in enumerate(zip(ACTIVITIES, scores, strict=True), start=1)
        ]
        psfs.psfs_rate(user=self.user, day=day, ratings=ratings, now=self.at(d, 20))
