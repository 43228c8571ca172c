"""Setting reminders from the profile in Chromium, at a phone's width and a laptop's: the
days and time chosen, the calendar link made, the calendar downloaded."""

import re
from datetime import time

import icalendar
import pytest
from playwright.sync_api import expect

from progress.models import ReminderSettings
from tests.browser.account_steps import log_in_to_today
from tests.browser.page_checks import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def day_box(page, day):
    return page.get_by_role("checkbox", name=day, exact=True)


@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_a_person_sets_reminders_on_their_profile(request, size, walker):
    page = request.getfixturevalue("phone_page" if size == "phone" else "page")
    log_in_to_today(page, "walker@example.com")
    page.goto("/accounts/profile/")
    expect(page.get_by_text("Off.")).to_be_visible()
    page.get_by_role("link", name="Reminders and calendar").click()
    expect(page.get_by_role("heading", name="Reminders and calendar")).to_be_visible()
    # Monday, Wednesday and Friday at 18:00 are offered; the person changes them.
    expect(day_box(page, "Wednesday")).to_be_checked()
    day_box(page, "Wednesday").uncheck()
    day_box(page, "Tuesday").check()
    page.get_by_label("At what time").fill("07:30")
    page.get_by_label("E-mail me a reminder on practice days").check()
    assert_accessible(page)
    screenshot(page, f"reminders-{size}")
    page.get_by_role("button", name="Save reminders").click()
    expect(page.get_by_text("Saved: reminders on Monday, Tuesday, Friday at 07:30")).to_be_visible()
    row = ReminderSettings.objects.get(user__email="walker@example.com")
    assert (row.days, row.at, row.practice, row.checkin) == ([0, 1, 4], time(7, 30), True, True)

    page.get_by_role("button", name="Make a private link to subscribe to").click()
    link = page.get_by_label(re.compile("Subscribe with this private link"))
    expect(link).to_have_value(re.compile(r"/calendar/[\w-]{40,}\.ics$"))
    assert_accessible(page)
    screenshot(page, f"reminders-calendar-{size}")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the calendar (.ics)").click()
    calendar = icalendar.Calendar.from_ical(download.value.path().read_bytes())
    assert len(calendar.walk("VEVENT")) == 12  # three days a week, four weeks

    page.goto("/accounts/profile/")
    expect(
        page.get_by_text("Practice reminders on Monday, Tuesday, Friday at 07:30")
    ).to_be_visible()


def test_a_mistyped_time_comes_back_with_a_message(page, walker):
    log_in_to_today(page, "walker@example.com")
    page.goto("/reminders/")
    page.get_by_label("E-mail me a reminder on practice days").check()
    for day in ("Monday", "Wednesday", "Friday"):
        day_box(page, day).uncheck()
    page.get_by_role("button", name="Save reminders").click()
    expect(page.get_by_text("Choose at least one day to be reminded on.")).to_be_visible()
    expect(page.get_by_label("E-mail me a reminder on practice days")).to_be_checked()
    assert not ReminderSettings.objects.exists()
