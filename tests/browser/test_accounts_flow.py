import pytest
from playwright.sync_api import expect

from tests.browser.account_steps import (
    CONFIRM_FIELD,
    EMAIL_FIELD,
    PASSWORD,
    PASSWORD_FIELD,
    log_in,
    log_out,
    sign_up,
    verification_link,
)
from tests.browser.page_checks import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_newcomer_signs_up_confirms_the_address_and_logs_in_again(page):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("lower back")
    assert_accessible(page)

    page.get_by_role("link", name="Sign up free").click()
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("textbox", name=EMAIL_FIELD).fill("newcomer@example.com")
    page.get_by_role("textbox", name=PASSWORD_FIELD).fill(PASSWORD)
    page.get_by_role("textbox", name=CONFIRM_FIELD).fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    # Signing up does not log in: the e-mailed link does.
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)
    assert_accessible(page)

    page.goto(verification_link("newcomer@example.com"))
    expect(page.get_by_role("heading", name="Confirm your e-mail address")).to_be_visible()
    expect(page.get_by_text("newcomer@example.com")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="newcomer").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    expect(page.get_by_text("Please confirm your e-mail address")).to_have_count(0)

    log_out(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    assert_accessible(page)
    # The address is the log-in whatever its letter case.
    log_in(page, "NEWCOMER@example.com", PASSWORD)
    screenshot(page, "signed-in")


def test_a_newcomer_may_log_in_before_confirming_and_is_reminded(page):
    sign_up(page, "unhurried@example.com", PASSWORD)
    log_in(page, "unhurried@example.com", PASSWORD)
    page.goto("/accounts/profile/")
    reminder = page.get_by_role("status").filter(has_text="Please confirm your e-mail address")
    expect(reminder).to_contain_text("unhurried@example.com")
    assert_accessible(page)

    # The link from the sign-up e-mail still works once logged in, and ends the reminder.
    page.goto(verification_link("unhurried@example.com"))
    page.get_by_role("button", name="Confirm").click()
    page.goto("/accounts/profile/")
    expect(page.get_by_text("Please confirm your e-mail address")).to_have_count(0)


def test_a_wrong_password_is_refused_with_a_message(page):
    sign_up(page, "forgetful@example.com", PASSWORD)
    page.goto("/accounts/login/")
    page.get_by_role("textbox", name=EMAIL_FIELD).fill("forgetful@example.com")
    page.get_by_role("textbox", name=PASSWORD_FIELD).fill("not-the-passphrase-at-all")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    expect(page.get_by_text("not correct")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)
    assert_accessible(page)


def test_the_home_page_works_on_a_phone(phone_page):
    phone_page.goto("/")
    expect(phone_page.get_by_role("link", name="Sign up free")).to_be_visible()
    # The navigation collapses behind a toggle and opens on tap.
    phone_page.get_by_role("button", name="Toggle navigation").click()
    expect(phone_page.get_by_role("navigation").get_by_role("link", name="Log in")).to_be_visible()
    assert_accessible(phone_page)
    screenshot(phone_page, "home-phone")
