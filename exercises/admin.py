from django.contrib import admin
from django.db import models, transaction
from django.db.models import Count, F

from exercises.forms import RungAdminForm
from exercises.models import Equipment, Exercise, Region, Rung

# Rungs are parked this far up while a reorder is saved, so swapping two positions
# never trips the unique (exercise, position) constraint half-way through.
REORDER_OFFSET = 10_000


class RungInline(admin.StackedInline):
    model = Rung
    form = RungAdminForm
    extra = 0
    ordering = ["position"]
    fieldsets = (
        (None, {"fields": (("position", "stage"), "name", "instructions", "cues")}),
        ("Dose", {"fields": (("sets", "reps", "hold_seconds", "per_side"),)}),
        ("Progress marker", {"fields": (("marker_name", "marker_unit"),)}),
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
    inlines = [RungInline]
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


@admin.register(Rung)
class RungAdmin(admin.ModelAdmin):
    form = RungAdminForm
    list_display = ("exercise", "position", "name", "stage", "marker_name")
    list_filter = ("stage", "exercise__region", "exercise__is_published")
    search_fields = ("name", "exercise__name", "instructions")
    list_select_related = ("exercise",)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("name", "order")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Equipment)
class EquipmentAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
