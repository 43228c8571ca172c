"""The one way to word a day, with no Django imports.

Names are spelled out rather than taken from strftime or the date filter, so the words never
depend on the server's locale and cost no translation lookups on a long page. Templates may
keep their `|date` filters; Python words days only through these.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SHORT_MONTHS = tuple(month[:3] for month in MONTHS)


def day_month(day: date) -> str:
    """As a sentence names a day: "3 March" (the suggestions' reasons)."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def long_day(day: date) -> str:
    """A day in full, as a heading or a message names it: "Tuesday 3 March 2026"."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def short_day(day: date) -> str:
    """A day where room is short, on a chart or in its table: "3 Mar"."""
    return f"{day.day} {SHORT_MONTHS[day.month - 1]}"


def short_date(day: date) -> str:
    """A short day with its year: "3 Mar 2026" (also the site's default date format)."""
    return f"{short_day(day)} {day.year}"


def month_label(day: date, *, with_year: bool = False) -> str:
    """A month on a chart's axis: "Mar", or "Mar 2026" when the axis spans years."""
    month = SHORT_MONTHS[day.month - 1]
    return f"{month} {day.year}" if with_year else month


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The date a moment falls on where the user lives."""
    return moment.astimezone(zone).date()


def months_later(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter (31 Jan + 1)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def time_of_day(moment: datetime, zone: tzinfo) -> str:
    """ "morning", "afternoon" or "evening" where the user lives, for a greeting."""
    hour = moment.astimezone(zone).hour
    if 4 <= hour < 12:
        return "morning"
    return "afternoon" if 12 <= hour < 18 else "evening"
