"""Stop `migrate` on a database part way through migrations that were later squashed.

Django carries a database past a squashed migration when it has applied all the migrations
it replaces, or none of them. The replaced files are no longer in this tree, so a database
that applied only some of them has no way forward from here: say so, with the way out,
before migrate starts, instead of the migration loader's "Related model cannot be resolved".
"""

from django.core.checks import Error, Tags, register
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

# The last commit that still holds every replaced migration (docs/DEPLOY.md, Upgrading).
LAST_COMMIT_WITH_THE_REPLACED = "9426c01"


@register(Tags.database)
def replaced_migrations_all_or_none(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    replacements = MigrationLoader(None, ignore_no_migrations=True).replacements
    errors = []
    for alias in databases:
        recorder = MigrationRecorder(connections[alias])
        if not recorder.has_table():
            continue
        applied = recorder.applied_migrations()
        for (app_label, name), migration in sorted(replacements.items()):
            done = [key in applied for key in migration.replaces]
            if any(done) and not all(done):
                errors.append(
                    Error(
                        f"The database {alias!r} has applied {sum(done)} of the "
                        f"{len(done)} {app_label} migrations squashed into {name}.",
                        hint=(
                            f"Check out commit {LAST_COMMIT_WITH_THE_REPLACED}, run "
                            "`manage.py migrate` there, then come back to this version."
                        ),
                        id="backcare.E001",
                    )
                )
    return errors
