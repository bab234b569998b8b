"""Fresh databases and app processes for the bench: each scenario gets its own of both.

SQLite: a file in a temporary directory, served by one process (SQLite has one writer).
PostgreSQL: a database made for the scenario and dropped after it, served by several processes
that share rate-limit counters through Redis.
"""

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from app.config import ROOT

START_SECONDS = 60.0
#: Raised so that hundreds of simulated young people on one address (127.0.0.1) are not limited.
RAISED_LIMITS = {
    "SUBMISSIONS_PER_HOUR": "1000000",
    "SUBMISSIONS_PER_HOUR_PER_ADDRESS": "1000000",
    "SIGN_IN_ATTEMPTS_PER_MINUTE": "1000000",
    "SIGN_IN_ATTEMPTS_PER_MINUTE_PER_ADDRESS": "1000000",
}
LOCKED = re.compile(rb"database is locked", re.IGNORECASE)
RAISED = re.compile(rb"^[\w.]*(?:Error|Exception): .*$", re.MULTILINE)


@dataclass(frozen=True)
class Databases:
    """Where fresh databases come from."""

    workdir: Path
    postgres_admin_url: str  # a maintenance database on the server, e.g. .../postgres
    prefix: str  # PostgreSQL databases are named <prefix>_<pid>_<scenario>

    @contextmanager
    def fresh(self, kind: str, scenario: str) -> Iterator[str]:
        """A migrated, empty database of `kind`; dropped afterwards (PostgreSQL)."""
        if kind == "sqlite":
            url = f"sqlite:///{self.workdir / f'{scenario}.db'}"
            migrate(url)
            yield url
            return
        name = f"{self.prefix}_{os.getpid()}_{scenario}".lower()
        admin = sa.create_engine(self.postgres_admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                # The name is ours (prefix, pid and a fixed scenario word), never user input.
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
            url = admin.url.set(database=name).render_as_string(hide_password=False)
            migrate(url)
            yield url
        finally:
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.dispose()


def migrate(url: str) -> None:
    """The schema the way production makes it: every migration, in order."""
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["database_url"] = url
    command.upgrade(config, "head")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def redis_answers(url: str | None) -> bool:
    if not url:
        return False
    match = re.match(r"redis://([^:/]+):?(\d+)?", url)
    if match is None:
        return False
    try:
        socket.create_connection((match[1], int(match[2] or 6379)), timeout=1).close()
    except OSError:
        return False
    return True


@dataclass
class Server:
    """One uvicorn command (with `processes` workers) serving `factory` on a free port."""

    factory: str  # "bench.serve:create_app" or "bench.serve:create_baseline"
    database_url: str
    processes: int
    log: Path
    secret_key: str
    redis_url: str | None = None
    raised_limits: bool = True  # False: the council's real limits (the rate-limit test)
    port: int = field(default_factory=free_port)
    started_at: float = 0.0
    _process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def environment(self) -> dict[str, str]:
        env = {
            **os.environ,
            **(RAISED_LIMITS if self.raised_limits else {}),
            "APP_ENV": "test",
            "SECRET_KEY": self.secret_key,
            "DATABASE_URL": self.database_url,
            "BASE_URL": self.base_url,
            "DEMO_SIGN_IN": "false",
        }
        for name in ("REDIS_URL", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"):
            env.pop(name, None)
        if self.redis_url:
            env["REDIS_URL"] = self.redis_url
        return env

    def start(self) -> None:
        command = [
            *(sys.executable, "-m", "uvicorn", self.factory, "--factory"),
            *("--host", "127.0.0.1", "--port", str(self.port), "--no-server-header"),
        ]
        if self.processes > 1:
            command += ["--workers", str(self.processes)]
        self.started_at = time.perf_counter()
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
                command, cwd=ROOT, env=self.environment(), stdout=log, stderr=subprocess.STDOUT
            )

    def wait_ready(self) -> float:
        """Seconds from start until /readyz first answers 200."""
        assert self._process is not None
        deadline = self.started_at + START_SECONDS
        with httpx.Client(timeout=2) as client:
            while time.perf_counter() < deadline and self._process.poll() is None:
                try:
                    if client.get(f"{self.base_url}/readyz").status_code == 200:
                        return time.perf_counter() - self.started_at
                except httpx.TransportError:
                    pass
                time.sleep(0.02)
        tail = self.log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"{self.factory} did not become ready (log {self.log}):\n{tail}")

    def stop(self) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process = None

    def kill(self) -> None:
        """SIGKILL, as a crash or an out-of-memory kill would: no shutdown, nothing flushed."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None

    def locked_count(self) -> int:
        """How often the server logged SQLite's "database is locked"."""
        return len(LOCKED.findall(self.log.read_bytes())) if self.log.exists() else 0

    def first_error(self) -> str | None:
        """The first exception the server logged, to say why a request failed."""
        found = RAISED.search(self.log.read_bytes()) if self.log.exists() else None
        return found[0].decode("utf-8", errors="replace")[:300] if found else None

    @contextmanager
    def running(self) -> Iterator["Server"]:
        self.start()
        try:
            self.wait_ready()
            yield self
        finally:
            self.stop()
