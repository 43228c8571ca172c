"""The plan templates BackCare ships, loaded like the catalog: create missing, never overwrite.

As with the catalog's sources, a description still naming the team's documents ("seed 004")
was written by an early version, not a curator, so it is replaced by today's.
"""

from typing import TypedDict

from django.db import transaction

from exercises.models import Exercise
from progress.models import PlanTemplate, PlanTemplateItem


class ShippedTemplate(TypedDict):
    slug: str
    name: str
    order: int
    description: str
    items: list[tuple[str, int]]  # (exercise slug, starting rung position)


TEMPLATES: list[ShippedTemplate] = [
    {
        "slug": "starter",
        "name": "Starter",
        "order": 1,
        "description": "Three gentle exercises to begin with, as a strength and conditioning "
        "specialist suggests for lower back pain: stretch the hip flexors, then wake up the "
        "glutes with bridges and clams.",
        "items": [("hip-flexor-stretch", 2), ("glute-bridge", 1), ("clamshell", 1)],
    },
    {
        "slug": "whole-chain",
        "name": "Whole chain",
        "order": 2,
        "description": "One exercise for each region: below, around, beside and above the lower "
        "back.",
        "items": [
            ("atg-split-squat", 1),
            ("seated-good-morning", 1),
            ("ql-stretch-and-strengthen", 1),
            ("pullover", 1),
        ],
    },
]


@transaction.atomic
def plan_templates_load() -> int:
    """Create the shipped templates that are missing; returns how many were created."""
    created = 0
    for row in TEMPLATES:
        PlanTemplate.objects.filter(slug=row["slug"], description__contains="seed 0").update(
            description=row["description"]
        )
        if PlanTemplate.objects.filter(slug=row["slug"]).exists():
            continue
        exercises = {
            e.slug: e
            for e in Exercise.objects.filter(
                slug__in=[s for s, _ in row["items"]]
            ).prefetch_related("rungs")
        }
        if len(exercises) < len(row["items"]):
            continue  # The catalog is not loaded (or a curator removed one); try again later.
        template = PlanTemplate.objects.create(
            slug=row["slug"], name=row["name"], order=row["order"], description=row["description"]
        )
        for order, (slug, position) in enumerate(row["items"], start=1):
            exercise = exercises[slug]
            rung = next(r for r in exercise.rungs.all() if r.position == position)
            PlanTemplateItem.objects.create(
                template=template, exercise=exercise, starting_rung=rung, order=order
            )
        created += 1
    return created
