"""A cache outage (Redis down) degrades to building the page, never to an error page."""

import pytest
from django.conf import settings
from django.test import Client, override_settings

from tests.builders import PASSWORD

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every cache call fails as it would with Redis stopped.
REDIS_DOWN = {
    "default": {
        "BACKEND": "backcare.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
    },
    "catalog": settings.CACHES["catalog"],
}


@pytest.fixture
def redis_down():
    # Django's test signals swap the cache connections when CACHES changes.
    with override_settings(CACHES=REDIS_DOWN):
        yield


def test_the_landing_pages_are_built(redis_down, alice_client, alice_plan):
    today = alice_client.get("/today/")
    assert today.status_code == 200
    assert "Today," in today.content.decode()
    progress = alice_client.get("/progress/")
    assert progress.status_code == 200


def test_logging_in_still_works(redis_down, alice):
    client = Client()
    r = client.post("/accounts/login/", {"login": "alice@example.com", "password": PASSWORD})
    assert r.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_a_curators_save_commits_and_answers(redis_down, editor_client, catalog):
    from exercises.models import Exercise

    exercise = Exercise.objects.get(slug="glute-bridge")
    page = editor_client.get(f"/admin/exercises/exercise/{exercise.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data |= {"name": "Glute bridge (renamed)", "region": exercise.region_id}
    for formset in page.context["inline_admin_formsets"]:
        fs = formset.formset
        data |= {f"{fs.prefix}-{k}": v for k, v in fs.management_form.initial.items()}
        for i, f in enumerate(fs.forms):
            for name, field in f.fields.items():
                value = f.initial.get(name, field.initial)
                if isinstance(value, list):  # a rung's equipment, ticked by their ids
                    data[f"{fs.prefix}-{i}-{name}"] = [v.pk for v in value]
                elif value is not None:
                    data[f"{fs.prefix}-{i}-{name}"] = getattr(value, "pk", value)
    r = editor_client.post(f"/admin/exercises/exercise/{exercise.pk}/change/", data)
    assert r.status_code == 302, r.content.decode()[:2000]
    exercise.refresh_from_db()
    assert exercise.name == "Glute bridge (renamed)"
