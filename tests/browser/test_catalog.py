import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from exercises.catalog import catalog_load
from exercises.editors import GROUP
from exercises.models import Exercise
from tests.browser.account_steps import PASSWORD, enter_two_factor_code, fill_log_in
from tests.browser.page_checks import assert_accessible, screenshot
from tests.mfa_helpers import totp_code, with_totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def catalog_editors() -> Group:
    """The group exists after every migrate or flush (post_migrate)."""
    return Group.objects.get(name=GROUP)


def test_a_visitor_browses_filters_and_opens_an_exercise_ladder(page):
    catalog_load()
    page.goto("/exercises/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Exercises")
    expect(page.get_by_role("heading", level=2)).to_have_count(4)
    assert_accessible(page)
    screenshot(page, "catalog-desktop")

    page.get_by_label("Region").select_option(label="Above the spine")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"region=above"))
    expect(page.get_by_role("heading", level=2)).to_have_count(1)
    expect(page.get_by_role("heading", level=2)).to_have_text("Above the spine")
    expect(page.get_by_role("link", name="Glute bridge")).to_have_count(0)
    expect(page.get_by_label("Region")).to_have_value("above")

    pullover = Exercise.objects.get(slug="pullover")
    page.get_by_role("link", name=pullover.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(pullover.name)
    expect(page.get_by_role("heading", name="Why it helps")).to_be_visible()
    expect(page.get_by_role("heading", name="Safety")).to_be_visible()
    ladder = page.locator("ol.ladder > li")
    rungs = list(pullover.rungs.order_by("position"))
    expect(ladder).to_have_count(len(rungs))
    for item, rung in zip(ladder.all(), rungs, strict=True):
        expect(item).to_contain_text(rung.name)
        expect(item).to_contain_text(rung.get_stage_display())
        expect(item).to_contain_text(rung.dose_text)
        expect(item).to_contain_text(rung.marker_name)
    assert_accessible(page)
    screenshot(page, "exercise-detail-desktop")


def test_an_unknown_filter_says_so(page):
    catalog_load()
    page.goto("/exercises/?region=nowhere")
    expect(page.get_by_role("alert")).to_contain_text("That filter is not one we know")
    page.get_by_role("link", name="Show all exercises").click()
    expect(page.get_by_role("heading", level=2)).to_have_count(4)


def test_the_catalog_works_on_a_phone(phone_page):
    catalog_load()
    phone_page.goto("/exercises/")
    expect(phone_page.get_by_role("link", name="Glute bridge")).to_be_visible()
    # Nothing is wider than the screen.
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone_page)
    screenshot(phone_page, "catalog-phone")

    phone_page.get_by_role("link", name="Glute bridge").click()
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Glute bridge")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(phone_page)
    screenshot(phone_page, "exercise-detail-phone")


def test_an_editor_adds_a_rung_in_the_admin_and_sees_it_on_the_public_page(page, django_user_model):
    catalog_load()
    editor = with_totp(
        django_user_model.objects.create_user(
            email="editor@example.com", password=PASSWORD, is_staff=True
        )
    )
    editor.groups.add(catalog_editors())
    bridge = Exercise.objects.get(slug="glute-bridge")
    top = bridge.rungs.order_by("-position").first().position

    # The admin needs two-factor: the password, then the authenticator app's code.
    fill_log_in(page, "editor@example.com", PASSWORD)
    enter_two_factor_code(page, totp_code())
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    page.goto("/admin/")
    page.get_by_role("link", name="Exercises", exact=True).click()
    page.get_by_role("link", name="Glute bridge", exact=True).click()
    expect(page.get_by_role("heading", name="Change exercise")).to_be_visible()

    page.get_by_role("button", name="Add another Rung").click()
    new = f"#rungs-{bridge.rungs.count()}"
    page.locator(f"{new} [name$='-position']").fill(str(top + 1))
    page.locator(f"{new} [name$='-stage']").select_option("loaded")
    page.locator(f"{new} [name$='-name']").fill("Bridge holding a weight on the hips")
    page.locator(f"{new} [name$='-instructions']").fill(
        "1. Rest a dumbbell across your hips.\n2. Bridge up, squeezing your glutes."
    )
    page.locator(f"{new} [name$='-cues']").fill("Hold the weight steady")
    page.locator(f"{new} [name$='-sets']").fill("3")
    page.locator(f"{new} [name$='-reps']").fill("8")
    page.locator(f"{new} [name$='-marker_name']").fill("Load")
    page.locator(f"{new} [name$='-marker_unit']").fill("kg")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto("/exercises/glute-bridge/")
    new_rung = page.locator(f"#rung-{top + 1}")
    expect(new_rung).to_contain_text("Bridge holding a weight on the hips")
    expect(new_rung).to_contain_text("3 × 8 reps")
    expect(new_rung).to_contain_text("Load (kg)")
    expect(new_rung).to_contain_text("Hold the weight steady")
