"""HEAD, as uptime checks send it, answers wherever GET does, with the same status."""

from datetime import date

import pytest
from django.urls import NoReverseMatch, reverse

from exercises.models import Exercise
from progress.models import PlanExercise, SessionLog
from tests.logging_helpers import log_session
from tests.security_urls import OWNED, PUBLIC, SIGNED_IN, site_urls

pytestmark = pytest.mark.django_db
MON = date(2026, 3, 2)
GET_OWNED = {name for name, (_, method) in OWNED.items() if method == "get"}


@pytest.fixture
def alice_objects(alice_client, alice_plan):
    log_session(alice_client, alice_plan, day=MON, pain=1, ease=4)
    return {
        "plan_item": PlanExercise.objects.filter(plan=alice_plan).first(),
        "session": SessionLog.objects.filter(user=alice_plan.user).first(),
    }


def url_of(name: str, objects: dict) -> str:
    """The URL of `name`, with an object of alice's or the catalog's for each argument."""
    if name in OWNED:
        return reverse(name, kwargs={"pk": objects[OWNED[name][0]].pk})
    pattern = next((p for _, p in site_urls() if p.name == name), None)
    if pattern is None:
        raise NoReverseMatch(name)
    kwargs = {}
    for argument in pattern.pattern.regex.groupindex:  # path() and re_path() alike
        kwargs[argument] = Exercise.objects.first().slug if argument == "slug" else "x"
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("name", sorted(PUBLIC.keys() | SIGNED_IN | GET_OWNED))
def test_head_answers_as_get_does(name, client, alice, alice_objects):
    if name in PUBLIC:
        client.logout()
    else:
        client.force_login(alice)
    try:
        url = url_of(name, alice_objects)
    except NoReverseMatch:
        pytest.fail(f"{name} is in tests/security_urls.py but not routed: renamed or removed?")
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == get.status_code, url
    assert head.status_code != 405 or get.status_code == 405, url
    assert head.content == b""
