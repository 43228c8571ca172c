import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from backcare.accounts.models import ClinicianProfile

pytestmark = pytest.mark.django_db


def test_there_are_no_pending_migrations():
    # Exits with SystemExit(1) if a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def applied(app):
    return MigrationRecorder.Migration.objects.filter(app=app)


def test_a_database_that_applied_every_squashed_migration_migrates():
    assert applied("progress").filter(name="0012_clinician_plan_changes").exists()
    call_command("migrate", skip_checks=False, verbosity=0)


def test_a_database_part_way_through_the_squashed_migrations_is_told_the_way_out():
    # As if it had stopped at progress 0009, before the squash.
    applied("progress").filter(name__in=["0010_care_grants", "0011_rung_change_by_clinician",
        "0012_clinician_plan_changes"]).delete()  # fmt: skip
    with pytest.raises(SystemCheckError) as stopped:
        call_command("migrate", skip_checks=False, verbosity=0)
    message = str(stopped.value)
    assert "has applied 9 of the 12 progress migrations squashed into" in message
    assert "Check out commit 9426c01, run `manage.py migrate` there" in message
    assert "accounts" not in message  # its history is whole


@pytest.mark.django_db(transaction=True)
def test_registered_athletic_trainers_take_the_kind_clearances_use():
    """One list of clinician kinds: "athletic-trainer" profiles become "athletic_therapist",
    the value clearances and the export already had; other kinds keep theirs."""
    before = [("accounts", "0001_squashed_0005_clinician_profile")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    users = old.get_model("accounts", "User").objects
    profiles = old.get_model("accounts", "ClinicianProfile").objects
    for n, kind in enumerate(("athletic-trainer", "osteopath")):
        profiles.create(
            user=users.create(email=f"c{n}@example.com"),
            profession=kind,
            registration_number="X1",
            practice="Clinic",
            code=f"CODE{n}",
        )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    professions = ClinicianProfile.objects.order_by("id").values_list("profession", flat=True)
    assert list(professions) == ["athletic_therapist", "osteopath"]
