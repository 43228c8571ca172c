"""The bench's bare page is routed by the bench's URL conf only, never by the site's."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, get_resolver, reverse

from backcare.views import server_error

pytestmark = pytest.mark.django_db


def test_the_site_has_no_bare_page(alice_client):
    assert alice_client.get("/bench/bare/").status_code == 404
    with pytest.raises(NoReverseMatch):
        reverse("bench_bare")


@override_settings(ROOT_URLCONF="bench.urls")
def test_the_bench_serves_the_bare_page_to_a_signed_in_user(alice_client):
    response = alice_client.get("/bench/bare/")
    assert response.status_code == 200
    assert response.content == b"ok"


@override_settings(ROOT_URLCONF="bench.urls")
def test_the_bench_sends_an_anonymous_visitor_to_log_in(client):
    # bench/run.py waits for this redirect to know gunicorn is up.
    response = client.get("/bench/bare/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=")


def test_the_bench_settings_select_the_bench_urls():
    from bench import settings as bench_settings

    assert bench_settings.ROOT_URLCONF == "bench.urls"


def test_the_bench_serves_the_site_as_it_is():
    from tests.security_urls import site_urls

    site = {route for route, _ in site_urls()}
    with override_settings(ROOT_URLCONF="bench.urls"):
        bench = {route for route, _ in site_urls()}
    assert bench == site | {"bench/bare/"}
    # Its error pages too, the 503 page of a database outage among them.
    handler = get_resolver("bench.urls").resolve_error_handler(500)
    assert handler is server_error
