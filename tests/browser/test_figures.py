"""The rung figures as people see them: moving, still on request, still for reduced motion
and in print, inside a phone's width, and accessible."""

import pytest
from playwright.sync_api import expect

from exercises.catalog import catalog_load
from exercises.models import Exercise
from tests.browser.page_checks import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_figure_moves_and_can_be_turned_into_still_pictures(page):
    catalog_load()
    page.goto("/exercises/hip-flexor-stretch/")
    rung = page.locator("#rung-1")
    moving, still = rung.locator(".fig-moving"), rung.locator(".fig-still")
    expect(moving).to_be_visible()
    expect(still).to_be_hidden()
    # The frames take turns: each has its own animation, running.
    frame = rung.locator(".fig-f2").first
    assert frame.evaluate("e => getComputedStyle(e).animationName") == "fig-f2"
    assert frame.evaluate("e => getComputedStyle(e).animationPlayState") == "running"
    expect(rung.get_by_role("img")).to_have_accessible_name(
        "Start: standing tall in a long split stance, one hand on a chair back, back heel "
        "lifted. End: both knees bend a little and the hips tuck under, so the front of the "
        "back hip stretches."
    )
    assert_accessible(page)
    rung.get_by_label("Still pictures: start and end").check()
    expect(moving).to_be_hidden()
    expect(still).to_be_visible()
    expect(page.locator("#rung-2 .fig-moving")).to_be_visible()  # only the one asked
    screenshot(page, "figures-exercise-desktop")


def test_reduced_motion_and_print_show_the_still_pictures(browser, live_server):
    catalog_load()
    context = browser.new_context(base_url=live_server.url, reduced_motion="reduce")
    page = context.new_page()
    page.goto("/exercises/glute-bridge/")
    expect(page.locator(".fig-moving").first).to_be_hidden()
    expect(page.locator(".fig-still").first).to_be_visible()
    expect(page.get_by_label("Still pictures: start and end").first).to_be_hidden()
    context.close()
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto("/exercises/glute-bridge/")
    expect(page.locator(".fig-still").first).to_be_visible()
    expect(page.locator(".fig-moving").first).to_be_hidden()
    context.close()


def test_every_figure_fits_a_phone(phone_page):
    catalog_load()
    for exercise in Exercise.objects.all():
        phone_page.goto(exercise.get_absolute_url())
        figures = phone_page.locator(".fig-moving")
        expect(figures).to_have_count(exercise.rungs.count())
        for n in range(figures.count()):
            box = figures.nth(n).bounding_box()
            assert box is not None and box["width"] > 150, exercise.slug
            assert box["x"] >= 0 and box["x"] + box["width"] <= 375, exercise.slug
        screenshot(phone_page, f"figures-{exercise.slug}-phone")
    assert_accessible(phone_page)
