import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile

from exercises import uploads
from exercises.models import Equipment, Media, Region, Rung

# The admin parks reordered rungs at position + REORDER_OFFSET (exercises/admin.py),
# and positions are small integers in the database: keep them well below that.
MAX_POSITION = 999
# The largest PositiveSmallIntegerField value every database accepts.
MAX_SMALL_INTEGER = 32_767


class CatalogFilterForm(forms.Form):
    """The catalog's region and equipment filters, read from the query string."""

    region = forms.ChoiceField(required=False, label="Region")
    equipment = forms.ChoiceField(required=False, label="Equipment")

    def __init__(self, data, *, regions, equipment):
        super().__init__(data)
        self.fields["region"].choices = [("", "All regions"), *regions]
        self.fields["equipment"].choices = [("", "Any equipment"), *equipment]


def load_filter_choices() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The (slug, name) of every region and piece of equipment, for CatalogFilterForm."""
    return (
        list(Region.objects.values_list("slug", "name")),
        list(Equipment.objects.values_list("slug", "name")),
    )


class RungAdminForm(forms.ModelForm):
    """A rung in the admin: doses and positions start at 1, with a message per field."""

    position = forms.IntegerField(
        min_value=1, max_value=MAX_POSITION, help_text=Rung._meta.get_field("position").help_text
    )
    sets = forms.IntegerField(min_value=1, max_value=MAX_SMALL_INTEGER, initial=2)
    reps = forms.IntegerField(min_value=1, max_value=MAX_SMALL_INTEGER, required=False)
    hold_seconds = forms.IntegerField(
        min_value=1, max_value=MAX_SMALL_INTEGER, required=False, label="Hold (seconds)"
    )

    class Meta:
        model = Rung
        fields = ["exercise", *Rung.CONTENT_FIELDS, "equipment"]
        widgets = {"equipment": forms.CheckboxSelectMultiple}


class RungFigureAdminForm(RungAdminForm):
    """A rung on its own admin page, where its drawn figure's description can be edited too
    (the exercise page's rung rows leave it as it is)."""

    class Meta(RungAdminForm.Meta):
        fields = [*RungAdminForm.Meta.fields, "figure"]

    def clean_figure(self):
        return self.cleaned_data["figure"] or {}  # cleared: no figure, not JSON null


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB" if size >= 1024 * 1024 else f"{size / 1024:,.0f} KB"


# First bytes of programs: refused by name, so the curator knows what they picked.
PROGRAM_HEADERS = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!")


class MediaForm(forms.ModelForm):
    """A curator's picture or video, judged by its content (exercises.uploads), never by its
    name. Images are stored re-encoded; each file gets a name of our own."""

    class Meta:
        model = Media
        fields = ["rung", "file", "poster", "caption", "author", "source", "licence", "order",
                  "before_figure"]  # fmt: skip

    def _image(self, upload, what: str) -> tuple[ContentFile, int, int]:
        """The upload re-encoded under a name of ours, with its width and height."""
        if upload.size > settings.BACKCARE_MEDIA_IMAGE_MAX_BYTES:
            raise ValidationError(
                f"This {what} is {_megabytes(upload.size)}; images may be at most "
                f"{_megabytes(settings.BACKCARE_MEDIA_IMAGE_MAX_BYTES)}."
            )
        try:
            image = uploads.image_reencoded(
                upload.read(), max_pixels=settings.BACKCARE_MEDIA_IMAGE_MAX_PIXELS
            )
        except uploads.Refused as refused:
            raise ValidationError(str(refused)) from None
        stored = ContentFile(image.content, name=f"{uuid.uuid4().hex}.{image.extension}")
        return stored, image.width, image.height

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not isinstance(upload, UploadedFile):
            return upload  # unchanged
        head = upload.read(64)
        upload.seek(0)
        if head.startswith(PROGRAM_HEADERS):
            raise ValidationError(
                "This file is a program, not a picture or a video. Upload a JPEG, PNG or WebP "
                "image, or an MP4 or WebM video."
            )
        try:
            kind = uploads.video_kind(head)
        except uploads.Refused:
            kind = None
        if kind is None:
            stored, self.instance.width, self.instance.height = self._image(upload, "image")
            self.instance.kind = Media.Kind.IMAGE
            return stored
        if upload.size > settings.BACKCARE_MEDIA_VIDEO_MAX_BYTES:
            raise ValidationError(
                f"This video is {_megabytes(upload.size)}; videos may be at most "
                f"{_megabytes(settings.BACKCARE_MEDIA_VIDEO_MAX_BYTES)}. Shorten it or export "
                "it at a lower resolution."
            )
        self.instance.kind = Media.Kind.VIDEO
        self.instance.width = self.instance.height = None
        upload.name = f"{uuid.uuid4().hex}.{kind}"
        return upload

    def clean_poster(self):
        upload = self.cleaned_data["poster"]
        if not isinstance(upload, UploadedFile):
            return upload
        return self._image(upload, "poster")[0]

    def clean(self):
        cleaned = super().clean()
        if self.instance.kind == Media.Kind.VIDEO and not cleaned.get("poster"):
            self.add_error(
                "poster", "A video needs a poster: the still image shown before it plays."
            )
        return cleaned
