"""The speed harness's plumbing, at a tiny scale, so it cannot rot: servers start, the load runs,
every receipt maps to exactly one stored item. Timings are the harness's business, not a test's."""

import json
import os
from dataclasses import replace
from pathlib import Path

from sqlalchemy.engine import make_url

from bench import crash, report
from bench.load import Plan, run


def tiny_plan() -> Plan:
    """SQLite, or PostgreSQL (two app processes) when the suite runs on it."""
    plan = Plan(
        databases=("sqlite",),
        users=5,
        burst_seconds=3.0,
        capacity_seconds=1.0,
        warm_up_seconds=0.5,
        concurrency=2,
        staff_members=1,
        waiting_items=20,
        shared_items=5,
        alone_requests=3,
        cold_starts=1,
        page_weight=False,
        redis_url=None,
    )
    test_url = os.environ.get("TEST_DATABASE_URL")
    if not test_url:
        return plan
    url = make_url(test_url)
    return replace(
        plan,
        databases=("postgresql",),
        postgres_admin_url=url.set(database="postgres").render_as_string(hide_password=False),
        prefix=f"{url.database}_smoke",
    )


def test_harness_runs_and_loses_nothing(tmp_path: Path) -> None:
    plan = tiny_plan()
    results, settings = run(plan, tmp_path)
    rows = {row.scenario: row for row in results.rows}
    assert report.BASELINE_PAGE in rows and report.SUBMIT in rows
    for row in results.rows:
        assert row.requests > 0, row.scenario
        assert row.server_errors == 0, (row.scenario, row.notes)
        assert not row.notes.get("database_is_locked"), row.scenario
    for name in ("event: send", "event: vote", report.SUBMIT):
        sent = rows[name]
        assert sent.errors == 0, sent.notes
        assert (sent.lost, sent.duplicated) == (0, 0), sent.notes
        assert sent.notes["stored_without_receipt"] == 0
    assert rows["event: send"].notes["receipts"] == plan.users
    assert rows["event: vote"].notes["votes_confirmed"] == plan.users

    path = report.write_json(
        tmp_path / "out", rows=results.rows, weights=[], before={}, after={}, settings=settings
    )
    written = json.loads(path.read_text(encoding="utf-8"))
    assert {row["scenario"] for row in written["scenarios"]} == set(rows)
    assert report.SUBMIT in report.table(results.rows)


def test_a_crash_during_a_burst_loses_no_acknowledged_item() -> None:
    """bench.crash at a tiny scale: one SIGKILL while young people are sending."""
    plan = tiny_plan()
    arguments = ["--rounds", "1", "--seconds", "1.5", "--senders", "4"]
    arguments += ["--db", plan.databases[0], "--postgres", plan.postgres_admin_url]
    assert crash.main(arguments) == 0


def test_summary_bench_runs_at_a_tiny_scale(tmp_path: Path) -> None:
    """bench/summary.py builds its data, times the pages and PDF, and streams the CSV."""
    from bench import summary
    from bench.servers import Databases

    test_url = os.environ.get("TEST_DATABASE_URL")
    kind, admin, prefix = "sqlite", "", "unused"
    if test_url:
        url = make_url(test_url)
        kind = "postgresql"
        admin = url.set(database="postgres").render_as_string(hide_password=False)
        prefix = f"{url.database}_summary_smoke"
    with Databases(tmp_path, admin, prefix).fresh(kind, "summary") as database_url:
        result = summary.measure(kind, database_url, items=300, runs=1)
    assert set(result["times"]) >= {"board page (a meeting)", "board PDF (a meeting)"}
    assert all(seconds > 0 for seconds in result["times"].values())
    assert 250 < result["csv_whole"]["rows"] <= 300  # nearly every item is shared
    assert result["csv_tenth"]["rows"] < result["csv_whole"]["rows"]
    assert "CSV memory" in summary.report(result)
