"""The guided session in Chromium, with the page's clock under the test's control: timers
that count from timestamps, ratings as each exercise ends, a reload that loses nothing, a
pain of 8 that stops everything, and a save that waits for the connection."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from progress.models import SessionLog
from tests.browser.account_steps import log_in_to_today
from tests.browser.page_checks import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MONDAY = datetime(2026, 3, 2, 9, tzinfo=UTC)


def start_guided(page):
    page.clock.install(time=datetime.now(UTC))
    log_in_to_today(page, "walker@example.com")
    page.get_by_role("link", name=re.compile("Start today's session, guided")).click()
    expect(page.locator(".guided-progress")).to_have_text("Before you start")
    page.locator("fieldset", has_text="Pain before you started").get_by_text(
        "2", exact=True
    ).click()
    page.get_by_role("button", name="Next").click()


def card(page, name):
    return page.locator("section.card", has=page.get_by_role("heading", name=name))


def pain_during(page, name, pain):
    card(page, name).locator("fieldset", has_text="Pain during").get_by_text(
        pain, exact=True
    ).click()


def rate(page, name, pain="1", ease="5 · easy, could do much more"):
    pain_during(page, name, pain)
    card(page, name).get_by_label(ease, exact=True).check()


def test_a_guided_session_times_each_hold_and_saves_one_session(phone_page, walker):
    page = phone_page
    start_guided(page)
    hip = card(page, "Hip flexor stretch")
    expect(page.locator(".guided-progress")).to_have_text("Exercise 1 of 3: Hip flexor stretch")
    expect(card(page, "Glute bridge")).to_be_hidden()  # one exercise at a time
    expect(hip.get_by_text("How to do it")).to_be_visible()
    hip.get_by_role("button", name="Start").click()
    expect(hip.locator(".guided-phase")).to_have_text("Get ready: left side, set 1 of 2")
    page.clock.run_for(6000)
    expect(hip.locator(".guided-phase")).to_have_text("Hold for 30 seconds: left side, set 1 of 2")
    expect(hip.locator(".guided-clock")).to_have_text("0:29")
    expect(page.locator("[data-guided-announce]")).to_have_text(
        "Hold for 30 seconds: left side, set 1 of 2"
    )
    assert_accessible(page)
    screenshot(page, "guided-hold-phone")
    # Paused for a phone call: the clock stands still, then goes on.
    hip.get_by_role("button", name="Pause").click()
    expect(hip.locator(".guided-phase")).to_contain_text("(paused)")
    left = hip.locator(".guided-clock").inner_text()
    page.clock.run_for(60_000)
    expect(hip.locator(".guided-clock")).to_have_text(left)
    hip.get_by_role("button", name="Resume").click()
    # Asleep in the background for a long while: on waking, the time is right.
    page.clock.fast_forward(200_000)
    page.clock.run_for(500)
    expect(hip.locator(".guided-phase")).to_have_text("Done. How did it go?")
    rate(page, "Hip flexor stretch")
    page.get_by_role("button", name="Next").click()

    bridge = card(page, "Glute bridge")
    bridge.get_by_role("button", name="Start").click()
    for _ in range(3):
        bridge.get_by_role("button", name=re.compile("Count a rep")).click()
    expect(bridge.get_by_role("button", name=re.compile("Count a rep"))).to_have_text(
        re.compile(r"Count a rep \(3 of \d+\)")
    )
    bridge.get_by_role("button", name="I couldn't finish").click()
    expect(bridge.get_by_label("Sets")).to_have_value("1")
    expect(bridge.get_by_label("Reps per set")).to_have_value("3")
    rate(page, "Glute bridge", pain="2", ease="3 · challenging but doable")

    # A reload (or a closed tab) resumes here, with every answer kept.
    page.reload()
    expect(page.locator(".guided-progress")).to_have_text("Exercise 2 of 3: Glute bridge")
    expect(card(page, "Glute bridge").get_by_label("Reps per set")).to_have_value("3")
    page.get_by_role("button", name="Next").click()
    card(page, "Clamshell").get_by_role("button", name="Skip this exercise").click()
    card(page, "Clamshell").get_by_label("Note (optional)").fill("Knee sore today")
    page.get_by_role("button", name="Finish").click()
    summary = page.locator("[data-guided-summary]")
    expect(summary).to_contain_text("Hip flexor stretch: 2 × 30, pain 1, ease 5")
    expect(summary).to_contain_text("Glute bridge: 1 × 3, pain 2, ease 3")
    expect(summary).to_contain_text("Clamshell: skipped")
    page.get_by_role("button", name="Save session").dblclick()  # a double tap
    expect(page.get_by_role("status").first).to_contain_text("Session saved")
    session = SessionLog.objects.get()
    entries = {e.exercise.slug: e for e in session.entries.select_related("exercise")}
    assert session.pain_before == 2
    assert (entries["glute-bridge"].sets_done, entries["glute-bridge"].amount_done) == (1, 3)
    assert entries["clamshell"].skipped and entries["clamshell"].note == "Knee sore today"
    assert page.evaluate("localStorage.getItem('backcare.guided-session')") is None


def test_a_pain_of_8_stops_the_session_with_the_advice(page, walker):
    start_guided(page)
    pain_during(page, "Hip flexor stretch", "8")
    expect(page.locator(".guided-progress")).to_have_text("Finish and save")
    expect(page.get_by_role("alert")).to_contain_text("You stopped because the pain was 8 or more")
    expect(page.locator("[data-guided-announce]")).to_contain_text("Stop now")


def test_a_pain_of_6_offers_to_stop_that_exercise(page, walker):
    start_guided(page)
    pain_during(page, "Hip flexor stretch", "6")
    hip = card(page, "Hip flexor stretch")
    expect(hip.get_by_role("alert")).to_contain_text("Stop it here?")
    hip.get_by_role("button", name="Stop this exercise").click()
    expect(page.locator(".guided-progress")).to_have_text("Exercise 2 of 3: Glute bridge")


def test_offline_at_save_keeps_the_session_and_sends_it_once_back_online(
    browser, live_server, walker
):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    start_guided(page)
    for name in ("Hip flexor stretch", "Glute bridge", "Clamshell"):
        rate(page, name)
        page.get_by_role("button", name=re.compile("Next|Finish")).click()
    context.set_offline(True)
    page.get_by_role("button", name="Save session").click()
    expect(page.locator("[data-guided-status]")).to_contain_text("You are offline")
    assert not SessionLog.objects.exists()
    context.set_offline(False)
    expect(page.get_by_role("status").first).to_contain_text("Session saved")
    assert SessionLog.objects.count() == 1
    context.close()


def test_an_unsaved_session_from_yesterday_is_offered_with_its_date(page, walker):
    start_guided(page)
    kept = page.evaluate("JSON.parse(localStorage.getItem('backcare.guided-session'))")
    yesterday = (datetime.fromisoformat(kept["day"]) - timedelta(days=1)).date().isoformat()
    page.evaluate(
        "day => { const r = JSON.parse(localStorage.getItem('backcare.guided-session'));"
        " r.day = day; r.answers.day = day; r.key = crypto.randomUUID();"
        " localStorage.setItem('backcare.guided-session', JSON.stringify(r)); }",
        yesterday,
    )
    page.goto("/today/")
    page.get_by_role("link", name="Log today's session").click()
    offer = page.locator("[data-guided-resume]")
    expect(offer).to_contain_text("You started a guided session yesterday and did not save it.")
    offer.get_by_role("link", name="Go back to it and save it for that day").click()
    expect(page.get_by_label("Date")).to_have_value(yesterday)
    page.goto("/today/")
    page.get_by_role("link", name="Log today's session").click()
    page.locator("[data-guided-resume]").get_by_role("button", name="Discard it").click()
    assert page.evaluate("localStorage.getItem('backcare.guided-session')") is None
