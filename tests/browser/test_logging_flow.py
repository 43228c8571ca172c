import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from progress.services.plans import plan_exercise_move
from tests.browser.account_steps import log_in_to_today
from tests.browser.page_checks import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MONDAY = datetime(2026, 3, 2, 9, tzinfo=UTC)  # the walker fixture's Monday (conftest)


def log_in(page):
    log_in_to_today(page, "walker@example.com")


def entry(page, exercise: str):
    return page.locator("section.card", has=page.get_by_role("heading", name=exercise))


def log_session(page, *, before: int, during: int, ease: str, check=False):
    page.get_by_role("link", name=re.compile("Log (today's|another) session")).click()
    expect(page.get_by_role("heading", name="Log a session")).to_be_visible()
    if check:
        assert_accessible(page)
    page.locator("fieldset", has_text="Pain before you started").get_by_text(
        str(before), exact=True
    ).click()
    for exercise in ("Hip flexor stretch", "Glute bridge", "Clamshell"):
        card = entry(page, exercise)
        card.locator("fieldset", has_text="Pain during").get_by_text(
            str(during), exact=True
        ).click()
        card.get_by_label(ease).check()
    if check:
        screenshot(page, "log-form-phone")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("status")).to_contain_text("Session saved")


def check_in(page, pain: int):
    page.get_by_role("link", name="Check in").click()
    page.locator("fieldset", has_text="Your pain this morning").get_by_text(
        str(pain), exact=True
    ).click()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_role("status")).to_contain_text("is saved")


def test_two_easy_days_lead_to_the_next_rung(phone_page, walker):
    page = phone_page
    with time_machine.travel(MONDAY):
        log_in(page)
        log_session(page, before=2, during=1, ease="4 · comfortable", check=True)
        screenshot(page, "today-after-first-session-phone")
    with time_machine.travel(MONDAY + timedelta(days=1)):
        page.goto("/today/")
        expect(page.get_by_text("First, your morning check-in.")).to_be_visible()
        check_in(page, 1)
        log_session(page, before=1, during=0, ease="5 · easy, could do much more")
    with time_machine.travel(MONDAY + timedelta(days=2)):
        page.goto("/today/")
        check_in(page, 1)
        bridge = page.locator("article", has=page.get_by_role("heading", name="Glute bridge"))
        expect(bridge).to_contain_text("Suggestion: Move up to rung 2")
        expect(bridge).to_contain_text("your back settled by the next morning")
        assert_accessible(page)
        screenshot(page, "progress-suggestion-phone")
        bridge.get_by_role("button", name="Accept for Glute bridge").click()
        bridge = page.locator("article", has=page.get_by_role("heading", name="Glute bridge"))
        expect(bridge).to_contain_text("Rung 2")
        expect(bridge).to_contain_text("Double-leg bridge with a 3-5 s squeeze at the top")


def test_pain_7_leads_to_a_step_down(page, walker):
    item = walker.items.get(exercise__slug="clamshell")
    with time_machine.travel(MONDAY - timedelta(hours=12)):
        plan_exercise_move(item=item, rung=item.exercise.rungs.get(position=3), now=timezone.now())
    with time_machine.travel(MONDAY):
        log_in(page)
        log_session(page, before=3, during=7, ease="3 · challenging but doable")
        clam = page.locator("article", has=page.get_by_role("heading", name="Clamshell"))
        expect(clam).to_contain_text("Suggestion: Step down to rung 2")
        expect(clam).to_contain_text("7/10")
        assert_accessible(page)
        screenshot(page, "regress-suggestion-desktop")


def test_back_after_saving_then_save_again_stores_one_session(walker, phone_page):
    from progress.models import SessionLog

    page = phone_page
    log_in(page)
    log_session(page, before=2, during=1, ease="4 · comfortable")
    page.go_back()
    # The same address again: the saved session, to change rather than store twice.
    expect(page.get_by_role("heading", name=re.compile("^Edit the session of"))).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("This session is saved already.")
    expect(
        page.locator("fieldset", has_text="Pain before you started").get_by_label("2", exact=True)
    ).to_be_checked()
    assert_accessible(page)
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("status")).to_contain_text("Session updated.")
    assert SessionLog.objects.filter(user__email="walker@example.com").count() == 1
