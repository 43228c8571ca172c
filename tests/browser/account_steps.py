"""What a person does on the account pages: sign up, open the e-mailed link, log in, and
answer the safety screen that follows.

The live server runs in this process, so the e-mails it sends land in django.core.mail.outbox.
"""

import re

from django.core import mail
from playwright.sync_api import Locator, Page, expect

from progress.rules.red_flags import QUESTIONS

# A passphrase the sign-up form accepts, for every browser test's person.
PASSWORD = "a-long-and-unusual-passphrase"
# "Email" in allauth's wording, "E-mail" in ours: either is the address field.
EMAIL_FIELD = re.compile(r"^E-?mail", re.IGNORECASE)
# The first password field only, not "Password (again)"; crispy adds "*" to required labels.
PASSWORD_FIELD = re.compile(r"^Password\W*$")
CONFIRM_FIELD = re.compile(r"^Password \(again\)|^Password confirmation")
VERIFICATION_LINK = re.compile(r"https?://\S+/accounts/confirm-email/[^/\s]+/")


def log_out_button(page: Page) -> Locator:
    """There when logged in, though on a phone folded away behind the navigation's toggle."""
    return page.get_by_role("button", name="Log out", include_hidden=True)


def sign_up(page: Page, email: str, password: str) -> None:
    """Fill the sign-up form; the answer is "Check your inbox", not a logged-in page."""
    page.goto("/accounts/signup/")
    page.get_by_role("textbox", name=EMAIL_FIELD).fill(email)
    page.get_by_role("textbox", name=PASSWORD_FIELD).fill(password)
    page.get_by_role("textbox", name=CONFIRM_FIELD).fill(password)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()


def verification_link(email: str) -> str:
    """The link in the last verification e-mail sent to this address."""
    for message in reversed(mail.outbox):
        if email in message.to and (found := VERIFICATION_LINK.search(message.body)):
            return found.group(0)
    raise AssertionError(f"No verification e-mail to {email} in {len(mail.outbox)} sent")


def verify_by_link(page: Page, email: str) -> None:
    """Open the e-mailed link and confirm: that also logs the new user in."""
    page.goto(verification_link(email))
    page.get_by_role("button", name="Confirm").click()
    expect(log_out_button(page)).to_be_attached()


def sign_up_verified(page: Page, email: str, password: str) -> None:
    sign_up(page, email, password)
    verify_by_link(page, email)


def fill_log_in(page: Page, email: str, password: str) -> None:
    """Send the log-in form; with two-factor on, the next page asks for a code."""
    page.goto("/accounts/login/")
    page.get_by_role("textbox", name=EMAIL_FIELD).fill(email)
    page.get_by_role("textbox", name=PASSWORD_FIELD).fill(password)
    page.get_by_role("button", name="Log in").click()


def log_in(page: Page, email: str, password: str) -> None:
    fill_log_in(page, email, password)
    expect(log_out_button(page)).to_be_attached()


def log_in_to_today(page: Page, email: str, password: str = PASSWORD) -> None:
    """Log in as someone with a plan, whose first page is Today."""
    fill_log_in(page, email, password)
    expect(page.get_by_role("heading", name=re.compile("^Today"))).to_be_visible()


def enter_two_factor_code(page: Page, code: str) -> None:
    """Answer the second step of the log-in (/accounts/2fa/authenticate/)."""
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.get_by_role("textbox", name=re.compile(r"^Code")).fill(code)
    page.get_by_role("button", name="Log in").click()


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Log out").click()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Log in")).to_be_visible()


def answer_screen(page: Page, yes=()) -> None:
    """The whole safety screen: yes to the keys in `yes`, no to the rest, clinician checked."""
    for key in QUESTIONS:
        page.locator(f"input[name={key}][value={'yes' if key in yes else 'no'}]").check()
    page.locator("input[name=clinician_checked][value=yes]").check()
    page.get_by_role("button", name="Submit my answers").click()
