"""Load the catalog content into the database without ever duplicating or overwriting.

A row is created only when its slug (or, for rungs, its exercise) is new: anything that
already exists belongs to the curators and is left exactly as they left it. The one
exception is a source note still naming the team's own documents ("seed 004",
"DOMAIN.md"): no curator wrote that, an early catalog did, so it is replaced by today's.
A rung's equipment came after the first catalogs, so an existing rung with none gets the
catalog's (found by its exercise and name: a curator may have moved it). A rung left with
no equipment on purpose is filled in again by the next load: an empty set cannot say why.
Drawn figures came later still and are filled in the same way: a rung without one gets the
catalog's; a figure a curator has edited is theirs and stays.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from exercises import catalog_data
from exercises.illustrations.shipped import FIGURES
from exercises.models import Equipment, Exercise, Region, Rung
from exercises.versions import catalog_changed

EXERCISE_FIELDS = ("name", "summary", "why_it_helps", "safety_notes", "video_url", "order")
# How the first catalogs' source notes named the team's documents instead of the sources.
INTERNAL_SOURCE = Q(source__contains="seed 0") | Q(source__contains="DOMAIN.md")


@dataclass
class LoadReport:
    regions: int = 0
    equipment: int = 0
    exercises: int = 0
    rungs: int = 0
    sources: int = 0
    rung_equipment: int = 0
    figures: int = 0

    def __str__(self):
        created = (
            f"Created {self.regions} regions, {self.equipment} equipment, "
            f"{self.exercises} exercises, {self.rungs} rungs."
        )
        if self.sources:
            created += f" Updated {self.sources} source{'' if self.sources == 1 else 's'}."
        if self.rung_equipment:
            n = self.rung_equipment
            created += f" Filled in the equipment of {n} rung{'' if n == 1 else 's'}."
        if self.figures:
            s = "" if self.figures == 1 else "s"
            created += f" Added the drawn figure{s} of {self.figures} rung{s}."
        return created


@transaction.atomic
def catalog_load(data=catalog_data, figures=FIGURES) -> LoadReport:
    report = LoadReport()
    regions = {}
    for row in data.REGIONS:
        regions[row["slug"]], created = Region.objects.get_or_create(
            slug=row["slug"],
            defaults={k: row[k] for k in ("name", "order", "why_it_matters")},
        )
        report.regions += created
    equipment = {}
    for row in data.EQUIPMENT:
        equipment[row["slug"]], created = Equipment.objects.get_or_create(
            slug=row["slug"], defaults={"name": row["name"]}
        )
        report.equipment += created
    for exercise in Exercise.objects.filter(INTERNAL_SOURCE, slug__in=data.SOURCES):
        exercise.source = data.SOURCES[exercise.slug]
        exercise.save(update_fields=["source"])
        report.sources += 1
    existing = set(Exercise.objects.values_list("slug", flat=True))
    needs = []  # (rung, its equipment slugs), for the rungs created and those still without
    for row in data.EXERCISES:
        if row["slug"] in existing:
            continue
        exercise = Exercise.objects.create(
            slug=row["slug"],
            region=regions[row["region"]],
            source=data.SOURCES.get(row["slug"], ""),
            **{k: row[k] for k in EXERCISE_FIELDS},
        )
        exercise.equipment.set([equipment[slug] for slug in row["equipment"]])
        drawn = figures.get(row["slug"], {})
        rungs = Rung.objects.bulk_create(
            Rung(
                exercise=exercise,
                figure=drawn.get(r["position"], {}),
                **{k: r[k] for k in Rung.CONTENT_FIELDS},
            )
            for r in row["rungs"]
        )
        needs += [(rung, r["equipment"]) for rung, r in zip(rungs, row["rungs"], strict=True)]
        report.exercises += 1
        report.rungs += len(row["rungs"])
    catalog_needs = {
        (row["slug"], r["name"]): r["equipment"] for row in data.EXERCISES for r in row["rungs"]
    }
    for rung in Rung.objects.filter(
        exercise__slug__in=existing, equipment__isnull=True
    ).select_related("exercise"):
        if slugs := catalog_needs.get((rung.exercise.slug, rung.name)):
            needs.append((rung, slugs))
            report.rung_equipment += 1
    # By exercise and name, as the equipment: a curator may have moved the rung.
    catalog_figures = {
        (row["slug"], r["name"]): figures[row["slug"]][r["position"]]
        for row in data.EXERCISES
        if row["slug"] in figures
        for r in row["rungs"]
        if r["position"] in figures[row["slug"]]
    }
    undrawn = []
    for rung in Rung.objects.filter(exercise__slug__in=existing).select_related("exercise"):
        if not rung.figure and (figure := catalog_figures.get((rung.exercise.slug, rung.name))):
            rung.figure = figure
            undrawn.append(rung)
    Rung.objects.bulk_update(undrawn, ["figure"])
    report.figures = len(undrawn)
    Rung.equipment.through.objects.bulk_create(
        Rung.equipment.through(rung_id=rung.pk, equipment_id=equipment[slug].pk)
        for rung, slugs in needs
        for slug in slugs
    )
    catalog_changed()  # the bulk writes above send no signals
    return report
