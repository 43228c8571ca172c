"""Ownership, log-in and CSRF for every URL, driven by the URL configuration itself."""

from datetime import date
from urllib.parse import unquote

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from progress.models import PlanExercise, SessionLog, Suggestion
from progress.services.grants import grant_invite
from progress.services.plans import plan_exercise_remove
from progress.services.sharing import report_link_create
from tests import builders
from tests.builders import PASSWORD
from tests.logging_helpers import check_in, log_session
from tests.mfa_helpers import with_totp
from tests.security_urls import (
    ALLOWED_METHODS,
    OWNED,
    PATIENT_DATA,
    PUBLIC,
    RECENT_LOG_IN,
    SIGNED_IN,
    site_urls,
)
from tests.snapshots import owned_rows

pytestmark = pytest.mark.django_db
MON, TUE, WED = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)


def test_every_url_is_classified():
    names = {p.name for _, p in site_urls()}
    unclassified = names - PUBLIC.keys() - SIGNED_IN - OWNED.keys() - PATIENT_DATA.keys()
    assert not unclassified, f"Add these URLs to tests/security_urls.py: {sorted(unclassified)}"
    assert not (PUBLIC.keys() & SIGNED_IN) and not (SIGNED_IN & OWNED.keys())


@pytest.fixture
def alice_objects(alice_client, alice_plan, alice):
    """One of each kind of object alice owns."""
    log_session(alice_client, alice_plan, day=MON, pain=1, ease=4)
    check_in(alice_client, day=TUE)
    log_session(alice_client, alice_plan, day=TUE, pain=1, ease=5)
    check_in(alice_client, day=WED)
    objects = {
        "plan_item": PlanExercise.objects.filter(plan=alice_plan).first(),
        "session": SessionLog.objects.filter(user=alice_plan.user).first(),
        "suggestion": Suggestion.objects.filter(plan_exercise__plan=alice_plan, decision="open")
        .exclude(action="hold")
        .first(),
        "removed_plan_item": PlanExercise.objects.filter(plan=alice_plan).last(),
        "report_link": report_link_create(
            user=alice, start=MON, end=WED, label="", days=14, now=timezone.now()
        )[0],
        # alice shares with a clinician, and, a clinician herself, is invited by carol.
        "grant": grant_invite(
            patient=alice,
            clinician=builders.clinician(builders.user("sam@example.com")),
            may_adjust_plan=False,
            now=timezone.now(),
        ),
        "grant_to_alice": grant_invite(
            patient=builders.user("carol@example.com"),
            clinician=builders.clinician(alice),
            may_adjust_plan=False,
            now=timezone.now(),
        ),
    }
    plan_exercise_remove(item=objects["removed_plan_item"], now=timezone.now())
    return objects


def owned_url(name, objects):
    kind, method = OWNED[name]
    return reverse(name, kwargs={"pk": objects[kind].pk}), method


@pytest.mark.parametrize("name", sorted(OWNED))
@pytest.mark.parametrize("who", ["another user", "her clinician"])
def test_another_users_object_answers_404(name, who, alice_objects, alice, client, bob):
    url, method = owned_url(name, alice_objects)
    if who == "her clinician":
        # Even a clinician alice lets adjust her plan reaches it only through their own pages.
        builders.care_grant(alice, builders.clinician(with_totp(bob)), may_adjust_plan=True)
    before = owned_rows(alice), owned_rows(bob)
    client.force_login(bob)
    response = getattr(client, method)(url)
    assert response.status_code == 404
    # bob sees the "page not found" page, nothing of alice's, and nothing was written.
    assert "We could not find that page" in response.content.decode()
    assert "Glute bridge" not in response.content.decode()
    assert (owned_rows(alice), owned_rows(bob)) == before


def sent_to_log_in(response, url):
    """The log-in page, which comes back to the URL asked for once signed in."""
    assert response.status_code == 302
    assert unquote(response.url) == f"/accounts/login/?next={url}"


@pytest.mark.parametrize("name", sorted(OWNED))
def test_an_anonymous_visitor_is_sent_to_log_in(name, alice_objects, alice):
    url, method = owned_url(name, alice_objects)
    before = owned_rows(alice)
    for asked in {"get", method}:
        sent_to_log_in(getattr(Client(), asked)(url), url)
    assert owned_rows(alice) == before


@pytest.mark.parametrize("name", sorted(SIGNED_IN - {"account_logout"}))
def test_signed_in_pages_send_anonymous_visitors_to_log_in(name, client):
    url = reverse(name)
    sent_to_log_in(client.get(url), url)


def test_every_one_of_our_signed_in_urls_says_what_it_answers_to():
    ours = {p.name for route, p in site_urls() if not route.startswith("accounts/")}
    assert ours & (SIGNED_IN | OWNED.keys()) <= ALLOWED_METHODS.keys() | {"account_logout"}


@pytest.mark.parametrize("name", sorted(ALLOWED_METHODS))
def test_a_method_a_url_does_not_take_is_refused_with_what_it_does(
    name, alice_objects, alice, alice_client
):
    url = owned_url(name, alice_objects)[0] if name in OWNED else reverse(name)
    allowed = ALLOWED_METHODS[name]
    if name in RECENT_LOG_IN:
        alice_client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    before = owned_rows(alice)
    response = alice_client.put(url) if "POST" in allowed else alice_client.post(url)
    assert response.status_code == 405
    assert response["Allow"] == allowed
    assert owned_rows(alice) == before


@pytest.mark.parametrize(
    "name",
    sorted(
        SIGNED_IN | OWNED.keys() | {"account_signup", "account_login", "account_reset_password"}
    ),
)
def test_every_post_needs_a_csrf_token(name, alice_objects, alice):
    client = Client(enforce_csrf_checks=True)
    if name not in PUBLIC:
        client.force_login(alice)
    url = owned_url(name, alice_objects)[0] if name in OWNED else reverse(name)
    response = client.post(url, {})
    assert response.status_code == 403
    assert "This form could not be sent" in response.content.decode()
