"""Fixtures only: Playwright driving Debian's Chromium, one browser per run, a fresh context
per test. Page checks (axe, screenshots) are in page_checks.py."""

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# Playwright's sync API runs an event loop in this thread; Django's ORM calls in
# the test body are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"{CHROMIUM} is missing: CI must run the browser tests.")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 812}, is_mobile=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


# The Monday the walker's plan is measured from (the day before it, they sign up and start).
WALKER_MONDAY = datetime(2026, 3, 2, 9, tzinfo=UTC)


@pytest.fixture
def walker():
    """A user with a confirmed address, a clear safety screen and the starter plan, set up
    the day before WALKER_MONDAY, who logs in with account_steps' PASSWORD."""
    import time_machine
    from allauth.account.models import EmailAddress
    from django.utils import timezone

    from exercises.catalog import catalog_load
    from progress.services.plan_templates import plan_templates_load
    from tests import builders
    from tests.browser.account_steps import PASSWORD

    catalog_load()
    plan_templates_load()
    with time_machine.travel(WALKER_MONDAY - timedelta(days=1)):
        user = builders.user("walker@example.com", PASSWORD)
        # Confirmed long ago: Today shows no reminder to do so.
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        builders.screen_clear(user, when=timezone.now())
        return builders.plan(user, when=timezone.now())
