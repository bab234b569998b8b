"""Voice summaries at scale: 100,000 items, 20 themes and 2 years of history, on SQLite and on
PostgreSQL (a scratch file and a scratch database, made and dropped here).

    uv run python -m bench.summary [--items N] [--db sqlite|postgresql|both] [--runs N]

Prints, for each database: the median time of a board meeting's summary page (two months of
voice), of the child-friendly page and of a summary of the whole two years; the median time of
the board PDF; and the memory of the officers' CSV export streamed at about 10% and 100% of
the rows (peak Python allocations during the export, and the process's peak RSS), each in a
fresh process so one measurement cannot inherit another's memory.
"""

import argparse
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bench.servers import Databases

THEMES = 20
YEARS = 2
SHARED_SHARE = 0.97  # nearly everything is shared, so a CSV of the whole history has ~N rows
SECRET = "bench-secret-key-that-is-long-enough-for-the-bench"  # noqa: S105 (scratch databases)
ROOT = Path(__file__).resolve().parent.parent
CHANNELS = ("online", "online", "online", "event", "paper")
BANDS = (None, "11-13", "14-15", "16-17", "18-21", "22-25")
MEETING_EVERY_DAYS = 61


@dataclass(frozen=True)
class Built:
    meeting_id: int  # the latest board meeting: two months of voice before it
    first_day: date
    last_day: date
    ten_percent_from: date  # a range holding about a tenth of the shared items


def _table(model: Any) -> sa.Table:
    table: sa.Table = model.__table__
    return table


def _chunks(rows: list[dict[str, Any]], size: int = 5000) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def build(url: str, items: int, seed: int = 7) -> Built:
    """Bulk inserts (explicit ids, executemany) into a freshly migrated database."""
    import app.models  # noqa: F401  (every table)
    from app.actions.models import ActionStatus, ActionTheme, BoardAction, OrganisationKind
    from app.events.models import Event, EventAttendance, EventTheme, EventType
    from app.meetings.models import Meeting, MeetingKind
    from app.moderation.models import ItemTheme, SharedVersion, Sharing
    from app.people.models import Role, User
    from app.promises.models import Measure, MeasureReading, Promise, PromiseTheme
    from app.safeguarding.models import CaseTrigger, SafeguardingCase
    from app.themes.models import ItemTopic, Theme, Topic
    from app.voice.models import EventKind, Item, TimelineEvent

    rng = random.Random(seed)  # noqa: S311 (repeatable bench data, not security)
    engine = sa.create_engine(url)
    now = datetime.now(UTC)
    first = now - timedelta(days=365 * YEARS)
    with engine.begin() as db:

        def insert(model: Any, rows: list[dict[str, Any]]) -> None:
            for chunk in _chunks(rows):
                db.execute(sa.insert(_table(model)), chunk)

        existing = db.execute(sa.select(sa.func.count()).select_from(_table(Theme))).scalar_one()
        insert(
            Theme,
            [
                {"slug": f"bench-{n}", "name": f"Bench theme {n}", "position": 100 + n}
                for n in range(THEMES - existing)
            ],
        )
        theme_ids = list(db.execute(sa.select(_table(Theme).c.id)).scalars())
        staff = (
            (1, Role.PARTICIPATION_OFFICER, "Bench officer"),
            (2, Role.BOARD_CHAIR, "Bench chair"),
        )
        insert(
            User,
            [
                {"id": i, "role": r, "display_name": n, "oidc_issuer": "bench", "oidc_subject": n}
                for i, r, n in staff
            ],
        )
        insert(
            User,
            [
                {
                    "id": 10 + n,
                    "role": Role.YOUNG_PERSON,
                    "nickname": f"b{n}",
                    "nickname_key": f"b{n}",
                }
                for n in range(2000)
            ],
        )
        topics = [{"id": n + 1, "key": f"topic {n}", "label": f"Topic {n}"} for n in range(30)]
        insert(Topic, topics)
        span = (now - first).total_seconds()
        rows, shared, tagged, topic_rows, answers, cases = [], [], [], [], [], []
        for number in range(1, items + 1):
            sent = first + timedelta(seconds=span * number / (items + 1))
            theme = rng.choice(theme_ids)
            roll = rng.random()
            sharing = (
                Sharing.SHARED
                if roll < SHARED_SHARE
                else Sharing.SAFEGUARDING
                if roll < SHARED_SHARE + 0.01
                else Sharing.PENDING
            )
            rows.append(
                {
                    "id": number,
                    "reference": f"SD-B{number:011d}",
                    "author_id": 10 + rng.randrange(2000) if rng.random() < 0.6 else None,
                    "body": f"original words {number}",
                    "theme_id": theme,
                    "may_share": True,
                    "sharing": sharing,
                    "channel": rng.choice(CHANNELS),
                    "age_band": rng.choice(BANDS),
                    "idempotency_key": f"bench-{number}",
                    "content_fingerprint": "bench",
                    "created_at": sent,
                    "updated_at": sent,
                    "first_action_at": sent + timedelta(days=rng.randint(0, 12)),
                }
            )
            if sharing is Sharing.SHARED:
                approved = sent + timedelta(days=rng.randint(1, 3))
                shared.append(
                    {
                        "item_id": number,
                        "text": f"shared words {number}",
                        "approved_by_id": 1,
                        "approved_at": approved,
                    }
                )
                tagged.append({"item_id": number, "theme_id": theme})
                if number % 3 == 0:
                    topic_rows.append({"item_id": number, "topic_id": rng.randint(1, 30)})
                if number % 20 == 0:
                    answers.append(
                        {
                            "item_id": number,
                            "kind": EventKind.RESPONSE_ADDED,
                            "body": f"what we did {number}",
                            "actor_id": 1,
                            "on_public_page": True,
                            "created_at": approved,
                        }
                    )
            elif sharing is Sharing.SAFEGUARDING:
                cases.append({"item_id": number, "trigger": CaseTrigger.SCREEN})
        for model, batch in (
            (Item, rows),
            (SharedVersion, shared),
            (ItemTheme, tagged),
            (ItemTopic, topic_rows),
            (TimelineEvent, answers),
            (SafeguardingCase, cases),
        ):
            insert(model, batch)
        meetings = []
        day = (now + timedelta(days=5)).date()
        while day > first.date():
            meetings.append(
                {"kind": MeetingKind.BOARD, "title": f"Board {day.isoformat()}", "held_on": day}
            )
            day -= timedelta(days=MEETING_EVERY_DAYS)
        insert(Meeting, meetings)
        events, attendance, event_themes = [], [], []
        for number in range(1, 81):
            held = first + timedelta(days=9 * number)
            events.append(
                {
                    "id": number,
                    "kind": EventType.HALF_TERMLY,
                    "name": f"Event {number}",
                    "held_on": held.date(),
                    "opens_at": held,
                    "closes_at": held + timedelta(hours=3),
                    "token": secrets.token_hex(8),
                    "created_by_id": 1,
                }
            )
            event_themes.append({"event_id": number, "theme_id": rng.choice(theme_ids)})
            attendance += [
                {"event_id": number, "band": band, "count": rng.randint(0, 20)}
                for band in ("14-15", "16-17", "unknown")
            ]
        for event_model, batch in (
            (Event, events),
            (EventTheme, event_themes),
            (EventAttendance, attendance),
        ):
            insert(event_model, batch)
        actions = [
            {
                "id": n,
                "title": f"Action {n}",
                "owner_id": 1,
                "organisation_kind": OrganisationKind.COUNCIL,
                "organisation_name": "Council",
                "due_on": (first + timedelta(days=4 * n)).date(),
                "status": rng.choice(list(ActionStatus)),
                "created_by_id": 1,
                "created_at": first + timedelta(days=3 * n),
                "updated_at": first + timedelta(days=4 * n),
            }
            for n in range(1, 201)
        ]
        insert(BoardAction, actions)
        insert(
            ActionTheme,
            [{"action_id": n, "theme_id": rng.choice(theme_ids)} for n in range(1, 201)],
        )
        insert(
            Promise,
            [{"id": n, "we_will": f"Promise {n}", "created_by_id": 1} for n in range(1, 11)],
        )
        insert(
            PromiseTheme,
            [{"promise_id": n, "theme_id": rng.choice(theme_ids)} for n in range(1, 11)],
        )
        insert(
            Measure,
            [
                {"id": n, "promise_id": n, "what": f"Measure {n}", "baseline": 10, "target": 50}
                for n in range(1, 11)
            ],
        )
        insert(
            MeasureReading,
            [
                {
                    "measure_id": n,
                    "value": 10 + k * 3,
                    "taken_on": (first + timedelta(days=60 * k)).date(),
                    "recorded_by_id": 1,
                }
                for n in range(1, 11)
                for k in range(12)
            ],
        )
        latest = (
            db.execute(sa.select(_table(Meeting).c.id).order_by(_table(Meeting).c.held_on.desc()))
            .scalars()
            .first()
        )
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("ANALYZE")
    engine.dispose()
    last = now.date()
    return Built(
        meeting_id=int(latest or 0),
        first_day=first.date(),
        last_day=last,
        ten_percent_from=last - timedelta(days=int(365 * YEARS / 10)),
    )


# In a worker process, with the app pointed at the bench database ------------------------------


def _client() -> Any:
    from fastapi.testclient import TestClient

    from app.auth.sessions import hash_session_id
    from app.db import new_session
    from app.main import create_app
    from app.people.models import WebSession
    from app.timeutil import utcnow

    raw = secrets.token_urlsafe(32)
    with new_session(for_writing=True) as db:
        db.add(
            WebSession(
                id=hash_session_id(raw),
                user_id=1,
                data='{"second_factor": true}',  # as a council sign-in with two steps
                authenticated_at=utcnow(),
                last_seen_at=utcnow(),
            )
        )
        db.commit()
    client = TestClient(create_app(), base_url="http://testserver")
    client.__enter__()
    client.cookies.set("sd_session", raw)
    return client


def _median_seconds(client: Any, url: str, runs: int) -> float:
    client.get(url)  # warm: templates compiled, caches filled
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code, response.text[:300])
    return statistics.median(times)


def timings(built: Built, runs: int) -> dict[str, float]:
    client = _client()
    meeting = f"meeting={built.meeting_id}"
    whole = f"start={built.first_day.isoformat()}&end={built.last_day.isoformat()}"
    return {
        "board page (a meeting)": _median_seconds(
            client, f"/staff/summaries/board?{meeting}", runs
        ),
        "child-friendly page": _median_seconds(client, f"/staff/summaries/young?{meeting}", runs),
        "board page (2 years)": _median_seconds(
            client, f"/staff/summaries/board?{whole}", max(3, runs // 2)
        ),
        "board PDF (a meeting)": _median_seconds(
            client, f"/staff/summaries/board.pdf?{meeting}", max(3, runs // 2)
        ),
    }


def _rss_mib() -> float:
    """This process's resident memory now (Linux), in MiB."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def csv_memory(start: date, end: date) -> dict[str, float]:
    """Streams the CSV export's lines (the generator the response sends) and throws them away,
    watching the process's resident memory after every chunk and Python's own allocations."""
    from app.summaries import service
    from app.summaries.exports import csv_lines

    window = service.window_of(service.range_scope(start=start, end=end))
    rss_before = rss_peak = _rss_mib()
    tracemalloc.start()
    rows = size = 0
    started = time.perf_counter()
    for chunk in csv_lines(window):
        rows += chunk.count("\r\n")
        size += len(chunk)
        rss_peak = max(rss_peak, _rss_mib())
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "rows": rows - 1,
        "mib": size / 2**20,
        "seconds": seconds,
        "peak_python_mib": peak / 2**20,
        "peak_rss_mib": rss_peak,
        "rss_growth_mib": rss_peak - rss_before,
    }


def _worker(url: str, job: str, payload: dict[str, Any]) -> dict[str, Any]:
    env = {
        **os.environ,
        "APP_ENV": "test",
        "SECRET_KEY": SECRET,
        "DATABASE_URL": url,
        "BASE_URL": "http://testserver",
        "DEMO_SIGN_IN": "false",
    }
    env.pop("REDIS_URL", None)
    done = subprocess.run(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "bench.summary", "--worker", job, json.dumps(payload)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"worker {job} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(kind: str, url: str, items: int, runs: int) -> dict[str, Any]:
    started = time.perf_counter()
    built = build(url, items)
    build_seconds = time.perf_counter() - started
    payload = {
        "meeting_id": built.meeting_id,
        "first_day": built.first_day.isoformat(),
        "last_day": built.last_day.isoformat(),
        "ten_percent_from": built.ten_percent_from.isoformat(),
        "runs": runs,
    }
    times = _worker(url, "timings", payload)
    tenth = _worker(
        url, "csv", {"start": built.ten_percent_from.isoformat(), "end": built.last_day.isoformat()}
    )
    whole = _worker(
        url, "csv", {"start": built.first_day.isoformat(), "end": built.last_day.isoformat()}
    )
    return {
        "database": kind,
        "items": items,
        "build_seconds": build_seconds,
        "times": times,
        "csv_tenth": tenth,
        "csv_whole": whole,
    }


def report(result: dict[str, Any]) -> str:
    lines = [
        f"== {result['database']}: {result['items']:,} items, {THEMES} themes, {YEARS} years "
        f"(built in {result['build_seconds']:.0f} s)"
    ]
    for name, seconds in result["times"].items():
        lines.append(f"  {name:<28} median {seconds * 1000:7.0f} ms")
    tenth, whole = result["csv_tenth"], result["csv_whole"]
    for label, csv in (("CSV, ~10% of rows", tenth), ("CSV, all rows", whole)):
        lines.append(
            f"  {label:<28} {csv['rows']:>7,} rows {csv['mib']:6.1f} MiB "
            f"in {csv['seconds']:5.1f} s (tracemalloc on); "
            f"peak Python {csv['peak_python_mib']:5.1f} MiB, "
            f"peak RSS {csv['peak_rss_mib']:6.1f} MiB "
            f"(+{csv['rss_growth_mib']:.1f} MiB while exporting)"
        )
    ratio_python = whole["peak_python_mib"] / max(tenth["peak_python_mib"], 1e-9)
    ratio_rss = whole["peak_rss_mib"] / max(tenth["peak_rss_mib"], 1e-9)
    lines.append(
        f"  CSV memory, all rows / 10%:  Python peak x{ratio_python:.2f}, RSS x{ratio_rss:.2f}"
    )
    return "\n".join(lines)


def main(arguments: list[str]) -> int:
    if arguments[:1] == ["--worker"]:
        job, payload = arguments[1], json.loads(arguments[2])
        if job == "timings":
            built = Built(
                payload["meeting_id"],
                date.fromisoformat(payload["first_day"]),
                date.fromisoformat(payload["last_day"]),
                date.fromisoformat(payload["ten_percent_from"]),
            )
            print(json.dumps(timings(built, payload["runs"])))
        else:
            print(
                json.dumps(
                    csv_memory(
                        date.fromisoformat(payload["start"]), date.fromisoformat(payload["end"])
                    )
                )
            )
        return 0
    parser = argparse.ArgumentParser(prog="python -m bench.summary")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--postgres-admin-url",
        default=os.environ.get(
            "BENCH_POSTGRES_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
        ),
    )
    parser.add_argument("--prefix", default="summary_bench")
    options = parser.parse_args(arguments)
    kinds = ("sqlite", "postgresql") if options.db == "both" else (options.db,)
    with tempfile.TemporaryDirectory(prefix="summary-bench-") as workdir:
        databases = Databases(Path(workdir), options.postgres_admin_url, options.prefix)
        for kind in kinds:
            with databases.fresh(kind, "summary") as url:
                print(report(measure(kind, url, options.items, options.runs)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
