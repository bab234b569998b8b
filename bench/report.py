"""The targets from the issue, judged on one run's figures; the table and the JSON file."""

import json
import os
import platform
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.page_weight import PageWeight
from bench.stats import Figures

BASELINE_PAGE = "baseline: HTML page"
BASELINE_INSERT = "baseline: single INSERT"
YOUNG_PAGES = "capacity: young person's pages"
SUBMIT = "capacity: POST /say"
QUEUE = "moderation queue"

SUBMIT_THROUGHPUT = 0.30  # of the bare single-INSERT endpoint's
SUBMIT_P95 = 3.0  # times the bare single-INSERT endpoint's p95
PAGES_THROUGHPUT = 0.25  # of the bare HTML endpoint's
QUEUE_SERVER_P95_MS = 150.0


def machine_state() -> dict[str, Any]:
    return {
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def judge(rows: list[Figures]) -> None:
    """Marks every row with its targets: the ratios against the baselines of the same run and
    database, the queue's server time, and nothing lost, doubled, 5xx or locked anywhere."""
    found = {(row.scenario, row.db): row for row in rows}
    for row in rows:
        if row.scenario == SUBMIT and (BASELINE_INSERT, row.db) in found:
            base = found[(BASELINE_INSERT, row.db)]
            throughput = row.throughput / base.throughput if base.throughput else 0.0
            p95 = row.p95_ms / base.p95_ms if base.p95_ms else float("inf")
            row.notes["p95_ratio"] = round(p95, 2)
            row.judge(
                f"req/s {throughput:.2f}x >= {SUBMIT_THROUGHPUT:.2f}x",
                throughput >= SUBMIT_THROUGHPUT,
                throughput,
            )
            row.judge(f"p95 {p95:.1f}x <= {SUBMIT_P95:.0f}x", p95 <= SUBMIT_P95)
        elif row.scenario == YOUNG_PAGES and (BASELINE_PAGE, row.db) in found:
            base = found[(BASELINE_PAGE, row.db)]
            throughput = row.throughput / base.throughput if base.throughput else 0.0
            row.judge(
                f"req/s {throughput:.2f}x >= {PAGES_THROUGHPUT:.2f}x",
                throughput >= PAGES_THROUGHPUT,
                throughput,
            )
        elif QUEUE in row.scenario:
            server = row.server_p95_ms if row.server_p95_ms is not None else float("inf")
            row.judge(
                f"server p95 {server:g} < {QUEUE_SERVER_P95_MS:g} ms", server < QUEUE_SERVER_P95_MS
            )
        clean = (
            row.server_errors == 0
            and not row.lost
            and not row.duplicated
            and not row.notes.get("database_is_locked")
        )
        row.judge("0 5xx/lost/dup/locked", clean)


COLUMNS = (
    ("scenario", 46),
    ("db", 10),
    ("procs", 5),
    ("requests", 8),
    ("req/s", 8),
    ("p50 ms", 8),
    ("p95 ms", 8),
    ("p99 ms", 8),
    ("srv p95", 8),
    ("errors", 6),
    ("lost", 4),
    ("dup", 4),
    ("ratio", 6),
    ("ok", 6),
)


def _cells(row: Figures) -> list[str]:
    def number(value: float | int | None) -> str:
        return "-" if value is None else f"{value:g}" if isinstance(value, float) else str(value)

    return [
        row.scenario,
        row.db,
        str(row.processes),
        str(row.requests),
        number(row.throughput),
        number(row.p50_ms),
        number(row.p95_ms),
        number(row.p99_ms),
        number(row.server_p95_ms),
        str(row.errors),
        number(row.lost),
        number(row.duplicated),
        number(row.ratio),
        "-" if row.ok is None else "ok" if row.ok else "MISSED",
    ]


def table(rows: list[Figures]) -> str:
    lines = ["  ".join(f"{name:<{width}}" for name, width in COLUMNS)]
    for row in rows:
        lines.append(
            "  ".join(
                f"{cell:<{width}}" for cell, (_, width) in zip(_cells(row), COLUMNS, strict=True)
            )
        )
    missed = [row for row in rows if row.ok is False]
    for row in missed:
        lines.append(f"MISSED {row.scenario} ({row.db}): {'; '.join(row.notes['missed'])}")
        for problem in row.notes.get("problems", [])[:5]:
            lines.append(f"    {problem}")
    return "\n".join(lines)


def write_json(
    folder: Path,
    *,
    rows: list[Figures],
    weights: list[PageWeight],
    before: dict[str, Any],
    after: dict[str, Any],
    settings: dict[str, Any],
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"results-{stamp}.json"
    document = {
        "when": stamp,
        "machine_before": before,
        "machine_after": after,
        "settings": settings,
        "scenarios": [asdict(row) for row in rows],
        "page_weight": [weight.as_dict() for weight in weights],
        "all_targets_met": all(row.ok is not False for row in rows)
        and all(weight.ok for weight in weights),
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return path
