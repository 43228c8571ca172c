"""The SVG charts: plain data in, escaped SVG out, with nothing the CSP would block."""

import re
from datetime import date, timedelta
from xml.etree import ElementTree

import pytest

from progress.rules import charts
from progress.rules.charts import Axes, Band, Mark, Point, Series

MON = date(2026, 3, 2)
SVG = "{http://www.w3.org/2000/svg}"


def axes(days=27, **kwargs) -> Axes:
    return Axes(MON, MON + timedelta(days), 0, 10, (0, 2, 4, 6, 8, 10), kwargs.get("title", "Pain"))


def pain_line(**kwargs) -> str:
    series = Series(
        "Pain during", tuple(Point(MON + timedelta(n), 5 - n / 10) for n in range(6)), "#000"
    )
    defaults = dict(chart_id="pain", title="Pain", desc="Pain fell.", axes=axes(), series=[series])
    return charts.line_chart(**(defaults | kwargs))


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # noqa: S314 (our own output, in a test)


class TestEverySvg:
    @pytest.mark.parametrize(
        "svg",
        [
            pain_line(bands=[Band(0, 3.5, "#cdebd3", "Safe")]),
            charts.bar_chart(
                chart_id="bars",
                title="Weeks",
                desc="d",
                weeks=[Point(MON, 3)],
                y_title="S",
                colour="#0b5d6b",
            ),
        ],
    )
    def test_it_is_well_formed_with_no_inline_style_or_script(self, svg):
        root = parse(svg)
        assert root.tag == SVG + "svg"
        assert "style" not in svg.lower()
        assert "<script" not in svg.lower()
        assert not any("style" in el.attrib for el in root.iter())

    def test_its_text_alternative_is_the_title_and_description(self):
        root = parse(pain_line())
        assert root.get("role") == "img"
        title_id, desc_id = root.get("aria-labelledby").split()
        assert root.find(f".//{SVG}title[@id='{title_id}']").text == "Pain"
        assert root.find(f".//{SVG}desc[@id='{desc_id}']").text == "Pain fell."

    def test_all_text_is_escaped(self):
        evil = '<script>alert("x")</script>'
        svg = pain_line(chart_id='x"><script>', title=evil, desc=evil, axes=axes(title=evil))
        assert "<script>" not in svg
        assert "&lt;script&gt;" in svg
        parse(svg)  # still well formed


class TestLineChart:
    def test_each_point_gets_a_marker_and_one_path_joins_them(self):
        root = parse(pain_line())
        paths = [p for p in root.iter(SVG + "path") if p.get("fill") == "none"]
        assert len(paths) == 1
        assert len(paths[0].get("d").split("L")) == 6
        assert len(list(root.iter(SVG + "circle"))) == 6

    def test_the_first_and_last_day_sit_at_the_ends_of_the_plot(self):
        series = Series("s", (Point(MON, 0), Point(MON + timedelta(27), 10)), "#000")
        root = parse(pain_line(series=[series]))
        circles = list(root.iter(SVG + "circle"))
        xs = [float(c.get("cx")) for c in circles]
        ys = [float(c.get("cy")) for c in circles]
        assert xs[0] < xs[1] and ys[0] > ys[1]  # later is right, higher pain is up
        assert xs[1] == pytest.approx(charts.WIDTH - 10 - 8)

    def test_crowded_lines_drop_their_markers(self):
        points = tuple(Point(MON + timedelta(n % 28), 3) for n in range(charts.MAX_MARKERS + 1))
        root = parse(pain_line(series=[Series("s", points, "#000")]))
        assert not list(root.iter(SVG + "circle"))

    def test_zones_are_shaded_and_named(self):
        bands = [Band(0, 3.5, "#cdebd3", "Safe: 0–3"), Band(5.5, 10, "#f6cfcb", "Too much")]
        root = parse(pain_line(bands=bands))
        rects = list(root.iter(SVG + "rect"))
        assert [r.get("fill") for r in rects] == ["#cdebd3", "#f6cfcb"]
        assert rects[0].find(SVG + "title").text == "Safe: 0–3"
        # The safe band runs from 0 up to 3.5, the top band up to 10: taller.
        assert float(rects[1].get("height")) > float(rects[0].get("height"))

    def test_a_zone_that_ends_below_the_top_gets_a_darker_edge(self):
        bands = [
            Band(0, 3.5, "#cdebd3", "Safe", edge="#2f7d45"),
            Band(3.5, 10, "#fff", "Rest", edge="#000"),
        ]
        root = parse(pain_line(bands=bands))
        lines = root.iter(SVG + "line")
        edges = [line for line in lines if line.get("stroke") in ("#2f7d45", "#000")]
        assert [e.get("stroke") for e in edges] == ["#2f7d45"]  # none along the top of the chart
        # 3.5 of 0–10 up the plot: between the gridlines for 2 and 4.
        grid = {t.text: float(t.get("y")) for t in root.iter(SVG + "text")}
        assert grid["4"] < float(edges[0].get("y1")) < grid["2"]

    def test_a_step_line_moves_across_then_up_and_runs_to_the_end(self):
        steps = Series("Rung", (Point(MON, 1), Point(MON + timedelta(10), 2)), "#000", "none")
        root = parse(
            charts.line_chart(
                chart_id="r",
                title="t",
                desc="d",
                axes=Axes(MON, MON + timedelta(27), 0.5, 5.5, (1, 2, 3, 4, 5), "Rung"),
                series=[steps],
                step=True,
                marks=[Mark(MON + timedelta(10), 1, "Accepted: Move up", "triangle-up", "#146c2e")],
            )
        )
        path = next(p for p in root.iter(SVG + "path") if p.get("fill") == "none")
        assert re.fullmatch(r"M[\d.]+ [\d.]+H[\d.]+V[\d.]+H[\d.]+", path.get("d"))
        assert path.get("d").endswith(f"H{charts.WIDTH - 10}")
        mark = next(g for g in root.iter(SVG + "g"))
        assert mark.find(SVG + "title").text == "Accepted: Move up"


class TestBarChart:
    def test_one_bar_per_week_with_its_count(self):
        weeks = [Point(MON + timedelta(weeks=n), n) for n in range(4)]
        root = parse(
            charts.bar_chart(
                chart_id="b", title="t", desc="d", weeks=weeks, y_title="Sessions", colour="#0b5d6b"
            )
        )
        bars = [r for r in root.iter(SVG + "rect") if r.get("fill") == "#0b5d6b"]
        assert len(bars) == 4
        assert float(bars[0].get("height")) == 0
        heights = [float(b.get("height")) for b in bars]
        assert heights == sorted(heights)
        labels = [t.text for t in root.iter(SVG + "text")]
        assert "3" in labels and "Sessions" in labels
        assert bars[3].find(SVG + "title").text == "Week of 23 Mar: 3"


class TestTicks:
    def test_value_ticks_are_round(self):
        assert charts.nice_ticks(0, 10) == (0, 2, 4, 6, 8, 10)
        assert charts.nice_ticks(20, 47) == (20, 30, 40, 50)
        assert charts.nice_ticks(1, 2, most=5) == (1, 1.5, 2)
        assert charts.nice_ticks(1, 2, most=5, whole=True) == (1, 2)

    def test_no_tick_needs_two_decimals(self):
        for low, high in [(1, 2), (3.5, 4.1), (0, 0.7), (10, 13)]:
            assert all(charts.number(t) == f"{t:g}" for t in charts.nice_ticks(low, high))

    def test_a_month_or_less_is_marked_on_mondays(self):
        ticks = charts.date_ticks(date(2026, 3, 4), date(2026, 3, 31))
        assert [label for _, label in ticks] == ["9 Mar", "16 Mar", "23 Mar", "30 Mar"]
        assert all(day.weekday() == 0 for day, _ in ticks)

    def test_months_are_marked_by_name_and_years_once_the_span_passes_one(self):
        assert [label for _, label in charts.date_ticks(date(2026, 1, 1), date(2026, 3, 31))] == [
            "Jan",
            "Feb",
            "Mar",
        ]
        long = charts.date_ticks(date(2024, 4, 1), date(2026, 3, 31))
        assert 2 <= len(long) <= 3
        assert long[0][1] == "Apr 2024"

    def test_numbers_have_at_most_one_decimal(self):
        assert [charts.number(v) for v in (1.0, 2.25, 0.333, 10)] == ["1", "2.2", "0.3", "10"]


class TestSwatch:
    def test_a_legend_key_is_hidden_from_screen_readers(self):
        key = parse(charts.swatch("diamond", "#a14e00", "6 4"))
        assert key.get("aria-hidden") == "true"
        assert key.find("line").get("stroke-dasharray") == "6 4"


def test_a_full_height_bars_label_stays_clear_of_the_axis_title():
    root = parse(
        charts.bar_chart(
            chart_id="b",
            title="t",
            desc="d",
            weeks=[Point(MON + timedelta(weeks=n), v) for n, v in enumerate((4, 2, 3, 1))],
            y_title="Sessions",
            colour="#0b5d6b",
        )
    )
    texts = list(root.iter(SVG + "text"))
    title_baseline = next(float(t.get("y")) for t in texts if t.text == "Sessions")
    # The first bar's label (the tick label "4" is anchored at its end, left of the axis).
    label_baseline = next(
        float(t.get("y")) for t in texts if t.text == "4" and t.get("text-anchor") == "middle"
    )
    # The label's top (its baseline less the font size) is below the title's baseline.
    assert label_baseline - charts.FONT_SIZE > title_baseline
