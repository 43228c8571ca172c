from itertools import groupby

from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from exercises.forms import CatalogFilterForm, load_filter_choices
from exercises.models import Exercise, Media, Rung, Stage


def _catalog_queryset(request: HttpRequest, rungs=None):
    rungs = Rung.objects.order_by("position") if rungs is None else rungs
    exercises = Exercise.objects.select_related("region").prefetch_related(
        "equipment", Prefetch("rungs", queryset=rungs)
    )
    # Curators preview unpublished exercises; everyone else never sees them.
    return exercises if request.user.is_staff else exercises.published()


def _stage_names(exercise: Exercise) -> list[str]:
    """The stages an exercise's ladder covers, easiest first, from its prefetched rungs."""
    present = {rung.stage for rung in exercise.rungs.all()}
    return [label.lower() for value, label in Stage.choices if value in present]


@require_safe
def exercise_list(request: HttpRequest) -> HttpResponse:
    regions, equipment = load_filter_choices()
    form = CatalogFilterForm(request.GET, regions=regions, equipment=equipment)
    # The list names each ladder's stages: the rungs' steps and figures stay unread.
    exercises = _catalog_queryset(
        request, Rung.objects.order_by("position").only("exercise_id", "position", "stage")
    )
    if form.is_valid():
        if form.cleaned_data["region"]:
            exercises = exercises.filter(region__slug=form.cleaned_data["region"])
        if form.cleaned_data["equipment"]:
            exercises = exercises.filter(equipment__slug=form.cleaned_data["equipment"])
    else:
        exercises = exercises.none()
    exercises = list(exercises)
    for exercise in exercises:
        exercise.stage_names = _stage_names(exercise)
    groups = [(region, list(items)) for region, items in groupby(exercises, key=lambda e: e.region)]
    return render(
        request,
        "exercises/exercise_list.html",
        {"form": form, "groups": groups, "filtered": any(request.GET.get(k) for k in form.fields)},
    )


@require_safe
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = get_object_or_404(
        _catalog_queryset(request)
        .prefetch_related("rungs__equipment")
        .annotate(has_media=Exists(Media.objects.filter(exercise=OuterRef("pk")))),
        slug=slug,
    )
    # Most exercises have no curator media: asked in the exercise's row, read only if any.
    # A picture for the whole exercise shows with every rung; Media's ordering is the curators'.
    media = list(exercise.media.all()) if exercise.has_media else []
    for rung in exercise.rungs.all():
        rung.shown_media = [m for m in media if m.rung_id in (None, rung.pk)]
    return render(request, "exercises/exercise_detail.html", {"exercise": exercise})
