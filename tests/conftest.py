"""Fixtures only: alice owns things, bob is someone else. The data comes from builders."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches

from tests import builders
from tests.builders import PASSWORD
from tests.mfa_helpers import with_totp


@pytest.fixture(autouse=True)
def caches_reset():
    """The caches outlive each test's rolled-back database: django-allauth's rate limits
    (failed log-ins, sign-ups) must not lock the next test out, and a catalog page kept by one
    test must not answer another whose catalog differs by a write that sends no signal."""
    for each in caches.all():
        each.clear()


@pytest.fixture
def alice(db):
    return builders.user("alice@example.com", display_name="Alice", time_zone="Europe/London")


@pytest.fixture
def bob(db):
    return builders.user("bob@example.com")


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


@pytest.fixture
def alice_cleared(alice):
    builders.screen_clear(alice)
    return alice


@pytest.fixture
def alice_plan(catalog, alice_cleared):
    return builders.plan(alice_cleared)


@pytest.fixture
def bob_plan(catalog, bob):
    return builders.plan(bob, "whole-chain")
