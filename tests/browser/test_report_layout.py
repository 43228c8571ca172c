"""The clinician report on a phone and on paper, and pages a long display name could widen."""

import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
import time_machine
from playwright.sync_api import expect

from exercises.catalog import catalog_load
from progress.models import RungChange, SessionLog
from progress.services.plan_templates import plan_templates_load
from progress.services.plans import plan_exercise_move
from progress.services.psfs import ActivityRating, psfs_rate
from tests import builders
from tests.browser.account_steps import PASSWORD, log_in_to_today
from tests.browser.page_checks import ARTIFACTS, assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FIRST = date(2026, 3, 2)  # a Monday
LAST = FIRST + timedelta(days=90)  # 13 whole weeks, the longest report
NOW = datetime.combine(LAST + timedelta(days=1), time(9), UTC)
THIRTEEN_WEEKS = f"/progress/report/?start={FIRST}&end={LAST}"
PHONE = 375
# 60 characters with no space to break at, the way some people type a name or a handle.
LONG_NAME = "Maximiliana" * 5 + "Wolfeschl"
# As long as the report prints a note (it shortens longer ones).
LONG_NOTE = (
    "Back stiff in the morning after a long drive, better once I had walked the dog; the "
    "bridges felt heavy but steady and the stretch eased the front of my hip. " * 3
)[:300]


def ready_reason(day: date) -> str:
    """An accepted "move up" as the app words it: the 2-for-2 sentence with every number."""
    before, on = day - timedelta(days=3), day - timedelta(days=1)
    return (
        f"Move up a rung: Pain stayed at 3/10 or below in your last 2 sessions, on "
        f"{before:%-d %B} and {on:%-d %B} (1/10 and 2/10); each felt at least comfortable "
        f"(ease 4 and 5); you did the full dose; and your back settled by the next morning "
        f"(1/10 and 0/10)."
    )


def climb(plan) -> int:
    """Each exercise moves up a rung every fortnight until the top of its ladder, the
    moves a day apart: the longest list of rung changes 13 weeks can hold."""
    moves = 0
    for n, item in enumerate(plan.items.select_related("exercise", "rung")):
        rungs = list(item.exercise.rungs.filter(position__gt=item.rung.position))
        for k, rung in enumerate(rungs):
            day = FIRST + timedelta(days=14 * (k + 1) + n)
            plan_exercise_move(
                item=item,
                rung=rung,
                source=RungChange.Source.SUGGESTION,
                reason=ready_reason(day),
                now=datetime.combine(day, time(19), UTC),
            )
            moves += 1
    return moves


@pytest.fixture
def thirteen_weeks():
    """A patient with a session every day for 13 weeks, every exercise climbed to the top
    of its ladder, ten long notes to print, and three activities rated every fortnight."""
    catalog_load()
    plan_templates_load()
    start = datetime.combine(FIRST, time(8), UTC)
    with time_machine.travel(start, tick=False):
        user = builders.user("patient@example.com", PASSWORD, display_name="Pat")
    builders.screen_clear(user, when=start)
    plan = builders.plan(user, when=start)
    builders.daily_history(plan, first=FIRST, days=91)
    assert climb(plan) >= 10
    SessionLog.objects.filter(user=user, day__gt=LAST - timedelta(days=10)).update(note=LONG_NOTE)
    for week in range(0, 13, 2):
        day = FIRST + timedelta(weeks=week)
        psfs_rate(
            user=user,
            day=day,
            ratings=[
                ActivityRating(1, "Putting on socks", min(3 + week // 2, 10)),
                ActivityRating(2, "Sitting through a film", min(4 + week // 2, 10)),
                ActivityRating(3, "Gardening for half an hour", min(2 + week // 2, 10)),
            ],
            now=datetime.combine(day, time(20), UTC),
        )
    return user


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_thirteen_weeks_print_on_two_a4_pages(page, thirteen_weeks):
    with time_machine.travel(NOW):
        log_in_to_today(page, "patient@example.com")
        page.goto(THIRTEEN_WEEKS)
        report = page.locator(".report")
        expect(report).to_contain_text(f"({(LAST - FIRST).days + 1} days)")
        # Every rung change is listed with its whole reason, however long the list.
        expect(report.locator("tbody tr", has_text="Accepted suggestion")).to_have_count(
            RungChange.objects.filter(source=RungChange.Source.SUGGESTION).count()
        )
        expect(report).to_contain_text("and your back settled by the next morning")
        pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "report-13-weeks.pdf").write_bytes(pdf)
        assert pdf_pages(pdf) <= 2, f"{pdf_pages(pdf)} A4 pages"


def test_the_report_fits_a_phone(phone_page, thirteen_weeks):
    page = phone_page
    with time_machine.travel(NOW):
        log_in_to_today(page, "patient@example.com")
        page.goto(THIRTEEN_WEEKS)
        expect(page.get_by_role("heading", name="BackCare progress report")).to_be_visible()
        screenshot(page, "report-13-weeks-phone")
        assert page_width(page) <= PHONE
        assert_accessible(page)


def test_a_long_display_name_does_not_widen_the_phone_page(phone_page, thirteen_weeks):
    page = phone_page
    thirteen_weeks.display_name = LONG_NAME
    thirteen_weeks.save(update_fields=["display_name"])
    with time_machine.travel(NOW):
        log_in_to_today(page, "patient@example.com")
        for path, name in (("/today/", "today"), ("/accounts/profile/", "profile")):
            page.goto(path)
            # Folded away behind the navigation's toggle on a phone: open it to show the name.
            page.get_by_role("button", name="Toggle navigation").click()
            expect(page.locator("#nav-links")).to_have_class(re.compile(r"\bshow\b"))
            expect(page.get_by_role("link", name=LONG_NAME)).to_be_visible()
            screenshot(page, f"long-name-{name}-phone")
            assert page_width(page) <= PHONE, name
            assert_accessible(page)
        page.goto(THIRTEEN_WEEKS)
        expect(page.locator(".report-top")).to_contain_text(LONG_NAME)
        screenshot(page, "long-name-report-phone")
        assert page_width(page) <= PHONE


def test_the_rung_history_scrolls_by_keyboard_on_a_phone(phone_page, thirteen_weeks):
    page = phone_page
    bridge = thirteen_weeks.plan.items.get(exercise__slug="glute-bridge")
    with time_machine.travel(NOW):
        log_in_to_today(page, "patient@example.com")
        page.goto(f"/plan/items/{bridge.pk}/history/")
        box = page.get_by_role("region", name="Rung changes")
        expect(box).to_contain_text("Accepted suggestion")
        assert box.evaluate("e => e.scrollWidth > e.clientWidth"), "the table fits: nothing to test"
        # Back from the link after the table, the keyboard lands on the scroll box and scrolls it.
        page.get_by_role("link", name="Back to your plan").focus()
        page.keyboard.press("Shift+Tab")
        expect(box).to_be_focused()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("e => e.scrollLeft > 0", arg=box.element_handle())
        assert page_width(page) <= PHONE
        screenshot(page, "rung-history-phone")
        assert_accessible(page)
