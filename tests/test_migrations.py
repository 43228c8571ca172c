import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db.migrations.recorder import MigrationRecorder

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
