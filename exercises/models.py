import json
import re
import uuid
from dataclasses import dataclass
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from exercises.illustrations import draw

_STEP_NUMBER = re.compile(r"^\s*\d+[.)]\s*")


class CatalogVersion(models.Model):
    """The one row whose token changes with every change to the catalog (exercises/versions.py).

    What is built from the catalog alone (the catalog's pages) is kept under this token, so a
    curator's change shows at once and nothing needs clearing.
    """

    token = models.UUIDField(default=uuid.uuid4)

    def __str__(self):
        return str(self.token)


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


@dataclass(frozen=True)
class Illustration:
    moving: SafeString
    still: SafeString
    shows: str
    feel_text: str


@lru_cache(maxsize=512)
def _drawn(description: str) -> Illustration:
    figure = draw.render(json.loads(description))
    # draw puts no description text in the markup; the words are escaped by the template.
    return Illustration(mark_safe(figure.moving), mark_safe(figure.still), figure.shows,  # noqa: S308
                        figure.feel_text)  # fmt: skip


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
    # The drawn illustration: a description exercises.illustrations.draw turns into SVG.
    # Shipped rungs get theirs from load_catalog; empty draws nothing.
    figure = models.JSONField(
        blank=True,
        default=dict,
        help_text="The drawn figure's description (start and end positions, props, where it "
        "is felt). Shipped rungs come with one; leave it empty for none.",
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
        if self.figure:
            try:
                draw.validate(self.figure)
            except (ValueError, KeyError, TypeError) as error:
                raise ValidationError({"figure": f"This figure cannot be drawn: {error}"}) from None
        # Said on the field that is missing; the constraint's message is the fallback.
        if self.marker_name and not self.marker_unit:
            raise ValidationError({"marker_unit": MARKER_UNIT_MISSING})
        if self.marker_unit and not self.marker_name:
            raise ValidationError({"marker_name": MARKER_NAME_MISSING})

    @property
    def illustration(self) -> Illustration | None:
        """The drawn figure, or None. Drawn once per description and worker: the markup
        depends only on the description, so no catalog version is needed to keep it fresh."""
        if not self.figure:
            return None
        return _drawn(json.dumps(self.figure, sort_keys=True))

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


class Licence(models.TextChoices):
    """Licences a curator may publish a picture or video under; the first two need no credit
    beyond the author and source shown with it."""

    CC0 = "cc0-1.0", "CC0 1.0 (public domain dedication)"
    CC_BY_4 = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA_4 = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_3 = "cc-by-3.0", "CC BY 3.0"
    CC_BY_SA_3 = "cc-by-sa-3.0", "CC BY-SA 3.0"
    PERMISSION = "permission", "Used with the author's written permission"


LICENCE_URLS: dict[str, str] = {
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_3: "https://creativecommons.org/licenses/by/3.0/",
    Licence.CC_BY_SA_3: "https://creativecommons.org/licenses/by-sa/3.0/",
}


def media_path(instance: "Media", filename: str) -> str:
    # The name is ours, never the uploader's: the form names files by their checked content.
    return f"catalog/{filename}"


class Media(models.Model):
    """A curator's picture or short video for one rung, or for every rung of an exercise.

    Files reach here only through exercises.forms.MediaForm, which checks them by content and
    re-encodes images; thumbnails are made once the row is committed (exercises.media).
    """

    class Kind(models.TextChoices):
        IMAGE = "image", "Image"
        VIDEO = "video", "Video"

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="media")
    rung = models.ForeignKey(
        Rung,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="media",
        help_text="Leave empty to show it with every rung of the exercise.",
    )
    kind = models.CharField(max_length=5, choices=Kind.choices, editable=False)
    file = models.FileField(
        upload_to=media_path,
        max_length=200,
        help_text="A JPEG, PNG or WebP image, or an MP4 or WebM video.",
    )
    poster = models.FileField(
        upload_to=media_path,
        max_length=200,
        blank=True,
        help_text="For a video: the still image shown before it plays (JPEG, PNG or WebP).",
    )
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    # Thumbnail width → stored file name, made after the upload is committed.
    thumbnails = models.JSONField(default=dict, editable=False)
    caption = models.CharField(max_length=200, help_text="What it shows, for everyone: it is "
                               "also the text read out instead of the picture.")  # fmt: skip
    author = models.CharField(max_length=120)
    source = models.CharField(max_length=300, help_text="Where it comes from: a URL or a "
                              "description, e.g. “photographed for BackCare”.")  # fmt: skip
    licence = models.CharField(max_length=12, choices=Licence.choices)
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers show first.")
    before_figure = models.BooleanField(
        "show before the drawn figure",
        default=False,
        help_text="Show this first, before the rung's drawn figure.",
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "picture or video"
        verbose_name_plural = "pictures and videos"

    def __str__(self):
        return self.caption

    def clean(self):
        if self.rung_id and self.exercise_id and self.rung.exercise_id != self.exercise_id:
            raise ValidationError({"rung": "Choose one of this exercise's own rungs."})

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    @property
    def srcset(self) -> str:
        """The thumbnails and the stored image, for <img srcset>."""
        storage = self.file.storage
        sizes = [(int(w), storage.url(name)) for w, name in self.thumbnails.items()]
        if self.width:
            sizes.append((self.width, self.file.url))
        return ", ".join(f"{url} {w}w" for w, url in sorted(sizes))
