"""Sharing with a clinician in Chromium: the patient invites by code, the clinician logs in
with two-factor and accepts, opens the patient's progress page and moves a rung with a
reason, then their report; the patient reads the reason on Today and sees the looks, stops
sharing, and the clinician's next request finds nothing."""

import re

import pytest
from playwright.sync_api import expect

from tests import builders
from tests.browser.account_steps import (
    PASSWORD,
    enter_two_factor_code,
    fill_log_in,
    log_in_to_today,
)
from tests.browser.page_checks import assert_accessible, screenshot
from tests.mfa_helpers import totp_code, with_totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_patient_shares_with_a_clinician_and_stops(phone_page, browser, live_server, walker):
    builders.session(walker.user, day=walker.user.local_today())
    sam = builders.user("sam@example.com", PASSWORD, display_name="Sam Lee")
    code = builders.clinician(with_totp(sam)).code

    patient = phone_page
    log_in_to_today(patient, "walker@example.com")
    patient.goto("/accounts/profile/")
    patient.get_by_role("link", name="Share with your clinician").click()
    patient.get_by_label(re.compile("e-mail address or BackCare code")).fill(code.lower())
    patient.get_by_label(re.compile("They may also adjust my plan")).check()
    patient.get_by_role("button", name="Invite").click()
    expect(patient.get_by_text("Invited Sam Lee")).to_be_visible()
    expect(patient.get_by_text("Not verified by BackCare")).to_be_visible()
    assert_accessible(patient)
    screenshot(patient, "care-team-phone")

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    clinician = context.new_page()
    fill_log_in(clinician, "sam@example.com", PASSWORD)
    enter_two_factor_code(clinician, totp_code())
    clinician.goto("/clinician/")
    clinician.get_by_role("button", name="Accept walker").click()
    expect(clinician.get_by_text("Accepted: the patient is on your list.")).to_be_visible()
    assert_accessible(clinician)
    screenshot(clinician, "clinician-home-desktop")
    clinician.get_by_role("link", name="walker", exact=True).click()
    expect(clinician.get_by_text("walker's progress page, as they see it.")).to_be_visible()
    assert_accessible(clinician)
    screenshot(clinician, "clinician-patient-desktop")
    clinician.get_by_role("link", name="Change their plan").click()
    card = clinician.locator("section.card", has_text="Glute bridge")
    card.get_by_role("combobox", name=re.compile("^Rung")).select_option("2")
    card.get_by_label("Why (your patient reads this on Today)").fill("Ready for both legs.")
    card.get_by_role("button", name="Save the change to Glute bridge").click()
    expect(clinician.get_by_text("Changed Glute bridge: your patient reads why")).to_be_visible()
    assert_accessible(clinician)
    screenshot(clinician, "clinician-plan-desktop")
    plan_url = clinician.url
    clinician.get_by_role("link", name="Their progress page").click()
    clinician.get_by_role("link", name="Their report").click()
    expect(clinician.get_by_role("heading", name="BackCare progress report")).to_be_visible()
    expect(clinician.get_by_text("Shared with you by walker")).to_be_visible()
    report_url = clinician.url

    patient.goto("/today/")
    note = patient.locator("article", has_text="Glute bridge").get_by_text(
        re.compile("Changed by your physiotherapist Sam Lee on .*: Ready for both legs.")
    )
    expect(note).to_be_visible()
    screenshot(patient, "today-clinician-change-phone")
    patient.goto("/accounts/profile/")
    expect(
        patient.get_by_text(re.compile("Sam Lee, physiotherapist opened your report"))
    ).to_be_visible()
    patient.get_by_role("link", name="Share with your clinician").click()
    patient.get_by_role("button", name="Stop sharing with Sam Lee").click()
    expect(patient.get_by_text("Sharing ended")).to_be_visible()

    response = clinician.goto(report_url)
    assert response.status == 404
    expect(clinician.get_by_text("BackCare progress report")).to_have_count(0)
    assert clinician.goto(plan_url).status == 404
    context.close()
