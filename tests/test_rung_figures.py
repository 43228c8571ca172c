"""Every rung shows its drawn figure where people choose, follow and log exercises; the
catalog loader fills figures in without touching a curator's; a figure costs no query."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exercises.catalog import catalog_load
from exercises.illustrations.shipped import FIGURES
from exercises.models import Exercise, Rung
from exercises.versions import catalog_changed
from tests import builders

pytestmark = pytest.mark.django_db


def _figures(html: str) -> list[str]:
    """The text alternatives of the figures on a page, in order."""
    return re.findall(r'<div class="fig-art" role="img" aria-label="([^"]+)">', html)


def test_every_rung_of_every_exercise_shows_its_figure_on_the_exercise_page(client, catalog):
    for exercise in Exercise.objects.prefetch_related("rungs"):
        html = client.get(exercise.get_absolute_url()).content.decode()
        shown = _figures(html)
        rungs = list(exercise.rungs.order_by("position"))
        assert len(shown) == len(rungs), exercise.slug
        for rung, alt in zip(rungs, shown, strict=True):
            assert alt == FIGURES[exercise.slug][rung.position]["shows"].replace("'", "&#x27;")
        # Moving, with the still strip for reduced motion, print and the switch.
        assert html.count('class="fig-moving"') == html.count('class="fig-still"') == len(rungs)
        assert html.count("Still pictures: start and end") == len(rungs)


def test_today_shows_the_current_rung_of_each_exercise(alice_client, alice_plan):
    html = alice_client.get("/today/").content.decode()
    items = list(alice_plan.items.select_related("exercise", "rung"))
    shown = _figures(html)
    assert len(shown) == len(items)
    for item in items:
        assert item.rung.illustration.shows.replace("'", "&#x27;") in shown


def test_today_still_needs_the_same_queries_with_figures(alice_client, alice_plan):
    with CaptureQueriesContext(connection) as drawn:
        alice_client.get("/today/")
    Rung.objects.update(figure={})
    with CaptureQueriesContext(connection) as undrawn:
        html = alice_client.get("/today/").content.decode()
    assert _figures(html) == []
    assert len(drawn) == len(undrawn)


def test_the_session_form_shows_a_small_still_figure_per_exercise(alice_client, alice_plan):
    html = alice_client.get("/sessions/new/", follow=True).content.decode()
    assert len(_figures(html)) == alice_plan.items.count()
    assert 'class="fig-moving"' not in html  # small: the still strip only
    assert html.count("rung-figure rung-figure-small") == alice_plan.items.count()


def test_plan_start_shows_each_exercises_rungs_as_pictures(client, catalog, alice_cleared):
    client.force_login(alice_cleared)
    html = client.get("/plan/start/").content.decode()
    assert html.count("See its rungs as pictures") >= 2
    assert "Rung 3: Half-kneeling stretch, shifting slowly forward" in html
    assert len(_figures(html)) >= 20


def test_the_report_shows_each_current_rung_small(alice_client, alice_plan):
    html = alice_client.get("/progress/report/").content.decode()
    assert len(_figures(html)) == alice_plan.items.count()


class TestLoading:
    def test_a_fresh_catalog_comes_with_every_figure(self, catalog):
        assert not Rung.objects.filter(figure={}).exists()

    def test_an_existing_install_gets_the_figures_it_lacks(self, catalog):
        Rung.objects.update(figure={})
        report = catalog_load()
        assert report.figures == Rung.objects.count() == 42
        assert "Added the drawn figures of 42 rungs." in str(report)
        assert catalog_load().figures == 0  # idempotent

    def test_a_curators_figure_is_never_overwritten(self, catalog):
        rung = Rung.objects.get(exercise__slug="glute-bridge", position=1)
        edited = {
            **rung.figure,
            "shows": "Start: lying down. End: hips up, as the curator drew it.",
        }
        rung.figure = edited
        rung.save()
        catalog_load()
        rung.refresh_from_db()
        assert rung.figure == edited

    def test_a_rung_a_curator_moved_keeps_the_figure_of_its_name(self, catalog):
        rung = Rung.objects.get(exercise__slug="pullover", position=4)
        rung.position, rung.figure = 9, {}
        rung.save()
        catalog_load()
        rung.refresh_from_db()
        assert rung.figure == json.loads(json.dumps(FIGURES["pullover"][4]))


def test_a_figure_that_cannot_be_drawn_is_refused_on_the_rung(catalog):
    rung = Rung.objects.get(exercise__slug="clamshell", position=1)
    rung.figure = {**rung.figure, "props": [{"kind": "trampoline"}]}
    with pytest.raises(ValidationError) as refused:
        rung.full_clean()
    assert "This figure cannot be drawn: unknown prop 'trampoline'" in str(refused.value)


def test_the_rung_admin_edits_and_previews_the_figure(admin_client, catalog):
    rung = Rung.objects.get(exercise__slug="clamshell", position=1)
    page = admin_client.get(f"/admin/exercises/rung/{rung.pk}/change/").content.decode()
    assert "drawn figure" in page and 'class="fig-still"' in page
    broken = builders.rung_admin_form(rung, figure=json.dumps({"start": {}}))
    response = admin_client.post(f"/admin/exercises/rung/{rung.pk}/change/", broken)
    assert "This figure cannot be drawn" in response.content.decode()
    rung.refresh_from_db()
    assert rung.figure["start"] != {}  # nothing saved
    cleared = builders.rung_admin_form(rung, figure="")
    admin_client.post(f"/admin/exercises/rung/{rung.pk}/change/", cleared)
    rung.refresh_from_db()
    assert rung.figure == {}
    html = admin_client.get("/exercises/clamshell/").content.decode()
    assert len(_figures(html)) == rung.exercise.rungs.count() - 1


def test_the_exercise_page_reads_media_only_when_there_is_some(client, catalog):
    from exercises.models import Media

    with CaptureQueriesContext(connection) as drawn:
        client.get("/exercises/glute-bridge/")
    Rung.objects.update(figure={})
    catalog_changed()  # a bulk update sends no signal; the page is then built afresh
    with CaptureQueriesContext(connection) as undrawn:
        client.get("/exercises/glute-bridge/")
    assert len(drawn) == len(undrawn)  # a figure costs no query
    bridge = Exercise.objects.get(slug="glute-bridge")
    for n in range(3):
        Media.objects.create(exercise=bridge, kind="image", file=f"catalog/{n}.jpg", width=10,
                             height=10, caption=f"Picture {n}", author="A", source="S",
                             licence="cc0-1.0")  # fmt: skip
    with CaptureQueriesContext(connection) as with_media:
        html = client.get("/exercises/glute-bridge/").content.decode()
    assert html.count('alt="Picture 2"') == bridge.rungs.count()  # for every rung
    assert len(with_media) == len(undrawn) + 1  # one query, however many pictures
