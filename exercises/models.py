import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

_STEP_NUMBER = re.compile(r"^\s*\d+[.)]\s*")


class Region(models.Model):
    """Where an exercise works relative to the lower back (seed 000's four headings)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80)
    order = models.PositiveSmallIntegerField(default=0)
    why_it_matters = models.TextField(blank=True)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Equipment(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "equipment"

    def __str__(self):
        return self.name


class PublishedExerciseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


def unit_in_name(name: str, unit: str) -> bool:
    """Whether a marker's unit is already a word of its name: "Reps" (reps), "Band level" (level).

    Whole words: "s" is in "Squeeze hold" but not a word of it.
    """
    return unit.lower() in name.lower().split()


def in_sentence(text: str) -> str:
    """A name for the middle of a sentence: "Front-foot height" → "front-foot height".

    Abbreviations keep their capitals: "QL side bend" → "QL side bend", never "ql".
    """
    return " ".join(w if sum(c.isupper() for c in w) > 1 else w.lower() for w in text.split(" "))


def marker_label(name: str, unit: str) -> str:
    """A marker with its unit, "Hold time (s)", or just "Reps" when the unit is in the name;
    "" for a rung with nothing to measure."""
    if not name:
        return ""
    return name if unit_in_name(name, unit) else f"{name} ({unit})"


class Exercise(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="exercises")
    summary = models.CharField(max_length=300)
    why_it_helps = models.TextField(blank=True)
    safety_notes = models.TextField(blank=True)
    equipment = models.ManyToManyField(Equipment, blank=True, related_name="exercises")
    video_url = models.URLField(blank=True)
    source = models.CharField(
        max_length=300, blank=True, help_text="Where this content comes from."
    )
    is_published = models.BooleanField("published", default=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = PublishedExerciseQuerySet.as_manager()

    class Meta:
        ordering = ["region__order", "order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("exercise_detail", args=[self.slug])


MARKER_TOGETHER = (
    "A progress marker has both a name and a unit, or neither when there is nothing to measure."
)
MARKER_UNIT_MISSING = (
    'Give the marker\'s unit too, e.g. "cm" or "s", or clear its name if this rung has '
    "nothing to measure."
)
MARKER_NAME_MISSING = (
    'Name what is measured too, e.g. "Front-foot height", or clear the unit if this rung has '
    "nothing to measure."
)


class Stage(models.TextChoices):
    ASSISTED = "assisted", "Assisted"
    BODYWEIGHT = "bodyweight", "Bodyweight"
    LOADED = "loaded", "Loaded"


class Rung(models.Model):
    """One step of an exercise's ladder, with its prescribed dose and progress marker."""

    # What a curator writes for a rung: loaded from catalog_data, edited in the admin.
    CONTENT_FIELDS = (
        "position",
        "name",
        "stage",
        "instructions",
        "cues",
        "sets",
        "reps",
        "hold_seconds",
        "per_side",
        "marker_name",
        "marker_unit",
    )

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="rungs")
    position = models.PositiveSmallIntegerField(help_text="1 is the easiest rung.")
    name = models.CharField(max_length=160)
    stage = models.CharField(max_length=12, choices=Stage.choices)
    instructions = models.TextField(help_text="Numbered steps, one per line.")
    cues = models.TextField(blank=True, help_text="Short cues, one per line.")
    sets = models.PositiveSmallIntegerField(default=2)
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_seconds = models.PositiveSmallIntegerField("hold (seconds)", null=True, blank=True)
    per_side = models.BooleanField(default=False)
    # Both or neither: a rung with nothing to measure has no marker at all.
    marker_name = models.CharField(
        max_length=80,
        blank=True,
        help_text='What to measure, e.g. "Front-foot height". Leave it and the unit empty '
        "when there is nothing to measure.",
    )
    marker_unit = models.CharField(max_length=20, blank=True, help_text='e.g. "cm", "kg", "s".')
    # What this rung needs, so plan start can offer rungs that fit what a person has. Not
    # in CONTENT_FIELDS: a many-to-many is set after the row exists.
    equipment = models.ManyToManyField(
        Equipment,
        blank=True,
        related_name="rungs",
        help_text="What this rung needs. Leave out a mat or cushion: a towel or carpet will do.",
    )

    class Meta:
        ordering = ["exercise", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["exercise", "position"],
                name="rung_position_unique_per_exercise",
                violation_error_message="Each rung of an exercise needs its own position.",
            ),
            models.CheckConstraint(condition=Q(position__gte=1), name="rung_position_positive"),
            models.CheckConstraint(condition=Q(sets__gte=1), name="rung_sets_positive"),
            models.CheckConstraint(
                # The explicit isnull tests matter: with both columns NULL, "reps >= 1"
                # is NULL rather than false, and a CHECK that evaluates to NULL passes.
                condition=(
                    Q(reps__isnull=False, reps__gte=1, hold_seconds__isnull=True)
                    | Q(reps__isnull=True, hold_seconds__isnull=False, hold_seconds__gte=1)
                ),
                name="rung_reps_xor_hold",
                violation_error_message="Give either reps or a hold time (at least 1), not both.",
            ),
            models.CheckConstraint(
                condition=Q(marker_name="", marker_unit="")
                | (~Q(marker_name="") & ~Q(marker_unit="")),
                name="rung_marker_name_and_unit_together",
                violation_error_message=MARKER_TOGETHER,
            ),
        ]

    def __str__(self):
        return f"{self.exercise.name} · rung {self.position}: {self.name}"

    def clean(self):
        # Said on the field that is missing; the constraint's message is the fallback.
        if self.marker_name and not self.marker_unit:
            raise ValidationError({"marker_unit": MARKER_UNIT_MISSING})
        if self.marker_unit and not self.marker_name:
            raise ValidationError({"marker_name": MARKER_NAME_MISSING})

    @property
    def dose_text(self) -> str:
        amount = f"{self.reps} reps" if self.reps else f"{self.hold_seconds} s hold"
        side = " per side" if self.per_side else ""
        return f"{self.sets} × {amount}{side}"

    @property
    def marker_label(self) -> str:
        return marker_label(self.marker_name, self.marker_unit)

    @property
    def marker_in_sentence(self) -> str:
        return in_sentence(self.marker_name)

    def instruction_steps(self) -> list[str]:
        # Curators number the steps ("1. Lie on your back"); the page's list numbers them.
        return [
            _STEP_NUMBER.sub("", line).strip()
            for line in self.instructions.splitlines()
            if line.strip()
        ]

    def cue_list(self) -> list[str]:
        return [line.strip() for line in self.cues.splitlines() if line.strip()]
