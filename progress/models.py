from typing import Protocol

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from backcare.accounts.models import Profession
from exercises.models import Exercise, Rung, marker_label
from progress.rules.engine import Action, Dose
from progress.rules.red_flags import Outcome

# Upper bounds of a plausible logged dose: sets per exercise, and reps or seconds per set.
MAX_SETS = 20
MAX_AMOUNT = 600


def _pain_check(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gte": 0, f"{field}__lte": 10}) | Q(**{f"{field}__isnull": True}),
        name=name,
    )


class SafetyScreen(models.Model):
    """One set of answers to the red-flag screen; the latest one decides."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_screens"
    )
    answered_at = models.DateTimeField(default=timezone.now)
    answers = models.JSONField(help_text="Question key → yes (true) or no (false).")
    clinician_checked = models.BooleanField()
    outcome = models.CharField(max_length=12, choices=[(o.value, o.name) for o in Outcome])

    class Meta:
        # Newest first by insertion: the last answers given decide, whatever the clock says.
        ordering = ["-id"]
        indexes = [models.Index(fields=["user", "-id"])]

    def __str__(self):
        return f"Safety screen #{self.pk}"

    @property
    def is_clear(self) -> bool:
        return self.outcome == Outcome.CLEAR


class Clearance(models.Model):
    """A clinician assessed a screen's "see a doctor" answers and cleared the person to exercise.

    The screen keeps its answers: the flag and the clearance stand side by side on record.
    """

    # A screen may be cleared again when its clearance grows too old; the latest decides.
    screen = models.ForeignKey(SafetyScreen, on_delete=models.CASCADE, related_name="clearances")
    clinician = models.CharField(max_length=20, choices=Profession.choices)
    assessed_on = models.DateField()
    note = models.TextField(blank=True, max_length=1000)
    recorded_at = models.DateTimeField(default=timezone.now)
    # The clinician who recorded it themselves, from their BackCare account; else the person did.
    cleared_by = models.ForeignKey(
        "accounts.ClinicianProfile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The caution shown on Today until the person dismisses it.
    caution_dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self):
        return f"Clearance of safety screen #{self.screen_id}"

    @property
    def assessor(self) -> str:
        """Who cleared it, in a sentence: "a physiotherapist", "an osteopath"."""
        if self.clinician == Profession.OTHER:
            return "another health professional"
        kind = self.get_clinician_display().lower()
        return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


class PlanTemplate(models.Model):
    """A curated starting plan, e.g. "Starter" or "Whole chain"."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class PlanTemplateItem(models.Model):
    template = models.ForeignKey(PlanTemplate, on_delete=models.CASCADE, related_name="items")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    starting_rung = models.ForeignKey(Rung, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["template", "exercise"], name="template_exercise_once")
        ]

    def __str__(self):
        return f"{self.exercise} from rung {self.starting_rung.position}"


class Plan(models.Model):
    """A user's one plan of exercises."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan"
    )
    template = models.ForeignKey(PlanTemplate, null=True, blank=True, on_delete=models.SET_NULL)
    started_at = models.DateTimeField(default=timezone.now)
    paused_for_safety_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when a red flag is reported; cleared by a clear screen.",
    )

    def __str__(self):
        return f"Plan #{self.pk}"


class CurrentItemsManager(models.Manager["PlanExercise"]):
    """A plan's exercises now. A removed one stays in the table, with its rung, dose and rung
    history, so removing can be undone and adding it again picks up where it left off."""

    def get_queryset(self):
        return super().get_queryset().filter(removed_at__isnull=True)


class PlanExercise(models.Model):
    """One exercise in a plan, at its current rung."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="plan_items")
    rung = models.ForeignKey(Rung, on_delete=models.PROTECT, related_name="plan_items")
    order = models.PositiveSmallIntegerField(default=0)

    class PausedBy(models.TextChoices):
        PERSON = "person", "By you"
        SEEK_CARE = "seek-care", "Stop and seek care"
        CLINICIAN = "clinician", "By your clinician"

    is_paused = models.BooleanField(default=False)
    # Who paused it: a seek-care pause is what a clinician's list and the reminders look for.
    paused_by = models.CharField(max_length=10, choices=PausedBy.choices, blank=True)
    pause_reason = models.CharField(max_length=300, blank=True)
    added_at = models.DateTimeField(default=timezone.now)
    # A dose changed by an accepted suggestion at either end of the ladder; cleared
    # whenever the rung changes, when the rung's own prescription applies again.
    custom_sets = models.PositiveSmallIntegerField(null=True, blank=True)
    custom_amount = models.PositiveSmallIntegerField(null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    everything = models.Manager()  # removed ones too: undo, re-add, the person's export
    objects = CurrentItemsManager()  # the default (Meta), so `plan.items` leaves removed ones out

    class Meta:
        ordering = ["order", "id"]
        default_manager_name = "objects"
        constraints = [
            models.UniqueConstraint(fields=["plan", "exercise"], name="plan_exercise_once"),
            models.CheckConstraint(
                condition=Q(custom_sets__isnull=True, custom_amount__isnull=True)
                | Q(custom_sets__gte=1, custom_amount__gte=1),
                name="plan_exercise_custom_dose_whole",
            ),
        ]

    def __str__(self):
        # No user details: catalog editors may see this in "protected objects" lists.
        return f"Plan exercise #{self.pk}"

    @property
    def dose(self) -> Dose:
        """The prescription in force: the rung's, or the one a suggestion changed."""
        rung = self.rung
        sets = self.custom_sets or rung.sets
        amount = self.custom_amount or rung.reps or rung.hold_seconds
        if rung.reps:
            return Dose(sets=sets, reps=amount, hold_seconds=None, per_side=rung.per_side)
        return Dose(sets=sets, reps=None, hold_seconds=amount, per_side=rung.per_side)


class RungChange(models.Model):
    """Every move of a plan exercise between rungs, with when and why."""

    class Source(models.TextChoices):
        START = "start", "Plan started"
        MANUAL = "manual", "Changed by hand"
        SUGGESTION = "suggestion", "Accepted suggestion"
        CLINICIAN = "clinician", "Changed by your clinician"

    class Change(models.TextChoices):
        RUNG = "rung", "Rung"
        DOSE = "dose", "Dose"
        PAUSE = "pause", "Paused"
        RESUME = "resume", "Resumed"

    plan_exercise = models.ForeignKey(
        PlanExercise, on_delete=models.CASCADE, related_name="rung_changes"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    from_rung = models.ForeignKey(
        Rung, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_rung = models.ForeignKey(Rung, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=12, choices=Source.choices)
    # What changed: the rung (the usual), or, by a clinician, the dose or a pause at the rung.
    change = models.CharField(max_length=6, choices=Change.choices, default=Change.RUNG)
    # The dose a dose change set: sets × reps or seconds.
    sets = models.PositiveSmallIntegerField(null=True, blank=True)
    amount = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.TextField()
    # Who, when a clinician made the change (source "clinician"); kept if they leave.
    changed_by = models.ForeignKey(
        "accounts.ClinicianProfile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-changed_at", "-id"]
        indexes = [models.Index(fields=["plan_exercise", "-changed_at"])]

    def __str__(self):
        return f"Rung change #{self.pk}"

    @property
    def what(self) -> str:
        """The change in a few words: "Rung 2 → 3", "Dose 3 × 12 reps", "Paused"."""
        if self.change == self.Change.RUNG:
            start = f"{self.from_rung.position} → " if self.from_rung else ""
            return f"Rung {start}{self.to_rung.position}"
        if self.change == self.Change.DOSE:
            unit = "reps" if self.to_rung.reps else "s"
            return f"Dose {self.sets} × {self.amount} {unit}"
        return self.get_change_display()

    @property
    def by(self) -> str:
        """Who or what made it: the clinician by name, else how it came about."""
        if self.changed_by is not None:
            profession = self.changed_by.get_profession_display().lower()
            return f"Your {profession} {self.changed_by.user.get_full_name()}"
        return self.get_source_display()


class SessionLog(models.Model):
    """One exercise session on one day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sessions"
    )
    day = models.DateField(help_text="The session's date in the user's time zone.")
    pain_before = models.PositiveSmallIntegerField()
    note = models.TextField(blank=True)
    # A key issued with the form: a second submit of the same form finds this row
    # instead of creating another session.
    submission_key = models.UUIDField()
    created_at = models.DateTimeField(default=timezone.now)
    # Stamped by the services with the moment they are given, not auto_now's server clock:
    # a replayed history (the demo) must not look edited today.
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-day", "-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-day"])]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "submission_key"], name="session_submitted_once"
            ),
            _pain_check("pain_before", "session_pain_before_0_10"),
        ]

    def __str__(self):
        return f"Session #{self.pk}"


class ExerciseEntry(models.Model):
    """How one exercise went in one session, at the rung in force then."""

    session = models.ForeignKey(SessionLog, on_delete=models.CASCADE, related_name="entries")
    plan_exercise = models.ForeignKey(
        PlanExercise, null=True, on_delete=models.SET_NULL, related_name="entries"
    )
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    rung = models.ForeignKey(Rung, on_delete=models.PROTECT, related_name="+")
    # The rung's name and marker as they were when logged (`as_logged`): curators rename
    # rungs, and a past session still says what the person did and measured then.
    rung_name = models.CharField(max_length=160)
    marker_name = models.CharField(max_length=80, blank=True)
    marker_unit = models.CharField(max_length=20, blank=True)
    skipped = models.BooleanField(default=False)
    # The prescription in force when logged, so "full dose done" stays true to history.
    prescribed_sets = models.PositiveSmallIntegerField()
    prescribed_amount = models.PositiveSmallIntegerField()
    sets_done = models.PositiveSmallIntegerField(null=True, blank=True)
    amount_done = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Reps per set, or seconds held, as the rung counts."
    )
    pain_during = models.PositiveSmallIntegerField(null=True, blank=True)
    ease = models.PositiveSmallIntegerField(null=True, blank=True)
    marker_value = models.DecimalField(max_digits=7, decimal_places=1, null=True, blank=True)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "exercise"], name="entry_exercise_once"),
            _pain_check("pain_during", "entry_pain_during_0_10"),
            models.CheckConstraint(
                condition=Q(ease__gte=1, ease__lte=5) | Q(ease__isnull=True), name="entry_ease_1_5"
            ),
            models.CheckConstraint(
                condition=Q(skipped=True)
                | Q(
                    pain_during__isnull=False,
                    ease__isnull=False,
                    sets_done__gte=1,
                    amount_done__gte=1,
                ),
                name="entry_done_is_rated",
            ),
            models.CheckConstraint(
                condition=Q(sets_done__lte=MAX_SETS, amount_done__lte=MAX_AMOUNT)
                | Q(sets_done__isnull=True, amount_done__isnull=True),
                name="entry_dose_in_range",
            ),
        ]

    def __str__(self):
        return f"Entry #{self.pk}"

    @property
    def full_dose(self) -> bool:
        return is_full_dose(self)

    @property
    def marker_label(self) -> str:
        return marker_label(self.marker_name, self.marker_unit)


def as_logged(rung: Rung) -> dict[str, str]:
    """What an entry keeps of its rung at logging time (see ExerciseEntry.rung_name)."""
    return {
        "rung_name": rung.name,
        "marker_name": rung.marker_name,
        "marker_unit": rung.marker_unit,
    }


class DoseLogged(Protocol):
    """What the full-dose rule reads: an entry, or a plain row of its columns."""

    @property
    def skipped(self) -> bool: ...
    @property
    def sets_done(self) -> int | None: ...
    @property
    def amount_done(self) -> int | None: ...
    @property
    def prescribed_sets(self) -> int: ...
    @property
    def prescribed_amount(self) -> int: ...


def is_full_dose(entry: DoseLogged) -> bool:
    # A done entry always has its dose (the entry_done_is_rated constraint); the None
    # checks only tell the type checker so.
    return (
        not entry.skipped
        and entry.sets_done is not None
        and entry.amount_done is not None
        and entry.sets_done >= entry.prescribed_sets
        and entry.amount_done >= entry.prescribed_amount
    )


class CheckIn(models.Model):
    """The next-morning check-in: this morning's pain and any new red flag."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    day = models.DateField(help_text="The morning's date in the user's time zone.")
    morning_pain = models.PositiveSmallIntegerField()
    red_flags = models.JSONField(default=list, blank=True, help_text="Keys of red flags reported.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="checkin_once_a_day"),
            _pain_check("morning_pain", "checkin_pain_0_10"),
        ]

    def __str__(self):
        return f"Check-in #{self.pk}"


class Suggestion(models.Model):
    """A suggested next step for one plan exercise, and what the user decided."""

    class Decision(models.TextChoices):
        OPEN = "open", "Waiting for you"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        SUPERSEDED = "superseded", "Replaced by a newer suggestion"

    plan_exercise = models.ForeignKey(
        PlanExercise, on_delete=models.CASCADE, related_name="suggestions"
    )
    created_at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=12, choices=[(a.value, a.name) for a in Action])
    rule = models.CharField(max_length=40)
    summary = models.CharField(max_length=200)
    reasons = models.JSONField()
    from_rung = models.ForeignKey(Rung, on_delete=models.PROTECT, related_name="+")
    target_rung = models.ForeignKey(
        Rung, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    new_sets = models.PositiveSmallIntegerField(null=True, blank=True)
    new_amount = models.PositiveSmallIntegerField(null=True, blank=True)
    # The newest entry the suggestion was based on: a declined suggestion is not
    # offered again until newer entries (or check-ins) arrive.
    basis = models.CharField(max_length=80)
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.OPEN)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["plan_exercise", "-created_at"]),
            # The dashboard marks the few decided suggestions among many superseded ones.
            models.Index(
                fields=["plan_exercise", "decided_at"],
                condition=Q(decision__in=["accepted", "declined"]),
                name="suggestion_decided",
            ),
        ]
        constraints = [
            # At most one open suggestion per exercise: Today never shows two.
            models.UniqueConstraint(
                fields=["plan_exercise"],
                condition=Q(decision="open"),
                name="one_open_suggestion_per_exercise",
            )
        ]

    def __str__(self):
        return f"Suggestion #{self.pk}"

    @property
    def is_actionable(self) -> bool:
        """Holds only inform; the rest are accepted or declined."""
        return self.decision == self.Decision.OPEN and self.action != Action.HOLD


class PsfsActivity(models.Model):
    """An activity the user finds hard, named for the Patient-Specific Functional Scale."""

    MAX_PER_USER = 3

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="psfs_activities"
    )
    position = models.PositiveSmallIntegerField(help_text="Slot 1–3 on the user's list.")
    name = models.CharField(max_length=80)
    created_at = models.DateTimeField(default=timezone.now)
    # Renaming a rated activity or removing it retires the row rather than deleting it, so
    # earlier ratings keep meaning what the user rated then.
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "position"],
                condition=Q(retired_at__isnull=True),
                name="psfs_one_current_activity_per_slot",
            ),
            models.CheckConstraint(
                condition=Q(position__gte=1, position__lte=3), name="psfs_position_1_3"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="psfs_activity_named"),
        ]

    def __str__(self):
        return f"PSFS activity #{self.pk}"


class PsfsRating(models.Model):
    """One 0 (can't) to 10 (as before the problem) rating of one activity on one day."""

    activity = models.ForeignKey(PsfsActivity, on_delete=models.CASCADE, related_name="ratings")
    day = models.DateField(help_text="The rating's date in the user's time zone.")
    score = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day", "id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "day"], name="psfs_rating_once_a_day"),
            _pain_check("score", "psfs_score_0_10"),
        ]

    def __str__(self):
        return f"PSFS rating #{self.pk}"


class ReminderSettings(models.Model):
    """When a person wants to practise and be reminded (progress/rules/reminders.py), in
    their own time zone, and their private calendar link."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    days = models.JSONField(default=list, blank=True, help_text="Weekdays, 0 = Monday.")
    at = models.TimeField(help_text="Local time of day to practise.")
    practice = models.BooleanField(default=False, help_text="E-mail on practice days.")
    checkin = models.BooleanField(default=True, help_text="E-mail the morning after a session.")
    weekly_summary = models.BooleanField(default=False)
    # Looked up by the feed; a new one ends the old link, none means no feed.
    calendar_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    saved_at = models.DateTimeField(
        default=timezone.now, help_text="Nothing is sent for a moment before this."
    )

    def __str__(self):
        return f"Reminder settings #{self.pk}"


class SentReminder(models.Model):
    """A reminder that was sent: the record that keeps it from being sent twice, whoever
    tries (a retry, a second worker, a restarted one)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    day = models.DateField(help_text="The local day it was for.")
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "day"], name="reminder_sent_once")
        ]

    def __str__(self):
        return f"Sent reminder #{self.pk}"


class ReportLink(models.Model):
    """A time-limited, read-only link to one report, for a one-off appointment.

    Only the token's SHA-256 is stored: the link is shown once, when it is made, and a copy
    of the database cannot open it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_links"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    label = models.CharField(max_length=80, blank=True, help_text="Who it is for, as a reminder.")
    start = models.DateField()
    end = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Report link #{self.pk}"

    def is_live(self, now) -> bool:
        return self.revoked_at is None and now < self.expires_at


class DataAccess(models.Model):
    """One look at a person's data by someone else: who, what, when and from where.

    Append-only: a row is never changed (save refuses) and outlives the account it is about,
    so it names the page looked at, never a figure from it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="data_accesses",
        help_text="Whose data was looked at (empty once that account is deleted).",
    )
    who = models.CharField(max_length=120, help_text="The viewer, as the person is told.")
    what = models.CharField(max_length=120)
    at = models.DateTimeField()
    address = models.GenericIPAddressField(null=True, blank=True)
    report_link = models.ForeignKey(
        ReportLink, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "-at"])]

    def __str__(self):
        return f"Data access #{self.pk}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A record of a look is never changed.")
        super().save(*args, **kwargs)


class CareGrant(models.Model):
    """A patient's consent that one clinician may see their reports and dashboard, and
    perhaps adjust their plan: invited by the patient, accepted by the clinician, revocable
    by the patient at any time, with immediate effect."""

    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_grants"
    )
    clinician = models.ForeignKey(
        "accounts.ClinicianProfile", on_delete=models.CASCADE, related_name="grants"
    )
    may_adjust_plan = models.BooleanField(default=False)
    invited_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-invited_at", "-id"]
        constraints = [
            # One standing grant per patient and clinician; revoked ones stay on record.
            models.UniqueConstraint(
                fields=["patient", "clinician"],
                condition=Q(revoked_at__isnull=True),
                name="one_standing_grant",
            )
        ]

    def __str__(self):
        return f"Care grant #{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.accepted_at is not None and self.revoked_at is None


class GrantEvent(models.Model):
    """Each grant, change and revocation, as it happened. Append-only."""

    class What(models.TextChoices):
        INVITED = "invited", "Invited"
        ACCEPTED = "accepted", "Accepted"
        CHANGED = "changed", "Changed what is shared"
        REVOKED = "revoked", "Revoked"

    grant = models.ForeignKey(CareGrant, on_delete=models.CASCADE, related_name="events")
    what = models.CharField(max_length=10, choices=What.choices)
    may_adjust_plan = models.BooleanField(help_text="What the grant allowed after this event.")
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"Grant event #{self.pk}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A grant's history is never changed.")
        super().save(*args, **kwargs)
