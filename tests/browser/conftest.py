"""Real-browser fixtures: the app under uvicorn, a loopback IdP, and Debian's Chromium.

The app runs in its own process on the test database (already migrated by the
`migrated_database` fixture), so the autouse `empty_tables` fixture still empties what
the server wrote after every test, and the `db` fixture sees what it committed.

The server, the IdP and the browser are shared by every test in this package. They are
package-scoped rather than session-scoped: the Playwright sync API keeps an asyncio loop
marked as running in this thread while it is alive, so it is stopped as soon as the
browser tests are done, before any other test that starts an event loop runs.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Generator, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Playwright, ViewportSize, sync_playwright

from app.config import ROOT
from tests.browser.helpers import ContextFactory, Tab, TabOpener, axe_source
from tests.support.idp import LoopbackIdP
from tests.support.sentinels import carries_sentinel

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # Hermetic: no name resolves except the loopback address the app and the IdP use.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
PHONE: ViewportSize = {"width": 360, "height": 740}
SERVER_START_SECONDS = 20.0

SERVER_LOG = pytest.StashKey[tuple[Path, int]]()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="package")
def app_port() -> int:
    """Chosen before the IdP starts: the IdP must know the app's callback URL."""
    return _free_port()


@pytest.fixture(scope="package")
def idp(app_port: int) -> Iterator[LoopbackIdP]:
    callback = f"http://127.0.0.1:{app_port}/staff/sign-in/callback"
    with LoopbackIdP(redirect_uris=[callback]) as provider:
        yield provider


@pytest.fixture(scope="package")
def server_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("app-server") / "uvicorn.log"


@pytest.fixture(scope="package")
def base_url(
    migrated_database: str, idp: LoopbackIdP, app_port: int, server_log: Path
) -> Iterator[str]:
    """The app under uvicorn on 127.0.0.1; its output goes to `server_log`."""
    url = f"http://127.0.0.1:{app_port}"
    env = {
        **os.environ,
        "APP_ENV": "test",
        "DATABASE_URL": migrated_database,
        "SECRET_KEY": os.environ["SECRET_KEY"],
        "BASE_URL": url,
        "OIDC_ISSUER": idp.issuer,
        "OIDC_CLIENT_ID": idp.client_id,
        "OIDC_CLIENT_SECRET": idp.client_secret,
    }
    for name in ("REDIS_URL", "DEMO_SIGN_IN"):
        env.pop(name, None)
    command = [
        *(sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory"),
        *("--host", "127.0.0.1", "--port", str(app_port), "--no-server-header"),
    ]
    with server_log.open("wb") as log:
        server = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        _wait_until_healthy(url, server, server_log)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    output = server_log.read_text(encoding="utf-8", errors="replace")
    assert not carries_sentinel(output), "a sentinel string reached the app server's output"


def _wait_until_healthy(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    with httpx.Client(timeout=1) as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                break
            try:
                if client.get(f"{url}/healthz").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
    output = log.read_text(encoding="utf-8", errors="replace")[-4000:]
    raise RuntimeError(f"the app server did not answer /healthz (log {log}):\n{output}")


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package")
    axe_source()  # fail early, with a clear message, if axe-core is not installed
    chromium = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield chromium
    chromium.close()


@pytest.fixture
def javascript_of() -> dict[BrowserContext, bool]:
    """Whether each context made in this test runs JavaScript."""
    return {}


@pytest.fixture
def new_context(
    browser: Browser, javascript_of: dict[BrowserContext, bool]
) -> Iterator[ContextFactory]:
    """Fresh browser profiles (no cookies, no storage), closed after the test."""

    def make(*, javascript: bool = True, viewport: ViewportSize = PHONE) -> BrowserContext:
        context = browser.new_context(
            viewport=viewport, java_script_enabled=javascript, locale="en-GB"
        )
        context.set_default_timeout(10_000)
        javascript_of[context] = javascript
        return context

    yield make
    for context in javascript_of:
        context.close()


@pytest.fixture
def js_context(new_context: ContextFactory) -> BrowserContext:
    return new_context(javascript=True)


@pytest.fixture(params=[True, False], ids=["js-on", "js-off"])
def any_context(request: pytest.FixtureRequest, new_context: ContextFactory) -> BrowserContext:
    """Every journey works with JavaScript on and off."""
    javascript: bool = request.param
    return new_context(javascript=javascript)


@pytest.fixture
def open_tab(
    request: pytest.FixtureRequest,
    base_url: str,
    server_log: Path,
    javascript_of: dict[BrowserContext, bool],
) -> TabOpener:
    """A watched page of the app in the given context (see `Tab`)."""
    request.node.stash[SERVER_LOG] = (server_log, server_log.stat().st_size)

    def open_in(context: BrowserContext) -> Tab:
        return Tab.open(context.new_page(), base_url, javascript=javascript_of[context])

    return open_in


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item,
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """A failed browser test's report ends with what the app server logged meanwhile."""
    report: pytest.TestReport = yield
    if report.when == "call" and report.failed and SERVER_LOG in item.stash:
        path, start = item.stash[SERVER_LOG]
        with path.open("rb") as log:
            log.seek(start)
            written = log.read().decode("utf-8", errors="replace")
        report.sections.append((f"app server log ({path})", written[-6000:]))
    return report
