"""The private practice calendar (iCalendar, built with the `icalendar` library): one event
with an alarm for each chosen practice day of the coming weeks.

It says only "BackCare practice" and a link: a calendar is often shared or synced to places
a health record should not go, so no exercise, pain or plan detail is in it.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from progress.rules.reminders import Preferences, practice_days

WEEKS = 4
DURATION = timedelta(minutes=20)
TITLE = "BackCare practice"


def practice_calendar(
    prefs: Preferences, *, start: date, now: datetime, link: str, owner: str
) -> bytes:
    """The calendar from `start` (the person's local today); `owner` keeps event ids apart
    between people and stable between fetches, so a calendar app updates, not duplicates."""
    calendar = Calendar()
    calendar.add("prodid", "-//BackCare//Practice calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", TITLE)
    # Calendar apps that subscribe look again about twice a day.
    calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    seed = hashlib.sha256(owner.encode()).hexdigest()[:16]
    for moment in practice_days(prefs, start, WEEKS):
        event = Event()
        event.add("uid", f"{moment:%Y%m%d}-{seed}@backcare")
        event.add("dtstamp", now)
        event.add("dtstart", moment)
        event.add("dtend", moment + DURATION)
        event.add("summary", TITLE)
        event.add("description", f"Open your plan: {link}")
        event.add("url", link)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", TITLE)
        alarm.add("trigger", timedelta(0))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
