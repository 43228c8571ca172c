"""A database that is down or read-only gives the 503 page, and a form's says a resend is safe."""

import pytest
from django.db import InternalError, OperationalError, connection
from django.test import Client

from progress.models import CheckIn

pytestmark = pytest.mark.django_db
RETRY_IS_SAFE = "Sending the same form again is safe"
NOTHING_SAVED = "nothing you just sent was saved"


@pytest.fixture
def alice_browser(alice_plan):
    """alice, signed in, in a browser that gets the error pages a real one would."""
    client = Client(raise_request_exception=False)
    client.force_login(alice_plan.user)
    return client


def failing(error):
    def fail(*args, **kwargs):
        raise error

    return fail


READ_ONLY_POSTGRES = InternalError("cannot execute INSERT in a read-only transaction")
READ_ONLY_SQLITE = OperationalError("attempt to write a readonly database")
UNREACHABLE = OperationalError("connection to server failed: Connection refused")


@pytest.mark.parametrize("error", [READ_ONLY_POSTGRES, READ_ONLY_SQLITE, UNREACHABLE])
def test_a_form_sent_while_the_database_refuses_writes_says_a_resend_is_safe(
    error, alice_browser, monkeypatch
):
    monkeypatch.setattr("progress.views.sessions.checkin_record", failing(error))
    response = alice_browser.post("/checkin/", {"morning_pain": "2"})
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert NOTHING_SAVED in page
    assert RETRY_IS_SAFE in page


@pytest.mark.parametrize("error", [READ_ONLY_POSTGRES, UNREACHABLE])
def test_a_page_read_while_the_database_fails_is_back_in_a_moment(
    error, alice_browser, monkeypatch
):
    monkeypatch.setattr("progress.views.plan.today_page", failing(error))
    response = alice_browser.get("/today/")
    assert response.status_code == 503
    page = response.content.decode()
    assert "back in a moment" in page
    assert RETRY_IS_SAFE not in page  # nothing was sent


def test_any_other_error_is_a_500(alice_browser, monkeypatch):
    monkeypatch.setattr("progress.views.sessions.checkin_record", failing(ValueError("a bug")))
    response = alice_browser.post("/checkin/", {"morning_pain": "2"})
    assert response.status_code == 500
    assert b"Something went wrong" in response.content


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a read-only PostgreSQL session")
def test_a_read_only_postgresql_database_gives_the_503_page(alice_browser):
    with connection.cursor() as cursor:
        cursor.execute("SET default_transaction_read_only = on")
    try:
        response = alice_browser.post("/checkin/", {"morning_pain": "2"})
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET default_transaction_read_only = off")
    assert response.status_code == 503
    assert RETRY_IS_SAFE in response.content.decode()
    assert not CheckIn.objects.exists()
