"""Create the bench database and fill it with users and their history, fast (COPY).

    python -m bench.generate --users 1000 --days 365 [--manifest bench/RESULTS.raw/data.json]

Drops and recreates the database named in BENCH_DATABASE_URL, migrates it, loads the
catalog and plan templates, simulates the history (bench/history.py) and COPYs it in.
"""

import argparse
import io
import json
import os
import secrets
import time
from datetime import date
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/backcare_bench"
)
PASSWORD = "bench-password"  # noqa: S105 - every bench user's, in a throwaway database
GROWTH_COHORT = 20  # users per history length in the 2-weeks/2-years comparison
GROWTH_DAYS = {"2w": 14, "2y": 730}


def recreate_database(url: str) -> None:
    name = str(conninfo_to_dict(url)["dbname"])
    with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    import django

    django.setup()


def _models() -> dict:
    """Each simulated table's model; None for one this build does not have."""
    from backcare.accounts.models import User
    from progress import models as m

    return {
        "user": User,
        "screen": m.SafetyScreen,
        "plan": m.Plan,
        "item": m.PlanExercise,
        "rung_change": m.RungChange,
        "session": m.SessionLog,
        "entry": m.ExerciseEntry,
        "checkin": m.CheckIn,
        "suggestion": m.Suggestion,
        "psfs_activity": getattr(m, "PsfsActivity", None),
        "psfs_rating": getattr(m, "PsfsRating", None),
    }


def read_catalog():
    from bench.history import ExerciseInfo, RungInfo, TemplateInfo
    from exercises.models import Exercise
    from progress.models import PlanTemplate

    catalog = [
        ExerciseInfo(
            id=e.pk,
            rungs=tuple(
                RungInfo(r.pk, r.position, r.sets, r.reps or r.hold_seconds)
                for r in sorted(e.rungs.all(), key=lambda r: r.position)
            ),
        )
        for e in Exercise.objects.published().prefetch_related("rungs")
    ]
    templates = [
        TemplateInfo(
            id=t.pk,
            name=t.name,
            items=tuple(
                (i.exercise_id, i.starting_rung.position)
                for i in t.items.select_related("starting_rung")
            ),
        )
        for t in PlanTemplate.objects.all()
    ]
    return catalog, templates


def _copy_columns(model, given: tuple[str, ...]) -> tuple[list[str], tuple]:
    """The COPY column list, and values for columns the simulation does not fill.

    Fields added to these models later get their default (or NULL), so the bench keeps
    working while the app grows.
    """
    from django.db import connection

    fields = {f.attname: f for f in model._meta.concrete_fields}
    tail = []
    for name, f in fields.items():
        if name in given:
            continue
        value = f.get_default()  # "" for a text field without a default, else None
        if value is None and not f.null:
            raise SystemExit(f"bench.generate: {model.__name__}.{name} needs a value.")
        tail.append((f.column, f.get_db_prep_save(value, connection)))
    columns = [fields[name].column for name in given] + [column for column, _ in tail]
    return columns, tuple(value for _, value in tail)


def copy_rows(rows: dict[str, list[tuple]]) -> None:
    """COPY every table in one transaction, foreign-key triggers off (checked afterwards)."""
    from django.db import connection, transaction

    from bench.history import COLUMNS

    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SET LOCAL synchronous_commit = off")
        for key, model in _models().items():
            if model is None:
                continue
            columns, tail = _copy_columns(model, COLUMNS[key])
            statement = "COPY {} ({}) FROM STDIN".format(
                quote(model._meta.db_table), ", ".join(quote(c) for c in columns)
            )
            with cursor.copy(statement) as copy:
                for row in rows[key]:
                    copy.write_row(row + tail)


def first_ids() -> dict[str, int]:
    from django.db import connection

    ids = {}
    with connection.cursor() as cursor:
        for key, model in _models().items():
            if model is None:
                ids[key] = 1
                continue
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")  # noqa: S608
            ids[key] = cursor.fetchone()[0]
    return ids


def finish() -> None:
    """Sequences past the COPYed ids, every foreign key verified, then VACUUM ANALYZE."""
    from django.core.management.color import no_style
    from django.db import connection

    models = [m for m in _models().values() if m is not None]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
        for model in models:
            for f in model._meta.concrete_fields:
                if not f.is_relation:
                    continue
                parent = f.related_model._meta
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quote(model._meta.db_table)} c "  # noqa: S608
                    f"WHERE c.{quote(f.column)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                    f"{quote(parent.db_table)} p WHERE p.{quote(f.target_field.column)} = "
                    f"c.{quote(f.column)})"
                )
                if missing := cursor.fetchone()[0]:
                    raise SystemExit(f"bench.generate: {missing} broken {model.__name__}.{f.name}")
        cursor.execute("VACUUM ANALYZE")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--manifest", type=Path, help="write what was generated here (JSON)")
    args = parser.parse_args(argv)
    started = time.monotonic()

    def say(message: str) -> None:
        print(f"[{time.monotonic() - started:6.1f}s] {message}", flush=True)

    recreate_database(DATABASE_URL)
    setup_django(DATABASE_URL)
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command

    from bench import history

    quiet = io.StringIO()
    for command in ("migrate", "load_catalog", "load_plan_templates"):
        call_command(command, verbosity=0, stdout=quiet)
    say(f"database {conninfo_to_dict(DATABASE_URL)['dbname']} created and migrated")
    catalog, templates = read_catalog()
    profiles = history.population(args.users, args.days, args.seed)
    for label, days in GROWTH_DAYS.items():
        profiles += history.cohort(label, days, GROWTH_COHORT, args.seed)
    simulation = history.Simulation(
        catalog, templates, history.Ids(first_ids()), make_password(PASSWORD), date.today()
    )
    rows = simulation.run(profiles)
    counts = {key: len(value) for key, value in rows.items()}
    say(f"simulated {sum(counts.values()):,} rows: {counts}")
    copy_rows(rows)
    say("copied")
    finish()
    say("foreign keys checked, vacuumed and analysed")
    if args.manifest:
        args.manifest.parent.mkdir(parents=True, exist_ok=True)
        manifest = {
            "users": args.users,
            "days": args.days,
            "growth": {label: [days, GROWTH_COHORT] for label, days in GROWTH_DAYS.items()},
            "rows": counts,
            "seconds": round(time.monotonic() - started, 1),
        }
        args.manifest.write_text(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main()
