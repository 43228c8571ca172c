"""The account pages at a phone's width and a desktop's: readable, accessible, nothing cut off."""

import pytest
from playwright.sync_api import expect

from tests.browser.account_steps import PASSWORD, PASSWORD_FIELD, log_in, sign_up, verify_by_link
from tests.browser.page_checks import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize(("viewport", "width"), [("phone_page", 375), ("page", 1280)])
def test_the_account_pages_read_well(request, viewport, width):
    page = request.getfixturevalue(viewport)
    size = "phone" if width < 600 else "desktop"

    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    expect(page.get_by_role("link", name="Forgot your password?")).to_have_count(1)
    fits(page, width)
    assert_accessible(page)
    screenshot(page, f"login-{size}")

    page.goto("/accounts/signup/")
    assert_accessible(page)
    sign_up(page, "reader@example.com", PASSWORD)
    fits(page, width)
    assert_accessible(page)
    screenshot(page, f"check-your-inbox-{size}")

    verify_by_link(page, "reader@example.com")
    page.goto("/accounts/2fa/totp/activate/")
    page.get_by_role("textbox", name=PASSWORD_FIELD).fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Turn on two-factor authentication")).to_be_visible()
    # Where the QR code cannot be scanned (on this very phone) the secret is copied instead:
    # it is selectable and shown whole.
    secret = page.get_by_label("Authenticator secret")
    expect(secret).to_be_enabled()
    assert secret.evaluate("field => field.scrollWidth <= field.clientWidth")
    fits(page, width)
    assert_accessible(page)
    screenshot(page, f"two-factor-activate-{size}")

    page.goto("/accounts/sessions/")
    expect(page.get_by_role("heading", name="Where you are logged in")).to_be_visible()
    fits(page, width)
    assert_accessible(page)
    screenshot(page, f"sessions-{size}")


def test_logging_out_the_other_browsers_from_the_sessions_list(page, browser, live_server):
    sign_up(page, "two-browsers@example.com", PASSWORD)
    log_in(page, "two-browsers@example.com", PASSWORD)
    other = browser.new_context(base_url=live_server.url).new_page()
    try:
        log_in(other, "two-browsers@example.com", PASSWORD)

        page.goto("/accounts/sessions/")
        sessions = page.get_by_role("table").locator("tbody tr")
        expect(sessions).to_have_count(2)
        expect(sessions.filter(has_text="This browser")).to_have_count(1)
        page.get_by_role("button", name="Log out of all other browsers").click()
        expect(page.get_by_role("status")).to_contain_text("Logged out of all other browsers")
        expect(page.get_by_role("table").locator("tbody tr")).to_have_count(1)
        # This browser is still logged in; its only way out now is the plain log-out.
        expect(page.get_by_role("button", name="Log out of this browser")).to_be_visible()

        # The other browser is logged out on its next request.
        other.goto("/today/")
        expect(other.get_by_role("heading", name="Log in")).to_be_visible()
    finally:
        other.context.close()
