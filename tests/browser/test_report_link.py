"""Sharing a report for one appointment, in Chromium: the person makes a link, a physio
opens it without an account, the person sees that look on their profile, withdraws the
link, and the physio's next visit finds nothing."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.account_steps import log_in_to_today
from tests.browser.page_checks import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_shared_report_opens_once_shared_and_not_after_it_is_withdrawn(
    phone_page, browser, live_server, walker
):
    page = phone_page
    log_in_to_today(page, "walker@example.com")
    page.goto("/progress/report/")
    page.get_by_role("link", name="Share this report with a link, for one appointment").click()
    page.get_by_label("Who it is for (optional)").fill("Physio, Thursday")
    page.get_by_role("button", name="Make a link").click()
    url = page.get_by_label("The link", exact=True).input_value()
    # The link names BACKCARE_SITE_URL; the live server listens elsewhere.
    path = re.search(r"/shared/[\w-]{40,}/$", url).group(0)
    assert_accessible(page)
    screenshot(page, "report-link-made-phone")

    physio = browser.new_context(base_url=live_server.url).new_page()
    physio.goto(path)
    expect(physio.get_by_role("heading", name="BackCare progress report")).to_be_visible()
    expect(physio.get_by_text("Shared read-only by walker")).to_be_visible()
    assert_accessible(physio)
    screenshot(physio, "report-link-opened-desktop")

    page.goto("/accounts/profile/")
    expect(
        page.get_by_text(re.compile(r"Someone with your shared link \(Physio, Thursday\)"))
    ).to_be_visible()
    page.get_by_role("link", name="Share your report with a link").click()
    page.get_by_role("button", name="Withdraw Physio, Thursday").click()
    expect(page.get_by_text("The link is withdrawn")).to_be_visible()

    response = physio.reload()
    assert response.status == 404
    expect(physio.get_by_text("BackCare progress report")).to_have_count(0)
    physio.context.close()
