"""With DEBUG off, errors answer with BackCare's own pages in the site's layout, with a way back."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False


def assert_branded(html: str, title: str, heading: str) -> None:
    """The page sits in the layout (navigation, footer) and names what went wrong."""
    assert f"<title>{title} · BackCare</title>" in html
    assert '<nav class="navbar' in html and "Not medical advice." in html
    assert f'<h1 class="h3">{heading}</h1>' in html
    assert 'href="/exercises/">Browse the exercise catalog</a>' in html


class TestNotFound:
    def test_a_missing_page_is_branded(self, client):
        r = client.get("/no-such-page/")
        assert r.status_code == 404
        html = r.content.decode()
        assert_branded(html, "Page not found", "We could not find that page")
        assert 'href="/">Go to the home page</a>' in html
        assert "Not Found</h1>" not in html

    def test_a_signed_in_user_is_offered_today(self, alice_client):
        r = alice_client.get("/progress/history/999999/")
        assert r.status_code == 404
        html = r.content.decode()
        assert_branded(html, "Page not found", "We could not find that page")
        assert 'href="/today/">Go to today\'s exercises</a>' in html
        assert "Log out" in html


class TestForbidden:
    def test_a_page_the_account_may_not_see_is_branded(self, editor_client, alice):
        r = editor_client.get(f"/admin/accounts/user/{alice.pk}/change/")
        assert r.status_code == 403
        assert_branded(r.content.decode(), "Not allowed", "This page is not open to you")
        assert "alice@example.com" not in r.content.decode()

    def test_a_form_without_its_csrf_token_is_branded(self, alice):
        client = Client(enforce_csrf_checks=True)
        client.force_login(alice)
        r = client.post("/accounts/profile/", {"display_name": "Changed", "time_zone": "UTC"})
        assert r.status_code == 403
        html = r.content.decode()
        assert_branded(html, "Form not sent", "This form could not be sent")
        assert "Nothing was saved" in html
        alice.refresh_from_db()
        assert alice.display_name == "Alice"


def test_a_request_for_another_host_is_a_branded_bad_request(client):
    r = client.get("/", HTTP_HOST="attacker.example")
    assert r.status_code == 400
    assert_branded(
        r.content.decode(),
        "Request not understood",
        "BackCare could not understand that request",
    )
