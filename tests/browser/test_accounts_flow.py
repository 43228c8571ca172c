import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-and-unusual-passphrase"


def test_a_newcomer_signs_up_logs_out_and_logs_in_again(page):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("lower back")
    assert_accessible(page)

    page.get_by_role("link", name="Sign up free").click()
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("E-mail address").fill("newcomer@example.com")
    page.get_by_role("textbox", name=re.compile(r"^Password\W*$")).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Log out").click()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Log in")).to_be_visible()

    nav.get_by_role("link", name="Log in").click()
    assert_accessible(page)
    page.get_by_label("E-mail address").fill("NEWCOMER@example.com")
    page.get_by_role("textbox", name=re.compile(r"^Password\W*$")).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    screenshot(page, "signed-in")


def test_the_home_page_works_on_a_phone(phone_page):
    phone_page.goto("/")
    expect(phone_page.get_by_role("link", name="Sign up free")).to_be_visible()
    # The navigation collapses behind a toggle and opens on tap.
    phone_page.get_by_role("button", name="Toggle navigation").click()
    expect(phone_page.get_by_role("navigation").get_by_role("link", name="Log in")).to_be_visible()
    assert_accessible(phone_page)
    screenshot(phone_page, "home-phone")
