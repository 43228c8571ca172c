"""The catalog's pages are kept under the catalog's version: cheap to serve again, never stale.

A curator's change through the admin, a load of the catalog and a deleted rung each show at
once; what one kind of visitor is shown (a curator's preview of an unpublished exercise) is
never shown to another.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from exercises.catalog import catalog_load
from exercises.models import CatalogVersion, Equipment, Exercise
from exercises.versions import catalog_version
from tests.builders import exercise_admin_form

pytestmark = pytest.mark.django_db

PAGES = ["/exercises/", "/exercises/?region=below", "/exercises/glute-bridge/"]


def visit(client, path):
    """The page's main content (the header's log-out form has a fresh token each time) and
    the queries it took."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path).content.decode()
    return html[html.index("<main") : html.index("</main>")], len(queries)


# The session, the user and the version; an exercise's page also finds the exercise (or 404).
@pytest.mark.parametrize("path, queries", list(zip(PAGES, [3, 3, 4], strict=True)))
def test_a_page_seen_before_reads_only_the_version(alice_client, catalog, path, queries):
    first, built = visit(alice_client, path)
    again, kept = visit(alice_client, path)
    assert again == first
    assert kept == queries < built


def test_a_curators_edit_shows_at_once(admin_client, alice_client, catalog):
    bridge = Exercise.objects.get(slug="glute-bridge")
    for path in PAGES:
        assert "Glute bridge" in visit(alice_client, path)[0]
    data = exercise_admin_form(bridge, name="Hip bridge")
    assert (
        admin_client.post(f"/admin/exercises/exercise/{bridge.pk}/change/", data).status_code == 302
    )
    for path in PAGES:
        html = visit(alice_client, path)[0]
        assert "Hip bridge" in html
        assert "Glute bridge" not in html


def test_a_rung_deleted_or_given_equipment_changes_the_ladder(alice_client, catalog):
    bridge = Exercise.objects.get(slug="glute-bridge")
    top = bridge.rungs.order_by("position").last()
    assert f'id="rung-{top.position}"' in visit(alice_client, "/exercises/glute-bridge/")[0]
    top.delete()
    html = visit(alice_client, "/exercises/glute-bridge/")[0]
    assert f'id="rung-{top.position}"' not in html
    first = bridge.rungs.order_by("position").first()
    first.equipment.add(Equipment.objects.create(slug="wobble", name="Wobble board"))
    assert "Wobble board" in visit(alice_client, "/exercises/glute-bridge/")[0]


def test_loading_the_catalog_changes_the_version(catalog):
    before = catalog_version()
    catalog_load()
    assert catalog_version() != before


def test_a_curators_preview_is_never_shown_to_the_public(alice_client, catalog, admin_user):
    Exercise.objects.filter(slug="pullover").update(is_published=False)
    curator = Client()
    curator.force_login(admin_user)
    assert "Pullover" in visit(curator, "/exercises/")[0]  # kept for staff
    assert "Pullover" not in visit(alice_client, "/exercises/")[0]
    assert alice_client.get("/exercises/pullover/").status_code == 404


def test_an_unknown_filter_lists_nothing_and_keeps_one_entry(alice_client, catalog):
    for value in ("nowhere", "elsewhere"):
        html = visit(alice_client, f"/exercises/?region={value}")[0]
        assert "That filter is not one we know" in html
        assert "Glute bridge" not in html


def test_the_exercise_page_learns_the_version_before_it_reads_the_exercise(alice_client, catalog):
    # Read the other way round, a curator's change committed in between would be kept under
    # the new version with the old content.
    with CaptureQueriesContext(connection) as queries:
        alice_client.get("/exercises/glute-bridge/")
    tables = [q["sql"] for q in queries]
    version = next(i for i, sql in enumerate(tables) if "exercises_catalogversion" in sql)
    exercise = next(i for i, sql in enumerate(tables) if 'FROM "exercises_exercise"' in sql)
    assert version < exercise


def test_every_migrate_changes_the_version(catalog):
    before = catalog_version()
    call_command("migrate", verbosity=0)
    assert catalog_version() != before


def test_pages_naming_expiring_addresses_are_kept_no_longer_than_asked(
    alice_client, catalog, settings
):
    settings.BACKCARE_CATALOG_PAGE_SECONDS = 0  # signed media addresses: see settings.py
    built = visit(alice_client, "/exercises/glute-bridge/")[1]
    assert visit(alice_client, "/exercises/glute-bridge/")[1] == built


def test_without_its_row_nothing_is_kept(alice_client, catalog):
    CatalogVersion.objects.all().delete()  # as a test's flushed database leaves it
    first, built = visit(alice_client, "/exercises/")
    again, rebuilt = visit(alice_client, "/exercises/")
    assert again == first
    assert rebuilt == built  # built afresh each time
