"""The progress dashboard at /progress/: its numbers, ranges, privacy and cost."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from progress import figures
from progress.models import (
    CheckIn,
    PsfsActivity,
    PsfsRating,
    SessionLog,
)
from progress.selectors.dashboard import PainDay, dashboard_data
from progress.services.plans import plan_exercise_move, plan_exercise_remove
from progress.services.sessions import EntryData
from tests import builders
from tests.builders import local, two_years
from tests.logging_helpers import at_morning, check_in, log_session, session_post

pytestmark = pytest.mark.django_db
MON = date(2026, 3, 2)
TUE, WED, THU = (MON + timedelta(n) for n in (1, 2, 3))


def items(plan) -> dict:
    """The starter plan's exercises by slug."""
    return {i.exercise.slug: i for i in plan.items.select_related("exercise", "rung")}


def dashboard(client, day=WED, query="") -> str:
    with at_morning(day):
        r = client.get("/progress/" + query)
    assert r.status_code == 200
    return r.content.decode()


def data_on(user, day, range_key="4w", tz="Europe/London"):
    with at_morning(day, tz):
        return dashboard_data(user, range_key)


class TestDashboardView:
    def test_a_new_user_sees_a_friendly_start_and_no_empty_axes(self, alice_client, alice_plan):
        html = dashboard(alice_client)
        assert "Your charts will appear here" in html
        assert 'href="/sessions/new/"' in html
        assert "<svg" not in html
        assert 'href="/progress/psfs/"' in html

    def test_the_nav_links_to_it(self, alice_client, alice_plan):
        with at_morning(MON):
            html = alice_client.get("/today/").content.decode()
        assert 'href="/progress/">Progress</a>' in html

    def test_every_chart_has_a_text_alternative_and_a_table(self, alice_client, alice_plan):
        bridge = items(alice_plan)["glute-bridge"]
        log_session(alice_client, alice_plan, day=MON, **{f"e{bridge.pk}-marker_value": "12"})
        check_in(alice_client, day=TUE, pain=1)
        html = dashboard(alice_client)
        charts = html.count('<svg class="chart-svg"')
        # Pain, weeks, three rungs and the bridge's reps.
        assert charts == 6
        assert html.count('role="img"') == charts
        assert html.count("<caption>") == charts
        assert html.count('<th scope="col">') >= 2 * charts
        assert 'style="' not in html.split("<main", 1)[1]
        assert "Pain during was 1/10 on 2 Mar." in html
        assert "Reps (reps)" not in html
        assert f'id="marker-chart-{bridge.pk}-1-heading">Reps</h4>' in html

    def test_exercise_names_are_escaped_in_headings_charts_and_tables(
        self, alice_client, alice_plan
    ):
        bridge = items(alice_plan)["glute-bridge"]
        bridge.exercise.name = "Bridge <b>&</b> 'hold'"
        bridge.exercise.save()
        log_session(alice_client, alice_plan, day=MON, **{f"e{bridge.pk}-marker_value": "12"})
        html = dashboard(alice_client)
        assert "<b>&</b>" not in html
        escaped = "Bridge &lt;b&gt;&amp;&lt;/b&gt; &#x27;hold&#x27;"
        # The card heading, the rung and marker charts' titles, summaries and table captions.
        assert html.count(escaped) >= 7


class TestRanges:
    def test_four_weeks_end_today(self, alice, alice_plan):
        window = data_on(alice, date(2026, 4, 30)).window
        assert (window.key, window.start, window.end) == ("4w", date(2026, 4, 3), date(2026, 4, 30))

    def test_four_weeks_is_the_default_until_there_is_more_history(self, alice_client, alice):
        assert data_on(alice, date(2026, 6, 30), None).window.key == "4w"  # nothing logged yet

    def test_three_months_is_the_default_once_the_history_is_longer(
        self, alice_client, alice, alice_plan
    ):
        log_session(alice_client, alice_plan, day=MON)
        assert data_on(alice, MON + timedelta(days=20), None).window.key == "4w"
        window = data_on(alice, date(2026, 6, 30), None).window
        assert (window.key, window.start) == ("3m", date(2026, 4, 1))

    def test_all_time_starts_with_the_first_session_week(self, alice_client, alice, alice_plan):
        log_session(alice_client, alice_plan, day=WED)
        window = data_on(alice, date(2026, 9, 1), "all").window
        assert window.start == MON
        assert window.weekly  # six months of daily points would crowd the chart

    @pytest.mark.parametrize(
        "query", ["?range=bogus", "?range=", "?range=%00", "?range=4w&range=x"]
    )
    def test_an_unknown_range_falls_back_to_the_default(self, alice_client, alice_plan, query):
        log_session(alice_client, alice_plan, day=MON)
        html = dashboard(alice_client, query=query, day=MON + timedelta(days=40))
        current = re.search(r'<a [^>]*href="\?range=(\w+)"[^>]*aria-current="page"', html)
        assert current.group(1) == "3m"

    def test_sessions_outside_the_range_are_left_out(self, alice_client, alice, alice_plan):
        log_session(alice_client, alice_plan, day=MON, pain_before=6)
        log_session(alice_client, alice_plan, day=MON + timedelta(30), pain_before=2)
        data = data_on(alice, MON + timedelta(31))
        assert [p.before for p in data.pain] == [2]
        assert data_on(alice, MON + timedelta(31), "3m").pain[0].before == 6


class TestPainNumbers:
    def test_a_day_is_before_the_mean_during_of_done_exercises_and_the_next_morning(
        self, alice_client, alice, alice_plan
    ):
        by_slug = items(alice_plan)
        log_session(
            alice_client,
            alice_plan,
            day=MON,
            pain_before=3,
            pain=2,
            **{
                f"e{by_slug['hip-flexor-stretch'].pk}-pain_during": "5",
                # A skipped exercise has no pain to count.
                f"e{by_slug['clamshell'].pk}-status": "skipped",
            },
        )
        check_in(alice_client, day=TUE, pain=4)
        log_session(alice_client, alice_plan, day=WED, pain_before=1, pain=0)
        data = data_on(alice, THU)
        assert data.pain == [PainDay(MON, 3, 3.5, 4), PainDay(WED, 1, 0, None)]
        rows = figures.pain_figure(data).rows
        assert rows == [
            ["2 Mar 2026", "3/10", "3.5/10", "4/10"],
            ["4 Mar 2026", "1/10", "0/10", "—"],
        ]

    def test_two_sessions_in_a_day_are_averaged_over_all_their_done_exercises(
        self, alice_client, alice, alice_plan
    ):
        log_session(alice_client, alice_plan, day=MON, pain_before=2, pain=1)
        log_session(alice_client, alice_plan, day=MON, pain_before=4, pain=4)
        assert data_on(alice, MON).pain == [PainDay(MON, 3, 2.5, None)]

    def test_a_session_without_entries_still_has_its_pain_before(self, alice, alice_plan):
        builders.session(alice, day=MON, pain_before=4, entries=[])
        assert data_on(alice, MON).pain == [PainDay(MON, 4, None, None)]

    def test_the_summary_names_the_trend(self, alice_client, alice, alice_plan):
        for n, pain in enumerate([5, 5, 4, 3, 2, 2]):
            log_session(alice_client, alice_plan, day=MON + timedelta(weeks=n), pain=pain)
        summary = figures.pain_figure(data_on(alice, MON + timedelta(weeks=5), "3m")).summary
        assert summary.startswith("Pain during fell from 5/10 to 2/10 over 5 weeks.")

    def test_long_ranges_show_weekly_means(self, alice_client, alice, alice_plan):
        log_session(alice_client, alice_plan, day=MON, pain_before=2)
        log_session(alice_client, alice_plan, day=WED, pain_before=5)
        data = data_on(alice, date(2026, 9, 1), "all")
        assert data.pain[0] == PainDay(MON, 3.5, 1, None)
        assert figures.pain_figure(data).columns[0] == "Week of"


class TestTimeZones:
    """Alice moves to Auckland: her days start 13 hours before London's."""

    @pytest.fixture
    def kiwi(self, alice):
        alice.time_zone = "Pacific/Auckland"
        alice.save()
        return alice

    def test_todays_session_counts_while_it_is_still_yesterday_in_utc(
        self, alice_client, kiwi, alice_plan
    ):
        # 09:00 on Tuesday 3 March in Auckland is 20:00 on Monday 2 March in UTC.
        with at_morning(TUE, "Pacific/Auckland"):
            alice_client.post(
                "/sessions/new/",
                session_post(alice_plan, day=TUE, pain_before=4),
            )
        data = data_on(kiwi, TUE, tz="Pacific/Auckland")
        assert data.window.end == TUE
        assert [(p.day, p.before) for p in data.pain] == [(TUE, 4)]
        assert data.weeks[-1].day == MON and data.weeks[-1].value == 1

    def test_a_morning_in_auckland_is_the_next_morning(self, alice_client, kiwi, alice_plan):
        log_session(alice_client, alice_plan, day=MON)  # the form date decides the day
        with at_morning(TUE, "Pacific/Auckland"):
            alice_client.post("/checkin/", {"morning_pain": "3"})
        assert CheckIn.objects.get().day == TUE
        assert data_on(kiwi, TUE, tz="Pacific/Auckland").pain[0].next_morning == 3

    def test_rung_changes_fall_on_the_users_local_day(self, kiwi, alice_plan):
        bridge = items(alice_plan)["glute-bridge"]
        # 23:30 UTC on Sunday 8 March is 12:30 on Monday 9 March in Auckland.
        plan_exercise_move(
            item=bridge,
            rung=bridge.exercise.rungs.get(position=2),
            now=datetime(2026, 3, 8, 23, 30, tzinfo=UTC),
        )
        progress = next(
            p
            for p in data_on(kiwi, date(2026, 3, 10), tz="Pacific/Auckland").exercises
            if p.item.pk == bridge.pk
        )
        assert [(e.day, e.position) for e in progress.events][-1] == (date(2026, 3, 9), 2)


class TestAdherence:
    def test_sessions_are_counted_per_monday_to_sunday_week(self, alice_client, alice, alice_plan):
        for day in (MON, WED, MON + timedelta(days=6), MON + timedelta(days=14)):
            log_session(alice_client, alice_plan, day=day)
        data = data_on(alice, MON + timedelta(days=15))
        assert [(w.day, w.value) for w in data.weeks][-3:] == [
            (MON, 3),
            (MON + timedelta(weeks=1), 0),
            (MON + timedelta(weeks=2), 1),
        ]
        # The gap week broke the streak: only the current week counts.
        assert data.streak == 1

    def test_the_streak_counts_whole_weeks_and_survives_until_this_week_ends(
        self, alice_client, alice, alice_plan
    ):
        for n in range(3):
            log_session(alice_client, alice_plan, day=MON + timedelta(weeks=n, days=2))
        # Monday of the fourth week: nothing logged yet, the streak still stands.
        data = data_on(alice, MON + timedelta(weeks=3))
        assert data.streak == 3
        assert "Your streak: 3 weeks in a row" in figures.adherence_figure(data).summary
        assert data_on(alice, MON + timedelta(weeks=4)).streak == 0


class TestExerciseCharts:
    def test_rungs_step_with_changes_and_mark_accepted_and_declined_suggestions(
        self, alice_client, alice, alice_plan
    ):
        log_session(alice_client, alice_plan, day=MON, pain_before=2, pain=1, ease=4)
        check_in(alice_client, day=TUE, pain=1)
        log_session(alice_client, alice_plan, day=TUE, pain_before=2, pain=2, ease=5)
        check_in(alice_client, day=WED, pain=2)
        by_slug = items(alice_plan)
        bridge, clam = by_slug["glute-bridge"], by_slug["clamshell"]
        with at_morning(WED):
            alice_client.post(f"/suggestions/{bridge.suggestions.get(decision='open').pk}/accept/")
            alice_client.post(f"/suggestions/{clam.suggestions.get(decision='open').pk}/decline/")
        data = data_on(alice, THU)
        by_item = {p.item.pk: p for p in data.exercises}
        bridge_figure = figures.rung_figure(by_item[bridge.pk], data.window)
        assert bridge_figure.rows == [
            ["1 Mar", "1", "Started on rung 1"],
            ["4 Mar", "2", "Moved to rung 2 (accepted suggestion)"],
            ["4 Mar", "1", "Accepted: Move up to rung 2"],
        ]
        assert "went from rung 1 to rung 2 of 5; 1 suggestion accepted and 0 declined" in (
            bridge_figure.summary
        )
        assert 'stroke="#146c2e"' in bridge_figure.svg  # the accepted mark
        clam_figure = figures.rung_figure(by_item[clam.pk], data.window)
        assert clam_figure.rows[-1] == ["4 Mar", "1", "Declined: Move up to rung 2"]
        assert "Declined suggestion" in [label for _, label in clam_figure.legend]

    def test_the_rung_in_force_opens_a_later_window(self, alice, alice_plan):
        data = data_on(alice, date(2026, 5, 1))
        bridge = next(p for p in data.exercises if p.item.exercise.slug == "glute-bridge")
        assert bridge.start_position == 1 and bridge.events == []
        rows = figures.rung_figure(bridge, data.window).rows
        assert rows == [["4 Apr", "1", "Rung in force at the start of this period"]]

    def test_markers_are_charted_with_the_rungs_name_and_unit(
        self, alice_client, alice, alice_plan
    ):
        stretch = items(alice_plan)["hip-flexor-stretch"]
        log_session(alice_client, alice_plan, day=MON, **{f"e{stretch.pk}-marker_value": "30"})
        log_session(alice_client, alice_plan, day=TUE)  # not measured
        log_session(alice_client, alice_plan, day=WED, **{f"e{stretch.pk}-marker_value": "35.5"})
        data = data_on(alice, WED)
        progress = next(p for p in data.exercises if p.item.pk == stretch.pk)
        (figure,) = figures.marker_figures(progress, data.window)
        assert figure.heading == "Hold time (s)"
        assert figure.rows == [["2 Mar", "2", "30"], ["4 Mar", "2", "35.5"]]
        assert figure.summary == "Hold time rose from 30 s to 35.5 s over 2 days."

    def test_a_marker_line_breaks_where_another_rung_came_between(
        self, alice_client, alice, alice_plan
    ):
        bridge = items(alice_plan)["glute-bridge"]
        log_session(alice_client, alice_plan, day=MON, **{f"e{bridge.pk}-marker_value": "12"})
        plan_exercise_move(
            item=bridge, rung=bridge.exercise.rungs.get(position=3), now=local(alice, TUE, 9)
        )
        log_session(alice_client, alice_plan, day=TUE, **{f"e{bridge.pk}-marker_value": "10"})
        data = data_on(alice, WED)
        progress = next(p for p in data.exercises if p.item.pk == bridge.pk)
        (figure,) = figures.marker_figures(progress, data.window)
        assert figure.svg.count('fill="none" stroke="#0b5d6b"') == 0  # two single points
        assert figure.summary == "Reps went from 12 on rung 1 to 10 on rung 3 over 1 day."

    def test_an_exercise_removed_from_the_plan_leaves_its_sessions_pain(
        self, alice_client, alice, alice_plan
    ):
        bridge = items(alice_plan)["glute-bridge"]
        log_session(
            alice_client, alice_plan, day=MON, pain=3, **{f"e{bridge.pk}-marker_value": "12"}
        )
        plan_exercise_remove(item=bridge, now=timezone.now())  # its entries stay
        data = data_on(alice, WED)
        assert bridge.pk not in {p.item.pk for p in data.exercises}
        assert [p.during for p in data.pain] == [3]
        assert bridge.exercise.name not in dashboard(alice_client)


class TestFigureTable:
    def test_the_rows_are_rendered_with_every_cell_escaped(self):
        figure = figures.Figure(
            chart_id="c",
            heading="h",
            summary="s",
            svg="",
            legend=[],
            caption="c",
            columns=["Date", "Rung", "What happened"],
            rows=[["1 Mar", "2", "<script>&"], ["2 Mar", "3", 'Tom\'s "move"']],
        )
        html = render_to_string("progress/dashboard_figure.html", {"figure": figure, "level": 3})
        assert (
            '<tr><th scope="row">1 Mar</th><td>2</td><td>&lt;script&gt;&amp;</td></tr>'
            '<tr><th scope="row">2 Mar</th><td>3</td><td>Tom&#x27;s &quot;move&quot;</td></tr>'
        ) in html


class TestPrivacy:
    def test_another_users_data_never_appears(self, alice_client, alice, alice_plan, bob, bob_plan):
        bob_item = bob_plan.items.select_related("rung").first()
        bobs_entry = EntryData(False, 1, 1, pain_during=7, ease=1, marker_value=777)
        builders.session(bob, day=MON, pain_before=9, entries=[(bob_item, bobs_entry)])
        CheckIn.objects.create(user=bob, day=TUE, morning_pain=9)
        activity = PsfsActivity.objects.create(user=bob, position=1, name="Bob's secret hobby")
        PsfsRating.objects.create(activity=activity, day=MON, score=1)
        log_session(alice_client, alice_plan, day=MON, pain_before=2, pain=1)

        data = data_on(alice, WED)
        assert [(p.before, p.during, p.next_morning) for p in data.pain] == [(2, 1, None)]
        assert sum(w.value for w in data.weeks) == 1
        assert {p.item.plan_id for p in data.exercises} == {alice_plan.pk}
        assert data.psfs.shown == [] and data.psfs.first is None
        html = dashboard(alice_client, query="?range=all")
        for secret in ("9/10", "777", "Bob", bob_item.exercise.name):
            assert secret not in html


class TestQueryCount:
    def test_two_years_of_daily_sessions_cost_no_more_queries_than_one(
        self, alice_client, alice, alice_plan
    ):
        today = date(2028, 2, 29)
        log_session(alice_client, alice_plan, day=MON)
        with at_morning(today):
            alice_client.force_login(alice)  # a session from 2026 would have expired

        def queries(range_key):
            with CaptureQueriesContext(connection) as ctx:
                dashboard(alice_client, day=today, query=f"?range={range_key}")
            return len(ctx.captured_queries)

        def data_queries(range_key):
            with CaptureQueriesContext(connection) as ctx:
                data_on(alice, today, range_key)
            return len(ctx.captured_queries)

        one = {key: queries(key) for key in ("4w", "3m", "all")}
        two_years(alice_plan, last=today)
        many = {key: queries(key) for key in ("4w", "3m", "all")}
        assert SessionLog.objects.filter(user=alice).count() > 730
        assert many == one
        # Weeks, the window's sessions and entries, next mornings, the plan, its rung changes
        # and decided suggestions, PSFS ratings.
        assert {key: data_queries(key) for key in ("4w", "3m", "all")} == dict.fromkeys(
            ("4w", "3m", "all"), 7
        )
