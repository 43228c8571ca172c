"""Turn bench/RESULTS.raw/ into bench/RESULTS.md: throughput, latency, growth, queries, memory.

python -m bench.report bench/RESULTS.raw bench/RESULTS.md
"""

import json
import sys
from dataclasses import dataclass
from pathlib import Path

# Issue 12's targets, pages built fresh: throughput as a share of the bare page's.
TARGETS = {"today": 0.50, "dashboard": 0.35, "history": 0.40, "catalog": 0.60, "log": 0.20}
GROWTH_LIMIT = 1.2
MEMORY_LIMIT_MB = 150
CONNECTION_MODES = {
    "pool": "psycopg's pool (DATABASE_POOL, the default)",
    "persistent": "one per thread, kept (DATABASE_POOL=false)",
}
TITLES = {
    "bare": "Bare signed-in page",
    "today": "Today",
    "log": "Log a session (form + save)",
    "log: form": "Session form (GET)",
    "log: save": "Session save (POST)",
    "dashboard": "Dashboard",
    "history": "History",
    "catalog": "Catalog",
    "exercise": "Exercise page",
}


@dataclass
class Stats:
    """One request name's numbers from locust's --json-file."""

    requests: int = 0
    failures: int = 0
    seconds: float = 0.0
    times: dict[float, int] | None = None  # response time (ms, rounded as locust does) → count

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float | None:
        if not self.requests:
            return None
        times = self.times or {}
        wanted, seen = fraction * self.requests, 0
        for ms, count in sorted(times.items()):
            seen += count
            if seen >= wanted:
                return ms
        return max(times)

    def __add__(self, other: "Stats") -> "Stats":
        times = dict(self.times or {})
        for ms, count in (other.times or {}).items():
            times[ms] = times.get(ms, 0) + count
        return Stats(
            self.requests + other.requests,
            self.failures + other.failures,
            self.seconds + other.seconds,
            times,
        )


def load_stats(path: Path) -> dict[str, Stats]:
    if not path.exists():
        return {}
    return {
        entry["name"]: Stats(
            requests=entry["num_requests"],
            failures=entry["num_failures"],
            seconds=max(entry["last_request_timestamp"] - entry["start_time"], 0.001),
            times={float(ms): n for ms, n in entry["response_times"].items()},
        )
        for entry in json.loads(path.read_text())
    }


def combined(paths: list[Path]) -> dict[str, Stats]:
    """Rounds of the same phase added up: requests over the time they took."""
    total: dict[str, Stats] = {}
    for path in paths:
        for name, stats in load_stats(path).items():
            total[name] = total[name] + stats if name in total else stats
    return total


def ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def mark(ok: bool | None) -> str:
    return "—" if ok is None else ("✅" if ok else "❌")


def errors(stats: Stats) -> str:
    return f"{stats.failures} / {stats.requests}"


class Report:
    def __init__(self, raw: Path):
        self.raw = raw
        self.run = json.loads((raw / "run.json").read_text())
        self.data = json.loads((raw / "data.json").read_text())
        self.queries = json.loads((raw / "queries.json").read_text())
        rounds = self.run["ceiling"]["rounds"]
        self.ceiling = {
            page: combined([raw / f"ceiling-{page}-{n}.json" for n in range(1, rounds + 1)])
            for page in self.run["pages"]
        }
        self.growth = load_stats(raw / "growth.json")
        self.mixed = load_stats(raw / "mixed.json")
        phase = self.run.get("connections_phase", {"rounds": 0, "pages": []})
        self.connections = {
            (mode, page): combined(
                [raw / f"connections-{mode}-{page}-{n}.json" for n in range(1, phase["rounds"] + 1)]
            )
            for mode in ("pool", "persistent")
            for page in phase["pages"]
        }
        self.ratios = self._ratios()

    def _ratios(self) -> dict[str, float | None]:
        """Each page's throughput over the bare page's, both measured alone."""
        bare = self.ceiling["bare"].get("bare")
        ratios: dict[str, float | None] = {}
        for page, stats in self.ceiling.items():
            # Logging is a pair of requests; a session is logged when the save answers.
            name = "log: save" if page == "log" else page
            ratios[page] = None
            if bare and bare.per_second and name in stats:
                ratios[page] = stats[name].per_second / bare.per_second
        if bare and "log" in self.ceiling:
            for name in ("log: form", "log: save"):
                if name in self.ceiling["log"]:
                    ratios[name] = self.ceiling["log"][name].per_second / bare.per_second
        return ratios

    def growth_ratios(self) -> dict[str, tuple[Stats, Stats, float | None]]:
        rows = {}
        for name in sorted({n.rsplit(" [", 1)[0] for n in self.growth}):
            short, long = self.growth.get(f"{name} [2w]"), self.growth.get(f"{name} [2y]")
            if short and long:
                p50_short, p50_long = short.percentile(0.5), long.percentile(0.5)
                ratio = p50_long / p50_short if p50_short and p50_long is not None else None
                rows[name] = (short, long, ratio)
        return rows

    def targets(self) -> list[tuple[str, str, bool | None]]:
        rows = []
        for page, floor in TARGETS.items():
            ratio = self.ratios.get(page)
            got = "page not built" if ratio is None else f"{ratio:.0%}"
            rows.append(
                (f"{TITLES[page]} ≥ {floor:.0%} of the bare page's throughput", got,
                 None if ratio is None else ratio >= floor)
            )  # fmt: skip
        growth = [r for _, _, r in self.growth_ratios().values() if r is not None]
        worst = max(growth, default=None)
        rows.append(
            (f"2-years / 2-weeks median latency ≤ {GROWTH_LIMIT} on every page",
             "—" if worst is None else f"worst {worst:.2f}",
             None if worst is None else worst <= GROWTH_LIMIT)
        )  # fmt: skip
        failures = sum(s.failures for s in self.mixed.values())
        requests = sum(s.requests for s in self.mixed.values())
        rows.append(
            (f"Zero errors at {self.run['mixed']['users']} concurrent users",
             f"{failures} errors in {requests} requests", failures == 0 and requests > 0)
        )  # fmt: skip
        peak = max(self.run["worker_peak_kb"].values(), default=0) / 1024
        rows.append(
            (f"Peak gunicorn worker memory < {MEMORY_LIMIT_MB} MB", f"{peak:.0f} MB",
             bool(peak) and peak < MEMORY_LIMIT_MB)
        )  # fmt: skip
        return rows

    def render(self) -> str:
        run, data, ceiling, mixed = self.run, self.data, self.run["ceiling"], self.run["mixed"]
        rows = data["rows"]
        growth_desc = ", ".join(
            f"{n} × {d} days ({label})" for label, (d, n) in data["growth"].items()
        )
        out = [
            "# BackCare bench results",
            "",
            f"Written by `make bench` on {run['finished']} ({run['minutes']} min). "
            "Absolute numbers depend on the machine and on whatever else it runs; the ratios "
            "to the bare page and the 2-years/2-weeks ratios are the figures to track. "
            "See bench/README.md for how each number is measured.",
            "",
            f"- **Data**: {data['users']:,} users × {data['days']} days, plus the growth "
            f"cohorts {growth_desc}: {rows.get('session', 0):,} sessions, "
            f"{rows.get('entry', 0):,} exercise entries, {rows.get('checkin', 0):,} check-ins, "
            f"{rows.get('suggestion', 0):,} suggestions, {rows.get('rung_change', 0):,} rung "
            f"changes (generated in {data['seconds']} s).",
            f"- **Stack**: gunicorn, {run['workers']} gthread workers on {run['cores']} cores, "
            "PostgreSQL 15 and locust on the same machine; production settings "
            "(DEBUG off, collectstatic, whitenoise) over plain HTTP; cache: "
            f"{run.get('cache', 'in-memory, per worker')}; database connections: "
            f"{CONNECTION_MODES[run.get('connections', 'persistent')]}.",
            f"- **Machine load** (1-minute load average as each phase started): "
            f"{min(run['load_averages']):.1f}–{max(run['load_averages']):.1f} on "
            f"{run['cores']} cores; well above the bench's own share means other work "
            "competed for the CPU.",
            "- **Bench-only settings** (bench/settings.py): the MD5 password hasher and the "
            "bare page routed (bench/urls.py). Users are signed "
            "in by writing their sessions straight into the session table (bench/signin.py); "
            "log-in itself is not measured.",
            "",
            "## Targets",
            "",
            "| target | result | |",
            "|---|---|---|",
            *[f"| {name} | {got} | {mark(ok)} |" for name, got, ok in self.targets()],
            "",
            "## Throughput: each page alone",
            "",
            f"{ceiling['users']} users without pauses keep both workers busy with one page for "
            f"{ceiling['seconds']} s, in {ceiling['rounds']} rounds taken in turn with the other "
            "pages, so a busy moment on the machine hits every page alike. Throughput is "
            "requests answered per second; the ratio is to the bare page, a signed-in page "
            "that goes through every middleware and does nothing else: the ceiling.",
            "",
            "| page | req/s | ratio to bare | p50 ms | p95 ms | p99 ms | errors |",
            "|---|---|---|---|---|---|---|",
            *self._ceiling_rows(),
            "",
            "Logging a session is two requests (the form, then the save, which also refreshes "
            "the suggestions); its ratio counts sessions logged per second.",
            "",
            "## Growth: 2 weeks against 2 years of history",
            "",
            f"{run['growth']['users']} users without pauses, each visit made once as a 2-week "
            f"and once as a 2-year user (each picked at random from a cohort of identical "
            f"users), for {run['growth']['seconds']} s. The server is not saturated, so latency "
            "is the time to build the page. A 2-week user has less than a page of History and "
            "fills two weeks of the Dashboard's three-month charts, so those pages draw less "
            "for them whatever the queries do; the CPU times below add a 1-year user to tell "
            "drawing a full window from reading a long history.",
            "",
            "| page | 2w p50 ms | 2y p50 ms | 2y/2w p50 | 2w p95 ms | 2y p95 ms | |",
            "|---|---|---|---|---|---|---|",
            *self._growth_rows(),
            "",
            f"## {mixed['users']} concurrent users",
            "",
            f"{mixed['users']} users arriving {mixed['spawn_rate']} a second, each pausing "
            f"{mixed['wait']} s between pages, for {mixed['seconds']} s; the mix is "
            f"`{mixed['pages']}` (weights).",
            "",
            "| page | req/s | p50 ms | p95 ms | p99 ms | errors |",
            "|---|---|---|---|---|---|",
            *self._mixed_rows(),
            "",
            "## SQL queries and CPU time per request",
            "",
            "Django's test client in one process against the bench database, for a 2-week "
            f"user, one of the crowd ({data['days']} days) and a 2-year user: queries per "
            "request (a count that grows with the history is a query per row) and the median "
            "CPU time of the Django process over 15 requests (PostgreSQL's time not included), "
            "the three users taking turns request by request so a busy moment costs them alike. "
            "CPU time leaves out waiting for the CPU, so it cross-checks the load test, though "
            "on a busy machine it still varies by a millisecond or two (compare the bare page's "
            "three columns).",
            "",
            "| page | queries 2w | queries 2y | CPU ms 2w | CPU ms crowd | CPU ms 2y | CPU 2y/2w "
            "| CPU × bare (crowd) |",
            "|---|---|---|---|---|---|---|---|",
            *self._query_rows(),
            "",
            *self._connections_section(),
            "## Memory",
            "",
            "Peak resident memory (VmHWM) of each gunicorn worker after the whole run:",
            "",
            *[
                f"- worker {pid}: {kb / 1024:.0f} MB"
                for pid, kb in sorted(run["worker_peak_kb"].items())
            ],
            "",
        ]
        return "\n".join(out)

    def _ceiling_rows(self) -> list[str]:
        lines = []
        for page, stats in self.ceiling.items():
            names = ("log: form", "log: save") if page == "log" else (page,)
            for name in names:
                s = stats.get(name)
                if s is None:
                    lines.append(f"| {TITLES.get(name, name)} | not built (404) | | | | | |")
                    continue
                ratio = self.ratios.get(name)
                lines.append(
                    f"| {TITLES.get(name, name)} | {s.per_second:.1f} | "
                    f"{'—' if ratio is None else f'{ratio:.0%}'} | {ms(s.percentile(0.5))} | "
                    f"{ms(s.percentile(0.95))} | {ms(s.percentile(0.99))} | {errors(s)} |"
                )
            if page == "log" and self.ratios.get("log") is not None:
                s = stats["log: save"]
                lines.append(
                    f"| **{TITLES['log']}** | {s.per_second:.1f} sessions/s | "
                    f"{self.ratios['log']:.0%} | | | | |"
                )
        return lines

    def _growth_rows(self) -> list[str]:
        lines = []
        for name, (short, long, ratio) in self.growth_ratios().items():
            lines.append(
                f"| {TITLES.get(name, name)} | {ms(short.percentile(0.5))} | "
                f"{ms(long.percentile(0.5))} | {'—' if ratio is None else f'{ratio:.2f}'} | "
                f"{ms(short.percentile(0.95))} | {ms(long.percentile(0.95))} | "
                f"{mark(None if ratio is None else ratio <= GROWTH_LIMIT)} |"
            )
        return lines

    def _query_rows(self) -> list[str]:
        lines = []
        # CPU time is steadier than throughput on a shared machine: each page's multiple of
        # the bare page's, for a user of the crowd.
        bare = self.queries.get("crowd", {}).get("bare")
        for page, short in self.queries["2w"].items():
            long = self.queries["2y"].get(page)
            crowd = self.queries.get("crowd", {}).get(page)
            if short is None or long is None:
                lines.append(f"| {TITLES.get(page, page)} | not built | | | | | | |")
                continue
            lines.append(
                f"| {TITLES.get(page, page)} | {short['queries']} | {long['queries']} | "
                f"{short['cpu_ms']:.1f} | {crowd['cpu_ms'] if crowd else float('nan'):.1f} | "
                f"{long['cpu_ms']:.1f} | "
                f"{long['cpu_ms'] / short['cpu_ms']:.2f} | "
                f"{crowd['cpu_ms'] / bare['cpu_ms'] if crowd and bare else float('nan'):.1f} |"
            )
        return lines

    def _connections_section(self) -> list[str]:
        phase = self.run.get("connections_phase")
        if not phase:
            return []
        rows = []
        for page in phase["pages"]:
            name = "log: save" if page == "log" else page
            pool = self.connections[("pool", page)].get(name)
            kept = self.connections[("persistent", page)].get(name)
            if pool is None or kept is None or not kept.per_second:
                rows.append(f"| {TITLES.get(page, page)} | not built (404) | | | | |")
                continue
            rows.append(
                f"| {TITLES.get(page, page)} | {pool.per_second:.1f} | {kept.per_second:.1f} | "
                f"{pool.per_second / kept.per_second:.2f} | {ms(pool.percentile(0.5))} | "
                f"{ms(kept.percentile(0.5))} |"
            )
        return [
            "## Database connections: pool against persistent",
            "",
            "Two servers side by side, one taking its connections from psycopg's pool, the "
            "other keeping one per thread (DATABASE_POOL=false), loaded in turn as in the "
            f"throughput phase: {phase['users']} users, {phase['seconds']} s a page, "
            f"{phase['rounds']} rounds. Logging counts sessions saved per second.",
            "",
            "| page | pool req/s | persistent req/s | pool / persistent | pool p50 ms "
            "| persistent p50 ms |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
        ]

    def _mixed_rows(self) -> list[str]:
        return [
            f"| {TITLES.get(name, name)} | {s.per_second:.1f} | {ms(s.percentile(0.5))} | "
            f"{ms(s.percentile(0.95))} | {ms(s.percentile(0.99))} | {errors(s)} |"
            for name, s in sorted(self.mixed.items())
        ]


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        raise SystemExit("usage: python -m bench.report <raw dir> <RESULTS.md>")
    Path(argv[1]).write_text(Report(Path(argv[0])).render())


if __name__ == "__main__":
    main()
