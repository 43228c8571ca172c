import re
import uuid
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from exercises.catalog import catalog_load
from progress.models import SessionLog
from progress.services.plan_templates import plan_templates_load
from progress.services.plans import plan_exercise_move
from progress.services.psfs import ActivityRating, psfs_rate
from progress.services.sessions import EntryData, checkin_record, session_log
from tests import builders
from tests.browser.account_steps import PASSWORD, log_in_to_today
from tests.browser.page_checks import ARTIFACTS, assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
START = date(2026, 3, 2)
NOW = datetime(2026, 3, 27, 9, tzinfo=UTC)
# (day offset, pain before, pain during, ease, note)
DAYS = [
    (0, 3, 2, 3, "First session. Stiff getting up."),
    (2, 3, 2, 4, ""),
    (4, 2, 1, 4, "Easier than Monday"),
    (7, 2, 1, 5, ""),
    (9, 2, 2, 4, "Long drive yesterday — back tight"),
    (14, 1, 1, 5, ""),
    (16, 1, 0, 5, "Best day so far ✓"),
    (21, 1, 1, 4, ""),
]


def entry(item, offset: int, during: int, ease: int) -> EntryData:
    """The full dose, except on the last day: a skip, a short set with a note, a marker."""
    last, slug = offset == DAYS[-1][0], item.exercise.slug
    if last and slug == "clamshell":
        return EntryData(skipped=True, note="Hip sore after gardening")
    short = last and slug == "glute-bridge"
    return EntryData(
        skipped=False,
        sets_done=item.dose.sets,
        amount_done=item.dose.amount - 2 if short else item.dose.amount,
        pain_during=during,
        ease=ease,
        marker_value=Decimal("35.0") if last and slug == "hip-flexor-stretch" else None,
        note="Glutes burnt, back calm ✓" if short else "",
    )


@pytest.fixture
def patient():
    catalog_load()
    plan_templates_load()
    joined = datetime(2026, 3, 1, 9, tzinfo=UTC)
    with time_machine.travel(joined, tick=False):
        user = builders.user("patient@example.com", PASSWORD, display_name="Pat")
    builders.screen_clear(user, when=joined)
    plan = builders.plan(user, when=joined)
    items = list(plan.items.select_related("rung", "exercise"))
    for offset, before, during, ease, note in DAYS:
        day = START + timedelta(days=offset)
        with time_machine.travel(
            datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=18)
        ):
            session_log(
                user=user,
                day=day,
                pain_before=before,
                note=note,
                submission_key=uuid.uuid4(),
                entries=[(item, entry(item, offset, during, ease)) for item in items],
                now=timezone.now(),
            )
        checkin_record(
            user=user,
            day=day + timedelta(days=1),
            morning_pain=before,
            flags=[],
            now=datetime.combine(day + timedelta(days=1), time(8), UTC),
        )
    bridge = plan.items.get(exercise__slug="glute-bridge")
    with time_machine.travel(datetime(2026, 3, 11, 9, tzinfo=UTC)):
        plan_exercise_move(
            item=bridge,
            rung=bridge.exercise.rungs.get(position=2),
            reason="Two easy sessions with pain at 1/10; moved up with my physio's agreement.",
            now=timezone.now(),
        )
    for day, socks, sitting in ((START, 3, 4), (START + timedelta(days=21), 6, 6)):
        psfs_rate(
            user=user,
            day=day,
            ratings=[
                ActivityRating(1, "Putting on socks", socks),
                ActivityRating(2, "Sitting through a film", sitting),
            ],
            now=datetime.combine(day, time(20), UTC),
        )
    return user


def log_in(page):
    log_in_to_today(page, "patient@example.com")


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_history_delete_and_report(page, patient):
    with time_machine.travel(NOW):
        log_in(page)
        page.get_by_role("link", name="History", exact=True).click()
        expect(page.get_by_role("heading", name="Your history")).to_be_visible()
        expect(page.locator("details.history-session")).to_have_count(len(DAYS))
        newest = page.locator("details.history-session").first
        newest.locator("summary").click()
        expect(newest.get_by_text("Ease 4 · comfortable").first).to_be_visible()
        expect(newest).to_contain_text("less than your dose then")
        expect(newest).to_contain_text("Measured: Hold time 35 s")
        expect(newest).to_contain_text("Skipped")
        expect(newest).to_contain_text("Note: Hip sore after gardening")
        assert_accessible(page)
        screenshot(page, "history-desktop")

        drive = page.locator("details.history-session", has_text="Wednesday 11 March 2026")
        drive.locator("summary").click()
        expect(drive).to_contain_text("Long drive yesterday — back tight")
        drive.get_by_role("link", name=re.compile("^Delete")).click()
        expect(
            page.get_by_role("heading", name="Delete the session of Wednesday 11 March 2026?")
        ).to_be_visible()
        assert_accessible(page)
        screenshot(page, "session-delete-confirm-desktop")
        page.get_by_role("button", name="Delete this session").click()
        expect(page.get_by_role("status")).to_contain_text(
            "The session of Wednesday 11 March 2026 was deleted."
        )
        expect(page.locator("details.history-session")).to_have_count(len(DAYS) - 1)
        assert not SessionLog.objects.filter(day=date(2026, 3, 11)).exists()

        page.get_by_role("link", name="Report for your clinician").click()
        expect(page.get_by_role("heading", name="BackCare progress report")).to_be_visible()
        expect(page.locator(".report")).to_contain_text("moved up with my physio's agreement")
        expect(page.locator(".report")).to_contain_text("a meaningful change")
        assert_accessible(page)
        screenshot(page, "report-desktop")

        pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "report.pdf").write_bytes(pdf)
        assert pdf.startswith(b"%PDF")
        assert 1 <= pdf_pages(pdf) <= 2

        page.goto("/progress/report/?start=2026-03-20&end=2026-03-01")
        expect(page.get_by_role("alert")).to_contain_text("The start date is after the end date.")
        assert_accessible(page)


def test_history_on_a_phone(phone_page, patient):
    page = phone_page
    with time_machine.travel(NOW):
        log_in(page)
        page.goto("/progress/history/")
        first = page.locator("details.history-session").first
        first.locator("summary").click()
        expect(first.get_by_role("link", name=re.compile("^Edit"))).to_be_visible()
        assert_accessible(page)
        screenshot(page, "history-phone")
