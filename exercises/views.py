from functools import partial
from itertools import groupby

from django.core.cache import caches
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from exercises.forms import CatalogFilterForm, load_filter_choices
from exercises.models import Exercise, Media, Rung, Stage
from exercises.versions import catalog_keys


def _visible(request: HttpRequest, exercises):
    # Curators preview unpublished exercises; everyone else never sees them.
    return exercises if request.user.is_staff else exercises.published()


def _stage_names(exercise: Exercise) -> list[str]:
    """The stages an exercise's ladder covers, easiest first, from its prefetched rungs."""
    present = {rung.stage for rung in exercise.rungs.all()}
    return [label.lower() for value, label in Stage.choices if value in present]


def _catalog_groups(request: HttpRequest, region: str, equipment: str) -> list:
    """The exercises the filter leaves, grouped by region."""
    # The list names each ladder's stages: the rungs' steps and figures stay unread.
    rungs = Rung.objects.order_by("position").only("exercise_id", "position", "stage")
    exercises = _visible(
        request,
        Exercise.objects.select_related("region").prefetch_related(
            "equipment", Prefetch("rungs", queryset=rungs)
        ),
    )
    if region:
        exercises = exercises.filter(region__slug=region)
    if equipment:
        exercises = exercises.filter(equipment__slug=equipment)
    exercises = list(exercises)
    for exercise in exercises:
        exercise.stage_names = _stage_names(exercise)
    return [(region, list(items)) for region, items in groupby(exercises, key=lambda e: e.region)]


@require_safe
def exercise_list(request: HttpRequest) -> HttpResponse:
    keys = catalog_keys()  # before any catalog read (exercises/versions.py)
    choices = caches["catalog"].get_or_set(
        f"filter-choices:{keys['catalog_version']}", load_filter_choices
    )
    regions, equipment = choices or load_filter_choices()  # None only from a dummy cache
    form = CatalogFilterForm(request.GET, regions=regions, equipment=equipment)
    if form.is_valid():
        region, equipment = form.cleaned_data["region"], form.cleaned_data["equipment"]
        # Read only if the template draws the list afresh.
        groups: object = SimpleLazyObject(partial(_catalog_groups, request, region, equipment))
        shown = f"{region}|{equipment}"
    else:
        groups, shown = [], "unknown filter"  # nothing matches a filter we do not know
    return render(
        request,
        "exercises/exercise_list.html",
        {
            "form": form,
            "groups": groups,
            "filtered": any(request.GET.get(k) for k in form.fields),
            # The list's cache key: what it shows, and whether unpublished ones are in it.
            "shown": shown,
            **keys,
        },
    )


def _ladder(exercise: Exercise, has_media: bool) -> list[Rung]:
    """The exercise's rungs, easiest first, with what each needs and shows."""
    rungs = list(exercise.rungs.order_by("position").prefetch_related("equipment"))
    # Most exercises have no curator media: asked in the exercise's row, read only if any.
    # A picture for the whole exercise shows with every rung; Media's ordering is the curators'.
    media = list(exercise.media.all()) if has_media else []
    for rung in rungs:
        rung.shown_media = [m for m in media if m.rung_id in (None, rung.pk)]  # type: ignore[attr-defined]
    return rungs


@require_safe
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    keys = catalog_keys()  # before the exercise is read (exercises/versions.py)
    exercise = get_object_or_404(
        _visible(request, Exercise.objects.select_related("region")).annotate(
            has_media=Exists(Media.objects.filter(exercise=OuterRef("pk")))
        ),
        slug=slug,
    )
    return render(
        request,
        "exercises/exercise_detail.html",
        {
            "exercise": exercise,
            # Read only if the template draws the ladder afresh.
            "ladder": SimpleLazyObject(partial(_ladder, exercise, exercise.has_media)),
            **keys,
        },
    )
