import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from progress.management.commands.demo_data import DEMO_EMAIL, DEMO_PASSWORD
from tests.browser.account_steps import EMAIL_FIELD
from tests.browser.page_checks import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in_as_demo(page):
    page.goto("/accounts/login/")
    page.get_by_role("textbox", name=EMAIL_FIELD).fill(DEMO_EMAIL)
    page.get_by_role("textbox", name=re.compile(r"^Password\W*$")).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    # On a phone the menu is collapsed: wait for the page after the log-in instead.
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def csp_errors(page) -> list[str]:
    """Collect console errors, where Chromium reports anything the CSP blocked."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return errors


def test_the_demo_users_dashboard_reads_well_on_a_desktop(page):
    call_command("demo_data", force=True, verbosity=0)
    errors = csp_errors(page)
    log_in_as_demo(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Progress").click()
    expect(page).to_have_url(re.compile(r"/progress/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your progress")
    expect(page.get_by_role("link", name="3 months")).to_have_attribute("aria-current", "page")
    pain = page.get_by_role("img", name=re.compile("^Pain over the last 3 months"))
    expect(pain).to_be_visible()
    assert pain.bounding_box()["width"] > 300
    expect(page.get_by_role("img", name="Sessions per week")).to_be_visible()
    expect(page.locator(".alert-success", has_text="a meaningful change")).to_be_visible()
    assert page.locator("svg.chart-svg").count() >= 8

    # The numbers behind a chart are one click away, in a real table.
    page.get_by_text("Show the numbers").first.click()
    table = page.get_by_role("table", name="Pain before, during and the morning after each session")
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader", name="Next morning")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "dashboard-desktop")

    page.get_by_role("link", name="4 weeks").click()
    expect(page).to_have_url(re.compile(r"range=4w"))
    expect(page.get_by_role("img", name=re.compile("^Pain over the last 4 weeks"))).to_be_visible()
    assert not [e for e in errors if "Content Security Policy" in e]


def test_the_dashboard_fits_a_phone(phone_page):
    call_command("demo_data", force=True, verbosity=0)
    errors = csp_errors(phone_page)
    log_in_as_demo(phone_page)
    phone_page.goto("/progress/")
    expect(phone_page.get_by_role("img", name="Sessions per week")).to_be_visible()
    # Nothing wider than the screen: no sideways scrolling.
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
    box = phone_page.locator("svg.chart-svg").first.bounding_box()
    assert 300 <= box["width"] <= 375
    assert_accessible(phone_page)
    screenshot(phone_page, "dashboard-phone")

    phone_page.get_by_role("link", name="Rate or change your activities").click()
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Your activities")
    expect(phone_page.get_by_label("What is the activity?").first).to_have_value("Putting on socks")
    assert_accessible(phone_page)
    screenshot(phone_page, "psfs-phone")
    assert not [e for e in errors if "Content Security Policy" in e]
