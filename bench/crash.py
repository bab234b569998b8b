"""Kill -9 the app during a burst of submissions: no acknowledged item is lost (RL-01).

    uv run python -m bench.crash                 # SQLite and PostgreSQL, 3 rounds each
    uv run python -m bench.crash --db sqlite --rounds 1 --seconds 2

Each round starts the app on a fresh database, lets `--senders` young people send as fast as they
can, and sends SIGKILL to the server after a random moment: requests in flight die with it. The
app is started again on the same database, and every receipt a young person saw must match a
stored item (same form key, same reference); nothing may be stored twice. Exits 1 otherwise.
"""

import argparse
import asyncio
import random
import secrets
import sys
import tempfile
from pathlib import Path

from bench.scenarios import Submissions, closed_loop
from bench.seed import check_receipts
from bench.servers import Databases, Server

POSTGRES_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


async def _burst_then_kill(
    server: Server, senders: Submissions, concurrency: int, at: float
) -> int:
    """Sends until the server dies at `at` seconds; returns how many requests got no receipt."""

    async def kill_later() -> None:
        await asyncio.sleep(at)
        server.kill()

    killer = asyncio.create_task(kill_later())
    recorder, _ = await closed_loop(
        server.base_url, senders, concurrency=concurrency, seconds=at + 1.0
    )
    await killer
    return sum(1 for sample in recorder.samples if not sample.ok)


def one_round(kind: str, databases: Databases, args: argparse.Namespace, number: int) -> bool:
    secret = secrets.token_hex(32)
    with databases.fresh(kind, f"crash{number}") as url:
        server = Server(
            "app.main:create_app", url, 1, databases.workdir / f"{kind}-{number}.log", secret
        )
        server.start()
        server.wait_ready()
        senders = Submissions(secret_key=secret)
        at = random.uniform(args.seconds / 2, args.seconds)  # noqa: S311 (timing, not security)
        failed = asyncio.run(_burst_then_kill(server, senders, args.senders, at))
        with server.running():  # the same database, after the crash
            ledger = check_receipts(url, senders.receipts, senders.sent_keys)
    ok = ledger.lost == 0 and ledger.duplicated == 0
    print(
        f"{kind} round {number}: killed after {at:.1f} s; {len(senders.receipts)} receipts, "
        f"{failed} requests cut off or refused, {ledger.unreceipted} stored without a receipt, "
        f"lost {ledger.lost}, duplicated {ledger.duplicated}: {'ok' if ok else 'FAILED'}"
    )
    return ok


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.crash")
    parser.add_argument("--db", choices=("sqlite", "postgresql"), action="append")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--senders", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--postgres", default=POSTGRES_ADMIN)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="crash-") as folder:
        databases = Databases(Path(folder), args.postgres, "crash")
        results = [
            one_round(kind, databases, args, number)
            for kind in args.db or ["sqlite", "postgresql"]
            for number in range(1, args.rounds + 1)
        ]
    print("no acknowledged item lost" if all(results) else "FAILED: see the rounds above")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
