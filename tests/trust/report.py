"""`make trust`: runs the suites behind shared/TRUST.md and prints a one-screen summary.

    uv run python -m tests.trust.report [--fuzz N] [--sqlite-only]

Each requirement names the tests that give its evidence. The report runs them (on SQLite, then
on PostgreSQL when it answers), with more random inputs per form than the everyday suite, and
prints per requirement how many of its tests passed, which requirements have no automated
evidence yet and why, and how many attacks the form walker tried. Exits 1 on any failure.
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

from app.config import ROOT

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

# Requirement -> the tests that are its evidence (files, or file::test).
EVIDENCE: dict[str, list[str]] = {
    "PR-01 high-privacy defaults": ["test_no_leaks.py", "moderation/test_shared_items.py"],
    "PR-02 data inventory": ["ops/test_data_inventory.py"],
    "PR-03 no third parties, no location": ["ops/test_health_and_headers.py", "browser/"],
    "PR-04 no nudges": [
        "trust/test_no_nudges.py",
        "browser/test_reflow_and_targets.py::test_no_is_as_big_and_as_easy_as_yes",
    ],
    "PR-06 my data within 2 taps": ["privacy/test_my_data.py", "browser/test_privacy.py"],
    "PR-07 small numbers suppressed": ["councillors/test_halfterm.py", "meetings/test_tally.py"],
    "PR-08 DPIA in step with the code": ["ops/test_data_inventory.py"],
    "PR-09 retention and erasure": ["privacy/test_retention.py"],
    "SG-01..06 safeguarding": ["safeguarding/", "browser/test_young_person.py"],
    "AU-01 OIDC validation": ["auth/test_oidc_client.py"],
    "AU-02 identity is (issuer, sub)": ["auth/test_staff_sign_in.py"],
    "AU-03 second sign-in step": ["auth/test_second_factor.py"],
    "AU-04 sessions": ["auth/test_sessions.py"],
    "AC-01..05 role x route": ["test_policy_matrix.py", "test_meta.py", "test_no_leaks.py"],
    "AC-06 no mass assignment": ["trust/test_every_form.py"],
    "AC-07 one person, one vote": ["meetings/test_secret_ballot.py", "meetings/test_codes.py"],
    "IO-01 output encoding": [
        "trust/test_every_form.py",
        "trust/test_no_raw_markup.py",
        "browser/test_payloads.py",
    ],
    "IO-02 plain text only": ["trust/test_no_raw_markup.py", "voice/test_say_fuzz.py"],
    "IO-03 nothing lost, never a 500": ["trust/test_every_form.py", "voice/test_say_fuzz.py"],
    "IO-04 bound queries, odd filters": [
        "trust/test_queries_are_bound.py",
        "trust/test_every_form.py",
    ],
    "IO-05 CSRF": ["test_csrf.py"],
    "IO-06 security headers": ["test_policy_matrix.py", "ops/test_health_and_headers.py"],
    "IO-07 no-store, nothing in browser storage": [
        "ops/test_health_and_headers.py",
        "browser/test_payloads.py",
    ],
    "IO-08 no open redirects": ["ops/test_health_and_headers.py"],
    "OP-01 audit trail": ["audit/test_audit_log.py"],
    "OP-03 fail closed": ["ops/test_health_and_headers.py", "ops/test_config.py"],
    "OP-04 secrets": ["ops/test_config.py"],
    "OP-07 rate limits across processes": [
        "ops/test_ratelimit.py",
        "ops/test_ratelimit_processes.py",
    ],
    "RL-01 durable before thank you": [
        "ops/test_database.py",
        "test_bench.py::test_a_crash_during_a_burst_loses_no_acknowledged_item",
    ],
    "RL-02/03 idempotent, flaky networks": ["voice/test_say.py", "browser/test_young_person.py"],
    "RL-04 outbox": ["notifications/"],
    "RL-06/07 migrations keep data": [
        "ops/test_database.py",
        "ops/test_migrations_keep_data.py",
    ],
    "RL-08 backups restore": ["ops/test_backup.py"],
    "AX-01 axe-clean pages": ["browser/"],
    "AX-02 pages parse without errors": ["trust/test_valid_html.py"],
    "AX-03/04 targets, focus, reflow, keyboard": ["browser/test_reflow_and_targets.py"],
    "AX-05 accessibility statement": ["ops/test_accessibility_statement.py"],
}
NOT_AUTOMATED: dict[str, str] = {
    "PR-05 reading age of every message": "checked for responses and summaries, not the catalogue",
    "OP-05 dependency audit": "pip-audit needs PyPI's JSON API, which this workplace cannot reach",
}


def _postgres_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
    except OSError:
        return False
    return True


def _run(paths: list[str], junit: Path, stats: Path, fuzz: int, database_url: str | None) -> int:
    env = {**os.environ, "FUZZ_EXAMPLES": str(fuzz), "TRUST_STATS": str(stats)}
    env.pop("TEST_DATABASE_URL", None)
    if database_url:
        env["TEST_DATABASE_URL"] = database_url
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    command += [f"--junitxml={junit}", *(f"tests/{path}" for path in paths)]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode  # noqa: S603


def _outcomes(junit: Path) -> dict[str, str]:
    """'tests/x/test_y.py::test_z[param]' -> passed | failed | skipped."""
    found: dict[str, str] = {}
    report = ElementTree.parse(junit)  # noqa: S314 (pytest wrote it, just now)
    for case in report.getroot().iter("testcase"):
        path = case.get("classname", "").replace(".", "/") + ".py::" + case.get("name", "")
        failed = case.find("failure") is not None or case.find("error") is not None
        skipped = case.find("skipped") is not None
        found[path] = "failed" if failed else "skipped" if skipped else "passed"
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.trust.report")
    parser.add_argument("--fuzz", type=int, default=40, help="random posts per form")
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args(argv)
    paths = sorted({p.split("::")[0] for tests in EVIDENCE.values() for p in tests})
    databases: list[tuple[str, str | None]] = [("SQLite", None)]
    if not args.sqlite_only and _postgres_answers():
        databases.append(("PostgreSQL", os.environ.get("TEST_DATABASE_URL", POSTGRES_URL)))
    lines, failures = [], 0
    attacks: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="trust-") as folder:
        for name, url in databases:
            junit, stats = Path(folder) / f"{name}.xml", Path(folder) / f"{name}.jsonl"
            _run(paths, junit, stats, args.fuzz, url)
            outcomes = _outcomes(junit)
            for line in stats.read_text().splitlines() if stats.exists() else []:
                attacks.update(json.loads(line))
            for requirement, tests in EVIDENCE.items():
                mine = Counter(
                    outcome
                    for test, outcome in outcomes.items()
                    if any(test.startswith(f"tests/{prefix}") for prefix in tests)
                )
                failures += mine["failed"]
                state = "FAILED" if mine["failed"] or not mine["passed"] else "ok"
                lines.append(
                    f"{state:6} {requirement:40} {name:10} {mine['passed']:4} passed"
                    + (f", {mine['failed']} failed" if mine["failed"] else "")
                )
    print("\n".join(sorted(lines, key=lambda line: line[7:])))
    print()
    for requirement, why in NOT_AUTOMATED.items():
        print(f"{'--':6} {requirement:40} {why}")
    print()
    print(
        f"attacks tried: {attacks['forms']} forms, {attacks['posts']} posts "
        f"({attacks['payloads']} script and template payloads, {attacks['odd']} odd numbers "
        f"and ids, {attacks['random']} random texts)"
    )
    print(f"requirements with evidence: {len(EVIDENCE)}; without yet: {len(NOT_AUTOMATED)}")
    print("FAILED" if failures else "every test behind these requirements passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
