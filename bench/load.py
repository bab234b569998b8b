"""The speed harness: the app against the bare framework, in the same run, on this machine.

    uv run python -m bench.load              # the full run, SQLite then PostgreSQL (~10 min)
    uv run python -m bench.load --quick      # a short smoke run
    uv run python -m bench.load --db sqlite  # one database only
    make bench

For each database, on a fresh database per scenario, with the app served by uvicorn in
separate processes (one for SQLite, `--processes` for PostgreSQL, sharing Redis):
1. cold start: from process start to the first 200 from /readyz, the first page, the first send;
2. capacity: the bare Starlette HTML page and single INSERT (bench/baseline.py), then the young
   person's pages and POST /say, each as fast as `--concurrency` clients can go;
3. the event: `--users` young people arrive over `--burst` seconds, each opening /say, sending,
   reading the receipt, then voting in an open round with a printed code, while staff go round
   the moderation queue (with 1,000 waiting) and the councillor's pages; then every receipt
   and every vote is checked against the database.
Then the page weight of the young person's pages in Chromium (bench/page_weight.py).

Prints a table (ratios against the baselines, targets ok or MISSED) and writes
var/bench/results-<timestamp>.json. Speed figures are ratios because the machine is shared:
the load average before and after is printed and saved with them.
"""

import argparse
import asyncio
import secrets
import sys
import tempfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from app.config import ROOT
from app.people.models import Role
from bench import report, scenarios, seed
from bench.page_weight import PageWeight, on_fresh_app, print_table
from bench.servers import RAISED_LIMITS, Databases, Server, redis_answers
from bench.stats import Figures, Recorder, Sample


@dataclass(frozen=True)
class Plan:
    databases: tuple[str, ...] = ("sqlite", "postgresql")
    postgres_processes: int = 2
    users: int = 300
    burst_seconds: float = 60.0
    capacity_seconds: float = 10.0
    warm_up_seconds: float = 2.0
    concurrency: int = 16
    staff_members: int = 3
    waiting_items: int = 1000
    shared_items: int = 200
    alone_requests: int = 50
    cold_starts: int = 3
    page_weight: bool = True
    postgres_admin_url: str = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    prefix: str = "bench"
    redis_url: str | None = "redis://127.0.0.1:6379/11"


SLICES = 4  # capacity runs alternate app and baseline this many times

QUICK = Plan(
    users=40,
    burst_seconds=10.0,
    capacity_seconds=3.0,
    warm_up_seconds=1.0,
    concurrency=8,
    staff_members=2,
    alone_requests=20,
    cold_starts=1,
)


@dataclass
class Results:
    rows: list[Figures] = field(default_factory=list)
    weights: list[PageWeight] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Bench:
    """One run of the plan: fresh databases and servers for each scenario, figures collected."""

    def __init__(self, plan: Plan, workdir: Path) -> None:
        self.plan = plan
        self.workdir = workdir
        self.secret_key = secrets.token_hex(32)
        self.databases = Databases(workdir, plan.postgres_admin_url, plan.prefix)
        self.results = Results()
        self.redis_url = plan.redis_url if redis_answers(plan.redis_url) else None

    def processes(self, kind: str) -> int:
        return 1 if kind == "sqlite" else self.plan.postgres_processes

    def server(self, factory: str, url: str, kind: str, name: str) -> Server:
        return Server(
            factory,
            url,
            self.processes(kind),
            self.workdir / f"{kind}-{name}.log",
            self.secret_key,
            redis_url=self.redis_url if kind == "postgresql" else None,
        )

    def figures(
        self, name: str, kind: str, recorder: Recorder, seconds: float, server: Server
    ) -> Figures:
        row = Figures.of(name, kind, self.processes(kind), recorder, seconds)
        if kind == "sqlite":
            row.notes["database_is_locked"] = server.locked_count()
        if row.server_errors:
            row.notes["first_server_error"] = server.first_error()
        self.results.rows.append(row)
        print(f"  {kind:<10} {name}: {row.requests} requests, p95 {row.p95_ms} ms", flush=True)
        return row

    def run(self) -> Results:
        for kind in self.plan.databases:
            if kind == "postgresql" and self.redis_url is None:
                self.results.notes.append(
                    f"Redis did not answer at {self.plan.redis_url}: each PostgreSQL app process "
                    "kept its own rate-limit counters."
                )
            self.cold_start(kind)
            asyncio.run(self.capacity(kind))
            asyncio.run(self.event(kind))
        if self.plan.page_weight:
            self.results.weights = on_fresh_app(self.workdir, self.secret_key)
        return self.results

    def cold_start(self, kind: str) -> None:
        """Process start to ready, then the first page and the first send, on a fresh process."""
        ready, page, sent = Recorder(), Recorder(), Recorder()
        with self.databases.fresh(kind, "cold") as url:
            server = self.server("bench.serve:create_app", url, kind, "cold")
            for _ in range(self.plan.cold_starts):
                server.start()
                try:
                    ready.samples.append(Sample(server.wait_ready(), None, 200, True))
                    asyncio.run(first_requests(server.base_url, page, sent))
                finally:
                    server.stop()
        for name, recorder in (
            ("cold start: ready (/readyz)", ready),
            ("cold start: first page (/say)", page),
            ("cold start: first POST /say", sent),
        ):
            self.figures(name, kind, recorder, 0.0, server)

    async def capacity(self, kind: str) -> None:
        """The app and the bare framework, each as fast as the same clients can make them go,
        in alternating slices, so that both see the same noise from the rest of the machine."""
        with self.databases.fresh(kind, "capacity") as url:
            baseline = self.server("bench.serve:create_baseline", url, kind, "baseline")
            app = self.server("bench.serve:create_app", url, kind, "capacity")
            submissions = scenarios.Submissions(self.secret_key)
            with baseline.running(), app.running():
                await self.warm_up(app.base_url)
                for step in (scenarios.baseline_page, scenarios.baseline_insert):
                    await self.flat_out(baseline.base_url, step, self.plan.warm_up_seconds)
                for pair in (
                    (
                        (report.BASELINE_PAGE, baseline, scenarios.baseline_page),
                        (report.YOUNG_PAGES, app, scenarios.young_persons_page),
                    ),
                    (
                        (report.BASELINE_INSERT, baseline, scenarios.baseline_insert),
                        (report.SUBMIT, app, submissions),
                    ),
                ):
                    await self.alternate(kind, pair)
            row = next(r for r in self.results.rows if (r.scenario, r.db) == (report.SUBMIT, kind))
            self.check(row, url, submissions.receipts, submissions.sent_keys)

    async def alternate(
        self, kind: str, pair: tuple[tuple[str, Server, scenarios.Step], ...]
    ) -> None:
        """Runs each of the pair for a slice of the time in turn, SLICES times over."""
        recorders = {name: Recorder() for name, _, _ in pair}
        seconds = dict.fromkeys(recorders, 0.0)
        for _ in range(SLICES):
            for name, server, step in pair:
                recorder, took = await self.flat_out(
                    server.base_url, step, self.plan.capacity_seconds / SLICES
                )
                recorders[name].extend(recorder)
                seconds[name] += took
        for name, server, _ in pair:
            self.figures(name, kind, recorders[name], seconds[name], server)

    async def flat_out(
        self, base_url: str, step: scenarios.Step, seconds: float | None = None
    ) -> tuple[Recorder, float]:
        return await scenarios.closed_loop(
            base_url,
            step,
            concurrency=self.plan.concurrency,
            seconds=self.plan.capacity_seconds if seconds is None else seconds,
        )

    async def warm_up(self, base_url: str) -> None:
        """Each app process renders its pages and trains its disclosure screen before timing."""
        for step in (scenarios.young_persons_page, scenarios.Submissions(self.secret_key)):
            await self.flat_out(base_url, step, self.plan.warm_up_seconds)

    async def event(self, kind: str) -> None:
        plan = self.plan
        with self.databases.fresh(kind, "event") as url:
            officer, officer_id = seed.signed_in(url, Role.PARTICIPATION_OFFICER)
            councillor, _ = seed.signed_in(url, Role.COUNCILLOR)
            slug = seed.shared_items(url, plan.shared_items, approver=officer_id)
            round_id, codes = seed.open_round(url, plan.users)
            voting = scenarios.CodeVoting(codes)
            staff = [
                scenarios.StaffPage(
                    f"{report.QUEUE} ({plan.waiting_items:,} waiting)",
                    "/staff/moderation",
                    officer,
                ),
                scenarios.StaffPage("councillor's themes", "/councillor", councillor),
                scenarios.StaffPage(
                    f"councillor theme ({plan.shared_items} shared)",
                    f"/councillor/themes/{slug}",
                    councillor,
                ),
            ]
            app = self.server("bench.serve:create_app", url, kind, "event")
            with app.running():
                await self.warm_up(app.base_url)
                seed.waiting_items(url, plan.waiting_items)
                for page in staff:
                    recorder, seconds = await scenarios.one_by_one(
                        app.base_url, page, plan.alone_requests
                    )
                    self.figures(f"staff alone: {page.name}", kind, recorder, seconds, app)
                run = await scenarios.event(
                    app.base_url,
                    users=plan.users,
                    seconds=plan.burst_seconds,
                    staff=staff,
                    staff_members=plan.staff_members,
                    voting=voting,
                )
            for step, recorder in run.steps.items():
                row = self.figures(f"event: {step}", kind, recorder, run.seconds, app)
                if step == "send":
                    self.check(row, url, run.receipts, run.sent_keys)
                if step == "vote":
                    self.tally(row, seed.check_votes(url, round_id, voting.confirmed))
                    row.notes["votes_confirmed"] = len(voting.confirmed)
            for name, recorder in run.staff.items():
                self.figures(f"staff in event: {name}", kind, recorder, run.seconds, app)

    @classmethod
    def check(
        cls, row: Figures, url: str, receipts: list[seed.Receipt], sent_keys: list[str]
    ) -> None:
        cls.tally(row, seed.check_receipts(url, receipts, sent_keys))
        row.notes["receipts"] = len(receipts)

    @staticmethod
    def tally(row: Figures, ledger: seed.Ledger) -> None:
        row.lost = ledger.lost
        row.duplicated = ledger.duplicated
        row.notes["stored_without_receipt"] = ledger.unreceipted


async def first_requests(base_url: str, page: Recorder, sent: Recorder) -> None:
    """The first page and the first send a fresh process serves (its templates, its screen)."""
    async with scenarios.new_client(base_url) as client:
        response = await scenarios.send(client, page, "GET", "/say", expect=200, why="first page")
        if response is None:
            return
        form = scenarios.read_form(response.text, "/say")
        data = {**form.hidden, "body": "the first words after a restart", "may_share": "no"}
        await scenarios.send(client, sent, "POST", "/say", expect=303, why="first send", data=data)


def settings_of(plan: Plan, bench: Bench) -> dict[str, Any]:
    return {
        **asdict(plan),
        "redis_url_used": bench.redis_url,
        "raised_rate_limits": RAISED_LIMITS,
        "why_raised": "every simulated young person comes from 127.0.0.1",
    }


def run(plan: Plan, workdir: Path) -> tuple[Results, dict[str, Any]]:
    bench = Bench(plan, workdir)
    results = bench.run()
    report.judge(results.rows)
    return results, settings_of(plan, bench)


def parse(arguments: list[str]) -> Plan:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    parser.add_argument("--db", choices=("sqlite", "postgresql"), action="append")
    parser.add_argument("--users", type=int)
    parser.add_argument("--burst", type=float, help="seconds the young people arrive over")
    parser.add_argument("--seconds", type=float, help="seconds for each capacity run")
    parser.add_argument("--concurrency", type=int)
    parser.add_argument("--processes", type=int, help="app processes for PostgreSQL")
    parser.add_argument("--postgres", help="SQLAlchemy URL of a maintenance database")
    parser.add_argument("--prefix", help="PostgreSQL databases are named <prefix>_<pid>_<scenario>")
    parser.add_argument("--redis", help="Redis URL for the PostgreSQL processes' rate limits")
    parser.add_argument("--no-page-weight", action="store_true")
    given = parser.parse_args(arguments)
    plan = QUICK if given.quick else Plan()
    changes: dict[str, Any] = {
        "databases": tuple(given.db) if given.db else None,
        "users": given.users,
        "burst_seconds": given.burst,
        "capacity_seconds": given.seconds,
        "concurrency": given.concurrency,
        "postgres_processes": given.processes,
        "postgres_admin_url": given.postgres,
        "prefix": given.prefix,
        "redis_url": given.redis,
        "page_weight": False if given.no_page_weight else None,
    }
    return replace(plan, **{name: value for name, value in changes.items() if value is not None})


def main(arguments: list[str]) -> int:
    plan = parse(arguments)
    before = report.machine_state()
    print(f"Machine before: load average {before['load_average']} on {before['cpus']} CPUs")
    print(f"Rate limits raised for the load (all from 127.0.0.1): {RAISED_LIMITS}")
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        results, settings = run(plan, Path(folder))
    after = report.machine_state()
    print()
    print(report.table(results.rows))
    if results.weights:
        print()
        print_table(results.weights)
    for note in results.notes:
        print(f"Note: {note}")
    path = report.write_json(
        ROOT / "var" / "bench",
        rows=results.rows,
        weights=results.weights,
        before=before,
        after=after,
        settings=settings,
    )
    print(f"Machine after: load average {after['load_average']}")
    print(f"Figures written to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
