import pytest
from django.core.management import call_command

from exercises import catalog_data
from exercises.catalog import catalog_load
from exercises.models import Equipment, Exercise, Region, Rung

pytestmark = pytest.mark.django_db

RUNG_COUNT = sum(len(row["rungs"]) for row in catalog_data.EXERCISES)


def counts():
    return (
        Region.objects.count(),
        Equipment.objects.count(),
        Exercise.objects.count(),
        Rung.objects.count(),
    )


def needs(rung):
    return set(rung.equipment.values_list("slug", flat=True))


class TestCatalogLoad:
    def test_it_loads_the_whole_catalog(self):
        report = catalog_load()
        assert counts() == (
            len(catalog_data.REGIONS),
            len(catalog_data.EQUIPMENT),
            len(catalog_data.EXERCISES),
            RUNG_COUNT,
        )
        assert (report.exercises, report.rungs) == (len(catalog_data.EXERCISES), RUNG_COUNT)

    def test_it_links_equipment_and_sources(self):
        catalog_load()
        bridge = Exercise.objects.get(slug="glute-bridge")
        row = next(r for r in catalog_data.EXERCISES if r["slug"] == "glute-bridge")
        assert sorted(bridge.equipment.values_list("slug", flat=True)) == sorted(row["equipment"])
        assert bridge.source == catalog_data.SOURCES["glute-bridge"]

    def test_it_sets_what_each_rung_needs(self):
        catalog_load()
        for row in catalog_data.EXERCISES:
            for r in row["rungs"]:
                rung = Rung.objects.get(exercise__slug=row["slug"], position=r["position"])
                assert sorted(rung.equipment.values_list("slug", flat=True)) == sorted(
                    r["equipment"]
                ), (row["slug"], r["position"])

    def test_it_fills_in_the_equipment_of_rungs_loaded_before_it_existed(self):
        catalog_load()
        through = Rung.equipment.through
        through.objects.all().delete()  # as a catalog loaded before rungs had equipment
        curated = Rung.objects.get(exercise__slug="pullover", position=1)
        curated.equipment.set([Equipment.objects.get(slug="mat")])
        renamed = Rung.objects.get(exercise__slug="clamshell", position=3)
        Rung.objects.filter(pk=renamed.pk).update(name="Clam, band above the knees")
        report = catalog_load()
        assert needs(Rung.objects.get(exercise__slug="hip-flexor-stretch", position=1)) == {"chair"}
        assert needs(curated) == {"mat"}  # a curator's choice stays
        assert needs(renamed) == set()  # no longer the catalog's rung: left to the curator
        expected = sum(1 for row in catalog_data.EXERCISES for r in row["rungs"] if r["equipment"])
        assert report.rung_equipment == expected - 2
        assert f"Filled in the equipment of {expected - 2} rungs." in str(report)
        assert catalog_load().rung_equipment == 0

    def test_loading_twice_creates_nothing_twice(self):
        catalog_load()
        before = counts()
        report = catalog_load()
        assert counts() == before
        assert (report.regions, report.equipment, report.exercises, report.rungs) == (0, 0, 0, 0)

    def test_it_keeps_a_curators_edit_to_an_exercise(self):
        catalog_load()
        Exercise.objects.filter(slug="glute-bridge").update(
            summary="Edited by a curator.", is_published=False
        )
        catalog_load()
        bridge = Exercise.objects.get(slug="glute-bridge")
        assert bridge.summary == "Edited by a curator."
        assert bridge.is_published is False

    def test_it_keeps_a_curators_edit_to_a_rung(self):
        catalog_load()
        rung = Rung.objects.get(exercise__slug="glute-bridge", position=1)
        rung.name = "Curator's name"
        rung.sets = 4
        rung.save()
        catalog_load()
        rung.refresh_from_db()
        assert (rung.name, rung.sets) == ("Curator's name", 4)
        assert Rung.objects.filter(exercise__slug="glute-bridge", position=1).count() == 1

    def test_it_does_not_bring_back_a_rung_a_curator_deleted(self):
        catalog_load()
        bridge = Exercise.objects.get(slug="glute-bridge")
        before = bridge.rungs.count()
        bridge.rungs.order_by("-position").first().delete()
        catalog_load()
        assert bridge.rungs.count() == before - 1

    def test_it_keeps_a_curators_edit_to_a_region(self):
        catalog_load()
        Region.objects.filter(slug="below").update(name="Below the back")
        catalog_load()
        assert Region.objects.get(slug="below").name == "Below the back"

    def test_it_adds_an_exercise_that_is_missing(self):
        catalog_load()
        Exercise.objects.get(slug="pullover").delete()
        report = catalog_load()
        assert report.exercises == 1
        assert Exercise.objects.filter(slug="pullover").exists()


class TestLoadCatalogCommand:
    def test_it_reports_what_it_created(self, capsys):
        call_command("load_catalog")
        assert f"{len(catalog_data.EXERCISES)} exercises" in capsys.readouterr().out

    def test_running_it_again_creates_nothing(self, capsys):
        call_command("load_catalog")
        call_command("load_catalog")
        assert "Created 0 regions, 0 equipment, 0 exercises, 0 rungs." in capsys.readouterr().out
