"""Shared users: alice owns things, bob is someone else."""

import pytest

PASSWORD = "correct-horse-battery-staple"


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
