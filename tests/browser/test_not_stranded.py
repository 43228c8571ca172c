"""Nobody is stranded: a clinician's clearance, and a missed morning given later, on a phone."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from backcare.accounts.models import User
from exercises.catalog import catalog_load
from progress.models import CheckIn, Clearance
from progress.services.plan_templates import plan_templates_load
from tests import builders
from tests.browser.account_steps import PASSWORD, answer_screen, log_in, sign_up_verified
from tests.browser.page_checks import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_cleared_flag_starts_the_plan_with_a_caution_that_can_be_dismissed(phone_page):
    page = phone_page
    catalog_load()
    plan_templates_load()
    sign_up_verified(page, "cleared@example.com", PASSWORD)
    answer_screen(page, yes={"cancer_history"})
    expect(page.get_by_role("heading", name="See a doctor before starting")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="A clinician has assessed this and cleared me").click()

    expect(page.get_by_role("heading", name="Record a clinician's clearance")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("A history of cancer")
    # Sent without the confirmation: told why, and the note typed is still there.
    page.get_by_label("Physiotherapist").check()
    person = User.objects.get(email="cleared@example.com")
    page.get_by_label(re.compile(r"When\?")).fill(person.local_today().isoformat())
    page.get_by_label(re.compile("What did they say")).fill("Fine to exercise; go gently.")
    page.get_by_role("button", name="Record the clearance").click()
    expect(page.get_by_text("Tick this only when a clinician has cleared you.")).to_be_visible()
    expect(page.get_by_label(re.compile("What did they say"))).to_have_value(
        "Fine to exercise; go gently."
    )
    assert_accessible(page)
    screenshot(page, "clearance-phone")
    page.get_by_label(re.compile("They assessed the answers above")).check()
    page.get_by_role("button", name="Record the clearance").click()

    expect(page.get_by_role("heading", name="Start your plan")).to_be_visible()
    page.get_by_label("Starter").check()
    page.get_by_role("button", name="Start this plan").click()
    caution = page.get_by_role("status").filter(has_text="Exercise with care.")
    expect(caution).to_contain_text("A physiotherapist cleared you to exercise")
    assert_accessible(page)
    screenshot(page, "today-caution-phone")
    caution.get_by_role("button", name="Dismiss").click()
    expect(page.get_by_text("Exercise with care.")).to_have_count(0)
    expect(page.get_by_role("link", name="Log today's session")).to_be_visible()
    clearance = Clearance.objects.get()
    assert clearance.screen.answers["cancer_history"] is True
    assert clearance.caution_dismissed_at is not None


def person_with_a_plan(email):
    catalog_load()
    plan_templates_load()
    user = builders.user(email)
    builders.screen_clear(user)
    builders.plan(user)
    return user


def test_a_missed_morning_is_asked_for_later_naming_the_day(phone_page):
    page = phone_page
    user = person_with_a_plan("late@example.com")
    today = user.local_today()
    two_days_ago = today - timedelta(days=2)
    builders.session(user, day=two_days_ago)
    log_in(page, "late@example.com", builders.PASSWORD)

    page.goto("/today/")
    weekday = two_days_ago.strftime("%A")
    question = f"How did your back feel the morning after {weekday}'s session?"
    expect(page.get_by_text(question)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "today-late-checkin-phone")
    page.get_by_role("link", name=f"Check in for the morning after {weekday}").click()

    expect(
        page.get_by_role("heading", name=re.compile(f"the morning after {weekday}'s"))
    ).to_be_visible()
    expect(page.get_by_text("A history of cancer")).to_have_count(0)
    page.locator("label[for=id_morning_pain_2]").click()
    assert_accessible(page)
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator(".messages")).to_contain_text("is saved")
    expect(page.get_by_text(question)).to_have_count(0)
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.day, checkin.morning_pain) == (two_days_ago + timedelta(days=1), 2)


def test_removing_an_exercise_asks_first_and_can_be_undone(phone_page):
    page = phone_page
    user = person_with_a_plan("remover@example.com")
    plan = user.plan
    log_in(page, "remover@example.com", builders.PASSWORD)

    page.goto("/plan/")
    clam = page.locator("[id^=item-]", has_text="Clamshell")
    clam.get_by_role("link", name="Remove Clamshell").click()
    expect(page.get_by_role("heading", name="Remove Clamshell from your plan?")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "remove-confirm-phone")
    page.get_by_role("link", name="Keep it").click()
    expect(page.locator("[id^=item-]", has_text="Clamshell")).to_be_visible()

    page.locator("[id^=item-]", has_text="Clamshell").get_by_role(
        "link", name="Remove Clamshell"
    ).click()
    page.get_by_role("button", name="Remove Clamshell").click()
    expect(page.get_by_role("status")).to_contain_text("Clamshell was removed from your plan.")
    expect(page.locator("[id^=item-]", has_text="Clamshell")).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "plan-removed-phone")
    page.get_by_role("button", name="Put back Clamshell").click()
    expect(page.get_by_role("status")).to_contain_text("Clamshell is back in your plan")
    expect(page.locator("[id^=item-]", has_text="Clamshell")).to_be_visible()
    assert plan.items.filter(exercise__slug="clamshell").count() == 1
