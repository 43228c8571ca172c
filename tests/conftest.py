"""Shared users: alice owns things, bob is someone else."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.cache import cache

from tests.mfa_helpers import with_totp

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def rate_limits_reset():
    """django-allauth counts rate limits (failed log-ins, sign-ups) in the cache, which
    outlives each test's rolled-back database: one test's attempts must not lock out the next."""
    cache.clear()


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user(
        email="alice@example.com",
        password=PASSWORD,
        display_name="Alice",
        time_zone="Europe/London",
    )


@pytest.fixture
def bob(django_user_model):
    return django_user_model.objects.create_user(email="bob@example.com", password=PASSWORD)


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture
def admin_user(django_user_model):
    """pytest-django's admin, with an authenticator app set up."""
    return with_totp(
        django_user_model.objects.create_superuser(email="admin@example.com", password=PASSWORD)
    )


@pytest.fixture
def editor(django_user_model):
    """A staff member of the "Catalog editors" group, not a superuser, with two-factor on."""
    from exercises.editors import GROUP, ensure_catalog_editors_group

    ensure_catalog_editors_group()
    user = django_user_model.objects.create_user(email="editor@example.com", is_staff=True)
    user.groups.add(Group.objects.get(name=GROUP))
    return with_totp(user)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def catalog(db):
    """The shipped catalog and plan templates."""
    from exercises.catalog import catalog_load
    from progress.services.plan_templates import plan_templates_load

    catalog_load()
    plan_templates_load()


def clear_screen_answers() -> dict[str, str]:
    from progress.rules.red_flags import QUESTIONS

    return {key: "no" for key in QUESTIONS} | {"clinician_checked": "yes"}


# Plans in tests start on this morning, so tests can travel to the days after it.
PLAN_START = datetime(2026, 3, 1, 8, tzinfo=UTC)


@pytest.fixture
def alice_cleared(alice):
    from progress.rules.red_flags import QUESTIONS
    from progress.services.plans import screen_record

    with time_machine.travel(PLAN_START, tick=False):
        screen_record(user=alice, answers=dict.fromkeys(QUESTIONS, False), clinician_checked=True)
    return alice


@pytest.fixture
def alice_plan(catalog, alice_cleared):
    from progress.models import PlanTemplate
    from progress.services.plans import plan_create_from_template

    with time_machine.travel(PLAN_START, tick=False):
        return plan_create_from_template(
            user=alice_cleared, template=PlanTemplate.objects.get(slug="starter")
        )


@pytest.fixture
def bob_plan(catalog, bob):
    from progress.models import PlanTemplate
    from progress.services.plans import plan_create_from_template

    return plan_create_from_template(
        user=bob, template=PlanTemplate.objects.get(slug="whole-chain")
    )
