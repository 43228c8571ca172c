import re

import pytest
from playwright.sync_api import expect

from exercises.catalog import catalog_load
from exercises.models import Rung
from progress.forms.plans import rung_label
from progress.services.plan_templates import plan_templates_load
from tests.browser.account_steps import answer_screen, sign_up_verified
from tests.browser.page_checks import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-and-unusual-passphrase"


def sign_up(page, email="walker@example.com"):
    """A newcomer signs up and opens the e-mailed link, which logs them in."""
    sign_up_verified(page, email, PASSWORD)


def label(slug, position):
    return rung_label(Rung.objects.get(exercise__slug=slug, position=position))


def test_a_new_user_passes_the_screen_starts_a_plan_and_sees_today(page):
    catalog_load()
    plan_templates_load()
    sign_up(page)

    expect(page.get_by_role("heading", name="Safety check before you exercise")).to_be_visible()
    assert_accessible(page)
    # Submitting with a question unanswered keeps the answers and says what is missing.
    page.locator("input[name=fever][value=no]").check()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_role("alert")).to_contain_text("Please answer every question")
    expect(page.locator("input[name=fever][value=no]")).to_be_checked()
    assert_accessible(page)
    answer_screen(page)

    expect(page.get_by_role("heading", name="Start your plan")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Starter").check()
    page.get_by_label("Starting rung for Glute bridge").select_option(
        label=label("glute-bridge", 2)
    )
    page.get_by_role("button", name="Start this plan").click()

    expect(page.get_by_role("heading", name=re.compile("^Today"))).to_be_visible()
    expect(page.get_by_role("heading", name="Glute bridge")).to_be_visible()
    expect(page.locator("article", has_text="Glute bridge")).to_contain_text("Rung 2")
    assert_accessible(page)
    screenshot(page, "today-desktop")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Plan").click()
    expect(page.get_by_role("heading", name="Your plan")).to_be_visible()
    assert_accessible(page)
    clam = page.locator("[id^=item-]", has_text="Clamshell")
    clam.get_by_label("Move Clamshell to").select_option(label=label("clamshell", 2))
    clam.get_by_role("button", name="Move Clamshell", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Clamshell is now on rung 2")
    screenshot(page, "plan-desktop")


def test_on_a_phone_starting_rungs_are_fitted_to_the_equipment_ticked(phone_page):
    page = phone_page
    catalog_load()
    plan_templates_load()
    sign_up(page, "nostep@example.com")
    answer_screen(page)

    expect(page.get_by_role("heading", name="Start your plan")).to_be_visible()
    squat = page.get_by_label("Starting rung for ATG split squat")
    expect(squat).to_have_value(
        str(Rung.objects.get(exercise__slug="atg-split-squat", position=1).pk)
    )
    page.get_by_label("Whole chain").check()
    equipment = page.get_by_role("group", name="Which of these do you have?")
    equipment.get_by_role("checkbox", name=re.compile("^Chair")).check()
    equipment.get_by_role("checkbox", name="Wall", exact=True).check()
    page.get_by_role("textbox", name="What is the activity?").first.fill("Gardening")
    page.get_by_role("spinbutton", name="Today, 0–10").first.fill("4")
    page.get_by_role("button", name="Suggest starting rungs for my equipment").click()

    expect(page.get_by_role("status")).to_contain_text("fitted to the equipment you ticked")
    # Without a step the split squat starts on the rung that needs only a wall.
    expect(squat).to_have_value(
        str(Rung.objects.get(exercise__slug="atg-split-squat", position=3).pk)
    )
    expect(squat).to_have_accessible_description(
        re.compile("^Rung 3 instead of 1: rung 1 needs a step or box")
    )
    expect(page.get_by_label("Whole chain")).to_be_checked()
    expect(equipment.get_by_role("checkbox", name="Wall", exact=True)).to_be_checked()
    expect(page.get_by_role("textbox", name="What is the activity?").first).to_have_value(
        "Gardening"
    )
    assert_accessible(page)
    squat.scroll_into_view_if_needed()
    screenshot(page, "plan-start-equipment-phone")
    page.get_by_role("button", name="Start this plan").click()

    expect(page.get_by_role("heading", name=re.compile("^Today"))).to_be_visible()
    squat_today = page.locator("article", has_text="ATG split squat")
    expect(squat_today).to_contain_text("Rung 3")
    expect(squat_today).to_contain_text("Flat ground, light hand support")
    assert_accessible(page)


def test_an_emergency_answer_stops_everything(phone_page):
    page = phone_page
    sign_up(page, "urgent@example.com")
    answer_screen(page, yes={"bladder_bowel"})
    expect(page.get_by_role("heading", name="Go to an emergency department now")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "emergency-phone")
    page.goto("/today/")
    expect(page.get_by_role("heading", name="Go to an emergency department now")).to_be_visible()
    expect(page.get_by_role("link", name="A clinician has assessed this")).to_have_count(0)


def test_sign_up_takes_the_time_zone_from_the_browser(browser, live_server):
    from backcare.accounts.models import User

    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 375, "height": 812},
        is_mobile=True,
        timezone_id="America/Toronto",
    )
    page = context.new_page()
    try:
        page.goto("/accounts/signup/")
        # Detected, so not asked: the field is filled and out of the way.
        zone = page.locator("input[name=time_zone]")
        expect(zone).to_have_value("America/Toronto")
        expect(zone).to_be_hidden()
        assert_accessible(page)
        sign_up_verified(page, "toronto@example.com", PASSWORD)
        assert User.objects.get(email="toronto@example.com").time_zone == "America/Toronto"
        page.goto("/accounts/profile/")
        expect(page.get_by_role("combobox", name="Time zone")).to_have_value("America/Toronto")
        assert_accessible(page)
    finally:
        context.close()
