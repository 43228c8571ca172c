"""Two-factor log-in as a person meets it: an authenticator app, then recovery codes."""

import re
import time

import pyotp
import pytest
import time_machine
from playwright.sync_api import Page, expect

from tests.browser.account_steps import (
    PASSWORD,
    PASSWORD_FIELD,
    enter_two_factor_code,
    fill_log_in,
    log_out,
    log_out_button,
    sign_up,
    verify_by_link,
)
from tests.browser.page_checks import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EMAIL = "careful@example.com"
TOTP_PERIOD = 30


def not_the_code(code: str) -> str:
    """A six-digit code that differs from the app's current one."""
    return f"{(int(code) + 1) % 1_000_000:06d}"


def activate_authenticator(page: Page) -> pyotp.TOTP:
    """From the profile to an active authenticator app, as if its QR code were scanned."""
    page.goto("/accounts/profile/")
    page.get_by_role("link", name="Two-factor authentication").click()
    expect(page.get_by_role("heading", name="Two-Factor Authentication")).to_be_visible()
    expect(page.get_by_text("An authenticator app is not active.")).to_be_visible()
    page.get_by_role("link", name="Activate").click()
    # The e-mailed link logged them in, not their password: they confirm it is them.
    expect(page.get_by_role("heading", name="Confirm Access")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("textbox", name=PASSWORD_FIELD).fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    assert_accessible(page)
    secret = page.get_by_label("Authenticator secret").input_value()
    app = pyotp.TOTP(secret)

    # A code from the wrong secret does not turn two-factor on.
    page.get_by_label("Authenticator code").fill(not_the_code(app.now()))
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_text("Incorrect code.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Authenticator code").fill(app.now())
    page.get_by_role("button", name="Activate").click()
    return app


def saved_recovery_codes(page: Page) -> list[str]:
    """Activation leads to the recovery codes; the user copies them somewhere safe."""
    expect(page).to_have_url(re.compile(r"/accounts/2fa/recovery-codes/"))
    expect(page.get_by_role("heading", name="Recovery Codes")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "recovery-codes-desktop")
    codes = page.get_by_label("Unused codes").input_value().split()
    assert len(codes) == 10
    return codes


def test_two_factor_from_sign_up_to_recovery_codes(page):
    # Chromium reports on the console anything the Content Security Policy blocked.
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    sign_up(page, EMAIL, PASSWORD)
    verify_by_link(page, EMAIL)
    app = activate_authenticator(page)
    codes = saved_recovery_codes(page)
    page.goto("/accounts/2fa/")
    expect(page.get_by_text("Authentication using an authenticator app is active.")).to_be_visible()
    log_out(page)

    # Each code works once within its 30-s window: start the logins at the start of one, so the
    # replay below is refused for being a replay, not for being stale.
    window_start = (int(time.time()) // TOTP_PERIOD + 1) * TOTP_PERIOD
    with time_machine.travel(window_start + 0.5, tick=True):
        fill_log_in(page, EMAIL, PASSWORD)
        expect(log_out_button(page)).to_have_count(0)
        expect(page.get_by_text("Type one of your recovery codes instead")).to_be_visible()
        assert_accessible(page)
        screenshot(page, "two-factor-authenticate-desktop")
        enter_two_factor_code(page, not_the_code(app.now()))
        expect(page.get_by_text("Incorrect code.")).to_be_visible()
        expect(log_out_button(page)).to_have_count(0)
        code = app.now()
        enter_two_factor_code(page, code)
        expect(page.get_by_role("button", name="Log out")).to_be_visible()
        log_out(page)

        fill_log_in(page, EMAIL, PASSWORD)
        assert app.now() == code, "the test took a whole TOTP window: the replay proves nothing"
        enter_two_factor_code(page, code)
        expect(page.get_by_text("Incorrect code.")).to_be_visible()
        expect(log_out_button(page)).to_have_count(0)
    page.get_by_role("button", name="Cancel").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()

    # Without the phone: a recovery code stands in for the app's code, once.
    fill_log_in(page, EMAIL, PASSWORD)
    enter_two_factor_code(page, codes[0])
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    page.goto("/accounts/2fa/")
    expect(page.get_by_text("There are 9 out of 10 recovery codes available.")).to_be_visible()
    log_out(page)

    fill_log_in(page, EMAIL, PASSWORD)
    enter_two_factor_code(page, codes[0])
    expect(page.get_by_text("Incorrect code.")).to_be_visible()
    expect(log_out_button(page)).to_have_count(0)
    assert not [e for e in console_errors if "Content Security Policy" in e], console_errors
