"""The clinician report: weekly pain, rungs, adherence, PSFS and notes for a date range."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from progress.report import build_report
from progress.services.plans import plan_exercise_move
from progress.services.psfs import ActivityRating, psfs_rate
from tests.builders import daily_history, local
from tests.logging_helpers import at_morning, check_in, log_session

pytestmark = pytest.mark.django_db
MON = date(2026, 3, 2)
TODAY = date(2026, 3, 29)  # a Sunday: the default range is 2–29 March, four whole weeks


def report_html(client, query: str = "", day: date = TODAY) -> str:
    with at_morning(day):
        r = client.get(f"/progress/report/{query}")
    assert r.status_code == 200
    return r.content.decode()


def week_row(html: str, label: str) -> list[str]:
    row = html.split(f">{label}</th>")[1].split("</tr>")[0]
    return re.findall(r"<td>([^<]*)</td>", row)


@pytest.fixture
def weeks_logged(alice_client, alice_plan):
    """Week 1: two sessions and their mornings; week 2: nothing; week 3: one session."""
    log_session(alice_client, alice_plan, day=MON, pain_before=2, pain=1, ease=4, note="Tight hips")
    check_in(alice_client, day=MON + timedelta(1), pain=1)
    log_session(alice_client, alice_plan, day=MON + timedelta(1), pain_before=4, pain=3, ease=3)
    check_in(alice_client, day=MON + timedelta(2), pain=4)
    log_session(alice_client, alice_plan, day=MON + timedelta(14), pain_before=5, pain=5, ease=2)
    return alice_plan


class TestReport:
    def test_it_shows_the_last_four_weeks_by_default(self, alice_client, alice_plan):
        html = report_html(alice_client)
        assert "2 Mar 2026 – 29 Mar 2026 (28 days)" in html
        assert 'value="2026-03-02"' in html and 'value="2026-03-29"' in html
        assert html.count('<th scope="row" class="fw-normal text-nowrap">') == 4

    def test_it_gives_weekly_means_and_sessions(self, alice_client, weeks_logged):
        html = report_html(alice_client)
        # Sessions, pain before, pain during (mean of the exercises), next-morning pain.
        assert week_row(html, "2 Mar – 8 Mar") == ["2", "3.0", "2.0", "2.5"]
        assert week_row(html, "9 Mar – 15 Mar") == ["0", "—", "—", "—"]
        assert week_row(html, "16 Mar – 22 Mar") == ["1", "5.0", "5.0", "—"]
        assert week_row(html, "Whole period") == ["3", "3.7", "3.0", "2.5"]
        assert "<strong>3 sessions</strong> in 28 days, 0.8 a week" in html

    def test_next_morning_pain_is_the_morning_after_a_session(self, alice_client, weeks_logged):
        check_in(alice_client, day=MON + timedelta(10), pain=9)  # no session the day before
        check_in(alice_client, day=MON + timedelta(15), pain=6)  # after the 16 March session
        html = report_html(alice_client)
        assert week_row(html, "9 Mar – 15 Mar") == ["0", "—", "—", "—"]
        assert week_row(html, "16 Mar – 22 Mar") == ["1", "5.0", "5.0", "6.0"]
        assert "it was given after 3 of 3 session days" in html

    def test_it_draws_the_pain_chart(self, alice_client, weeks_logged):
        html = report_html(alice_client)
        svg = html.split('<svg class="chart-svg"')[1].split("</svg>")[0]
        assert "Pain over the last 28 days" in svg
        assert "Too much: 6–10" in svg
        assert "Pain during rose from 2/10 to 5/10 over 2 weeks." in html

    def test_it_shows_current_rungs_and_the_changes_in_range_with_reasons(
        self, alice_client, alice_plan
    ):
        bridge = alice_plan.items.get(exercise__slug="glute-bridge")
        plan_exercise_move(
            item=bridge,
            rung=bridge.exercise.rungs.get(position=2),
            reason="Felt easy, 1/10.",
            now=local(alice_plan.user, MON + timedelta(3), 9),
        )
        html = report_html(alice_client)
        assert "2 of 5: Double-leg bridge with a 3-5 s squeeze at the top" in html
        assert "Changed by hand: Felt easy, 1/10." in html
        assert "1 → 2" in html
        # The plan's start on 1 March is before the range.
        assert "Started the" not in html
        assert "Started the" in report_html(alice_client, "?start=2026-03-01&end=2026-03-28")

    def test_it_shows_the_psfs_change(self, alice_client, alice):
        psfs_rate(
            user=alice,
            day=MON,
            ratings=[ActivityRating(1, "Putting on socks", 3)],
            now=local(alice, MON, 9),
        )
        psfs_rate(
            user=alice,
            day=MON + timedelta(14),
            ratings=[ActivityRating(1, "Putting on socks", 6)],
            now=local(alice, MON + timedelta(14), 9),
        )
        html = report_html(alice_client)
        assert "<strong>3.0</strong> on 2 Mar → <strong>6.0</strong> on 16 Mar" in html
        assert "+3.0, a meaningful change" in html
        assert "Putting on socks" in html

    def test_it_says_when_no_psfs_activities_are_named(self, alice_client):
        assert "No activities named." in report_html(alice_client)

    def test_it_shows_notes_and_warning_signs(self, alice_client, weeks_logged):
        check_in(alice_client, day=MON + timedelta(20), pain=3, flags=["fever"])
        html = report_html(alice_client)
        assert "2 Mar, Session:</span> Tight hips" in html
        assert "warning sign reported at check-in — Fever or chills" in html

    def test_it_never_shows_another_users_data(self, alice_client, weeks_logged, client, bob):
        client.force_login(bob)
        html = report_html(client)
        assert "Tight hips" not in html
        assert "<strong>0 sessions</strong>" in html
        assert "bob@example.com" in html and "alice@example.com" not in html

    def test_a_chosen_range(self, alice_client, weeks_logged):
        html = report_html(alice_client, "?start=2026-03-16&end=2026-03-22")
        assert "16 Mar 2026 – 22 Mar 2026 (7 days)" in html
        assert week_row(html, "16 Mar – 22 Mar") == ["1", "5.0", "5.0", "—"]
        assert "Tight hips" not in html

    def test_only_a_start_date_means_four_weeks_from_it(self, alice_client):
        html = report_html(alice_client, "?start=2026-02-01")
        assert "1 Feb 2026 – 28 Feb 2026 (28 days)" in html

    def test_it_has_a_print_stylesheet_and_no_inline_style_or_script(
        self, alice_client, weeks_logged
    ):
        html = report_html(alice_client)
        assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in html
        assert not re.search(r"\sstyle=", html)
        assert "<style" not in html
        assert not re.search(r"<script(?![^>]*\ssrc=)", html)

    def test_its_query_count_does_not_grow_with_history(self, alice_client, alice_plan):
        log_session(alice_client, alice_plan, day=TODAY)
        with at_morning(TODAY), CaptureQueriesContext(connection) as short:
            alice_client.get("/progress/report/")
        daily_history(alice_plan, first=TODAY - timedelta(days=400), days=399)
        query = "?start=2026-01-01&end=2026-03-29"
        with at_morning(TODAY), CaptureQueriesContext(connection) as long:
            html = alice_client.get(f"/progress/report/{query}").content.decode()
        assert "<strong>87 sessions</strong>" in html
        assert len(long) == len(short)


class TestReportInvalidRange:
    DEFAULT = "2 Mar 2026 – 29 Mar 2026 (28 days)"

    def test_start_after_end_is_explained_and_shows_the_default(self, alice_client):
        html = report_html(alice_client, "?start=2026-03-20&end=2026-03-10")
        assert "The start date is after the end date." in html
        assert "Showing the last 4 weeks instead." in html
        assert self.DEFAULT in html

    @pytest.mark.parametrize(
        ("query", "message"),
        [
            ("?start=abc", "Start date: Use the form YYYY-MM-DD, e.g. 2026-03-31."),
            ("?end=2026-02-30", "End date: Use the form YYYY-MM-DD"),
            ("?start=2026-13-01&end=x", "Start date: Use the form YYYY-MM-DD"),
            ("?start=03/01/2026", "Start date: Use the form YYYY-MM-DD"),
            ("?start=0001-01-01&end=0001-01-10", "Start date: Choose a date between"),
            ("?start=9999-12-25&end=9999-12-31", "End date: Choose a date between"),
            ("?start=2026-03-29&end=2026-03-01", "The start date is after the end date."),
            ("?start=2025-01-01&end=2026-03-01", "A report covers at most 13 weeks."),
        ],
    )
    def test_a_bad_date_is_explained_and_shows_the_default(self, alice_client, query, message):
        html = report_html(alice_client, query)
        assert message in html
        assert self.DEFAULT in html

    def test_unknown_parameters_are_ignored(self, alice_client):
        html = report_html(alice_client, "?foo=bar&start=")
        assert "Showing the last 4 weeks instead." not in html
        assert self.DEFAULT in html


class TestBuildReport:
    def test_a_partial_last_week_is_its_own_row(self, alice):
        report = build_report(alice, date(2026, 3, 1), date(2026, 3, 10))
        assert [(w.start.day, w.end.day) for w in report.weeks] == [(1, 7), (8, 10)]
        assert report.days == 10 and report.sessions_per_week == 0
