"""The one way to word a day (progress/rules/dates.py): pure, tested without a database."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from progress.rules import dates

TUESDAY = date(2026, 3, 3)


class TestWordings:
    def test_a_sentence_names_the_day_and_month(self):
        assert dates.day_month(TUESDAY) == "3 March"
        assert dates.day_month(date(2026, 12, 31)) == "31 December"

    def test_a_heading_names_the_weekday_and_year(self):
        assert dates.long_day(TUESDAY) == "Tuesday 3 March 2026"
        assert dates.long_day(date(2026, 3, 1)) == "Sunday 1 March 2026"

    def test_a_chart_uses_short_months(self):
        assert dates.short_day(TUESDAY) == "3 Mar"
        assert dates.short_date(TUESDAY) == "3 Mar 2026"
        assert dates.short_day(date(2026, 9, 14)) == "14 Sep"

    def test_an_axis_names_the_month_with_the_year_only_when_asked(self):
        assert dates.month_label(TUESDAY) == "Mar"
        assert dates.month_label(TUESDAY, with_year=True) == "Mar 2026"

    @pytest.mark.parametrize("month", range(1, 13))
    def test_every_month_has_its_english_name(self, month):
        day = date(2026, month, 1)
        # The reference wording is the C locale's, which the product spells out itself.
        assert dates.day_month(day) == f"1 {day.strftime('%B')}"
        assert dates.month_label(day) == day.strftime("%b")
        assert dates.long_day(day).split()[0] == day.strftime("%A")


class TestLocalDay:
    def test_late_evening_in_utc_is_already_tomorrow_further_east(self):
        moment = datetime(2026, 3, 3, 23, 30, tzinfo=UTC)
        assert dates.local_day(moment, ZoneInfo("Europe/Berlin")) == date(2026, 3, 4)
        assert dates.local_day(moment, ZoneInfo("Europe/London")) == date(2026, 3, 3)
