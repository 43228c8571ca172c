from itertools import pairwise

from django.conf import settings
from django.contrib import admin, messages
from django.db import models, transaction
from django.db.models import Count, F
from django.utils.html import format_html

from backcare.middleware import accepts_uploads
from exercises.forms import MediaForm, RungAdminForm, RungFigureAdminForm
from exercises.media import media_thumbnails_make
from exercises.models import Equipment, Exercise, Media, Region, Rung, Stage

# Rungs are parked this far up while a reorder is saved, so swapping two positions
# never trips the unique (exercise, position) constraint half-way through.
REORDER_OFFSET = 10_000
# A ladder climbs easiest first: assisted, then bodyweight, then loaded (Stage's order).
STAGE_RANK: dict[str, int] = {stage.value: rank for rank, stage in enumerate(Stage)}


def stages_out_of_order(exercise_id: int) -> set[tuple[int, int]]:
    """Neighbouring rungs whose stage gets easier up the ladder: (harder id, easier id).

    Neighbours are enough: a ladder out of order anywhere is out of order between two of
    them, and those are the places to name.
    """
    rungs = list(
        Rung.objects.filter(exercise_id=exercise_id).order_by("position").values_list("id", "stage")
    )
    return {
        (lower, upper)
        for (lower, lower_stage), (upper, upper_stage) in pairwise(rungs)
        if STAGE_RANK[lower_stage] > STAGE_RANK[upper_stage]
    }


def warn_stages_out_of_order(request, exercise_id: int, before: set[tuple[int, int]]) -> None:
    """After a save, warn about the rungs it put straight before an easier stage. Any that
    were so before the save were meant (the clamshell's side plank comes after its band
    rungs), so only new ones are named: the warning would otherwise follow every edit."""
    pairs = stages_out_of_order(exercise_id) - before
    if not pairs:
        return
    rungs = Rung.objects.select_related("exercise").in_bulk({pk for pair in pairs for pk in pair})

    def named(rung: Rung) -> str:
        return f"rung {rung.position} “{rung.name}” ({rung.get_stage_display().lower()})"

    clashes = "; ".join(
        f"{named(rungs[harder])} comes before {named(rungs[easier])}"
        for harder, easier in sorted(pairs, key=lambda pair: rungs[pair[0]].position)
    )
    exercise = next(iter(rungs.values())).exercise
    messages.warning(
        request,
        f"Saved, but {exercise.name}’s rungs are no longer easiest first (assisted, then "
        f"bodyweight, then loaded): {clashes}. Check the positions if that is not what you "
        "meant.",
    )


class RungInline(admin.StackedInline):
    model = Rung
    form = RungAdminForm
    extra = 0
    ordering = ["position"]
    fieldsets = (
        (None, {"fields": (("position", "stage"), "name", "instructions", "cues")}),
        ("Dose", {"fields": (("sets", "reps", "hold_seconds", "per_side"),)}),
        ("Progress marker", {"fields": (("marker_name", "marker_unit"),)}),
        ("Needs", {"fields": ("equipment",)}),
    )


class MediaInline(admin.StackedInline):
    model = Media
    form = MediaForm
    extra = 0
    fieldsets = (
        (None, {"fields": ("rung", "file", "poster", "caption")}),
        ("Credit", {"fields": (("author", "licence"), "source")}),
        ("Order", {"fields": (("order", "before_figure"),)}),
    )

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Only this exercise's rungs: a new exercise has none yet (its media shows on all).
        rungs = formset.form.base_fields["rung"]
        rungs.queryset = obj.rungs.order_by("position") if obj else Rung.objects.none()
        return formset


def media_upload_limit() -> int:
    # A video and its poster in one request, with room for the rest of the form.
    return (
        settings.BACKCARE_MEDIA_VIDEO_MAX_BYTES
        + settings.BACKCARE_MEDIA_IMAGE_MAX_BYTES
        + settings.BACKCARE_MAX_REQUEST_BYTES
    )


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    list_display = ("name", "region", "order", "rung_count", "is_published")
    list_editable = ("order", "is_published")
    list_filter = ("region", "rungs__stage", "is_published", "equipment")
    search_fields = ("name", "summary", "rungs__name")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("equipment",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [RungInline, MediaInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "region", "order", "is_published")}),
        ("Content", {"fields": ("summary", "why_it_helps", "safety_notes", "equipment")}),
        ("Sources", {"fields": ("video_url", "source")}),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("region")
            .annotate(_rung_count=Count("rungs", distinct=True))
        )

    @admin.display(description="rungs", ordering="_rung_count")
    def rung_count(self, obj):
        return obj._rung_count

    def get_search_results(self, request, queryset, search_term):
        queryset, _ = super().get_search_results(request, queryset, search_term)
        return queryset.distinct(), False

    @transaction.atomic
    def save_formset(self, request, form, formset, change):
        if formset.model is Rung:
            moving = [
                f.instance.pk
                for f in formset.initial_forms
                if f.instance.pk and ("position" in f.changed_data or f in formset.deleted_forms)
            ]
            Rung.objects.filter(pk__in=moving).update(position=F("position") + REORDER_OFFSET)
        super().save_formset(request, form, formset, change)
        if formset.model is Media:
            for media in formset.new_objects + [
                m for m, fields in formset.changed_objects if "file" in fields
            ]:
                # Thumbnails of a committed upload only: a rolled-back save leaves none.
                transaction.on_commit(lambda media=media: media_thumbnails_make(media))

    def get_urls(self):
        # The add and change pages take uploads (the rest of the admin does not).
        urls = super().get_urls()
        for pattern in urls:
            if pattern.name and pattern.name.endswith(("_add", "_change")):
                accepts_uploads(media_upload_limit())(pattern.callback)
        return urls

    def save_related(self, request, form, formsets, change):
        before = stages_out_of_order(form.instance.pk)
        super().save_related(request, form, formsets, change)
        warn_stages_out_of_order(request, form.instance.pk, before)


@admin.register(Rung)
class RungAdmin(admin.ModelAdmin):
    form = RungFigureAdminForm
    readonly_fields = ("figure_preview",)

    class Media:
        css = {"all": ["css/figures.css"]}

    list_display = ("exercise", "position", "name", "stage", "marker_name")
    list_filter = ("stage", "exercise__region", "exercise__is_published")
    search_fields = ("name", "exercise__name", "instructions")
    list_select_related = ("exercise",)

    @admin.display(description="drawn figure")
    def figure_preview(self, obj):
        art = obj.illustration if obj.pk else None
        if art is None:
            return "No figure: the description below is empty."
        return format_html('<div class="fig-admin-preview">{}</div><p>{}</p>', art.still, art.shows)

    def save_model(self, request, obj, form, change):
        before = stages_out_of_order(obj.exercise_id)
        super().save_model(request, obj, form, change)
        warn_stages_out_of_order(request, obj.exercise_id, before)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name", "order")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Equipment)
class EquipmentAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
