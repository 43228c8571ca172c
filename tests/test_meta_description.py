"""Every page of the site describes itself to search engines and link previews."""

import contextlib
import html
import re
from datetime import date

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from progress.models import PlanExercise, SessionLog
from tests.logging_helpers import check_in, log_session
from tests.security_urls import OWNED, PUBLIC, SIGNED_IN

pytestmark = pytest.mark.django_db
MON, TUE = date(2026, 3, 2), date(2026, 3, 3)
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
# The pages people find or share, each described in its own words rather than the default.
OWN_DESCRIPTION = {
    "home",
    "today",
    "plan",
    "exercise_list",
    "exercise_detail",
    "dashboard",
    "history",
    "report",
    "safety",
    "plan_item_history",
}


def description(response) -> str:
    found = DESCRIPTION.findall(response.content.decode())
    assert len(found) == 1, f"{len(found)} meta descriptions"
    return html.unescape(found[0]).strip()


@pytest.fixture
def urls(alice_client, alice_plan):
    """Every GET page's URL that can be built with alice's objects: name → URL."""
    log_session(alice_client, alice_plan, day=MON)
    check_in(alice_client, day=TUE)
    pks = {
        "plan_item": PlanExercise.objects.filter(plan=alice_plan).first().pk,
        "session": SessionLog.objects.filter(user=alice_plan.user).first().pk,
    }
    found = {}
    for name in PUBLIC.keys() | SIGNED_IN:
        # The pages of an e-mailed link have no URL without its token.
        with contextlib.suppress(NoReverseMatch):
            found[name] = reverse(name)
    found["exercise_detail"] = reverse("exercise_detail", kwargs={"slug": "glute-bridge"})
    for name, (kind, method) in OWNED.items():
        if method == "get":
            found[name] = reverse(name, kwargs={"pk": pks[kind]})
    return found


def html_pages(client, urls) -> dict[str, object]:
    """The pages that answer with HTML; the rest redirect or download a file."""
    responses = {name: client.get(url) for name, url in urls.items()}
    return {
        name: r
        for name, r in responses.items()
        if r.status_code == 200 and r["Content-Type"].startswith("text/html")
    }


def test_every_page_a_signed_in_user_sees_has_a_description(alice_client, urls):
    pages = html_pages(alice_client, urls)
    assert OWN_DESCRIPTION | {"profile", "account_email", "checkin", "psfs"} <= pages.keys()
    default = description(pages["profile"])
    assert default.startswith("BackCare")
    for name, response in pages.items():
        text = description(response)
        assert text, f"{name} has an empty description"
        if name in OWN_DESCRIPTION:
            assert text != default, f"{name} has only the default description"


def test_every_page_a_visitor_sees_has_a_description(urls):
    pages = html_pages(Client(), urls)
    assert {"home", "exercise_list", "exercise_detail", "account_login", "account_signup"} <= (
        pages.keys()
    )
    for name, response in pages.items():
        assert description(response), f"{name} has an empty description"


def test_an_exercise_is_described_by_its_summary(client, catalog):
    response = client.get(reverse("exercise_detail", kwargs={"slug": "glute-bridge"}))
    assert description(response).startswith("Glute bridge: ")
    assert len(description(response)) <= 160
