"""What a young person's phone downloads on a first visit, measured in a real browser.

Debian's Chromium (never a downloaded browser), through Playwright, with the browser tests'
launch flags and phone viewport. Each page opens in a fresh context (no cache, no cookies); the
Chrome DevTools Protocol reports every request and the bytes it took on the wire.

    uv run python -m bench.page_weight   # on a fresh SQLite database, one app process

Targets: under 60 KB in total (HTML, CSS, JS, compressed), fewer than 6 requests, no web fonts,
and HTML, CSS and JavaScript sent compressed.
"""

import secrets
import sys
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from bench.servers import Databases, Server

with warnings.catch_warnings():
    # The browser tests' module also loads their loopback IdP, whose Authlib APIs are deprecated
    # (Authlib turns its own warnings on when imported, so it is imported first, then quietened).
    from authlib.deprecate import AuthlibDeprecationWarning

    warnings.simplefilter("ignore", AuthlibDeprecationWarning)
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE

PAGES = ("/", "/say", "/my", "/check", "/help", "/sign-in")
MAX_BYTES = 60 * 1024
MAX_REQUESTS = 5  # "under 6"
TEXT_TYPES = frozenset({"Document", "Stylesheet", "Script"})
FONT_ENDINGS = (".woff", ".woff2", ".ttf", ".otf", ".eot")


@dataclass
class PageWeight:
    path: str
    transferred: int = 0  # bytes on the wire, headers included
    requests: list[str] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    uncompressed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.transferred < MAX_BYTES
            and len(self.requests) <= MAX_REQUESTS
            and not self.fonts
            and not self.uncompressed
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "transferred_bytes": self.transferred,
            "requests": self.requests,
            "fonts": self.fonts,
            "uncompressed": self.uncompressed,
            "target": f"< {MAX_BYTES // 1024} KB, < {MAX_REQUESTS + 1} requests, no fonts, "
            "compressed",
            "ok": self.ok,
        }


def measure(base_url: str) -> list[PageWeight]:
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            return [_weigh(browser, base_url, path) for path in PAGES]
        finally:
            browser.close()


def _weigh(browser: Any, base_url: str, path: str) -> PageWeight:
    weight = PageWeight(path)
    context = browser.new_context(viewport=PHONE, locale="en-GB")
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls: dict[str, str] = {}

    def requested(event: dict[str, Any]) -> None:
        url = event["request"]["url"]
        if not url.startswith("data:"):
            urls[event["requestId"]] = url
            weight.requests.append(url.removeprefix(base_url))

    def answered(event: dict[str, Any]) -> None:
        response = event["response"]
        url = response["url"].removeprefix(base_url)
        headers = {name.lower(): value for name, value in response["headers"].items()}
        if event["type"] == "Font" or response["url"].lower().endswith(FONT_ENDINGS):
            weight.fonts.append(url)
        encoded = headers.get("content-encoding", "")
        if event["type"] in TEXT_TYPES and encoded not in {"gzip", "br", "zstd", "deflate"}:
            weight.uncompressed.append(url)

    def finished(event: dict[str, Any]) -> None:
        if event["requestId"] in urls:
            weight.transferred += int(event["encodedDataLength"])

    devtools.on("Network.requestWillBeSent", requested)
    devtools.on("Network.responseReceived", answered)
    devtools.on("Network.loadingFinished", finished)
    page.goto(base_url + path, wait_until="networkidle")
    context.close()
    return weight


def print_table(weights: list[PageWeight]) -> None:
    print(f"{'page':<10} {'KB':>6} {'requests':>8}  fonts  compressed  target  ")
    for weight in weights:
        print(
            f"{weight.path:<10} {weight.transferred / 1024:>6.1f} {len(weight.requests):>8}  "
            f"{len(weight.fonts):>5}  {'yes' if not weight.uncompressed else 'NO':>10}  "
            f"{'ok' if weight.ok else 'MISSED'}"
        )


def on_fresh_app(workdir: Path, secret_key: str) -> list[PageWeight]:
    """Measures every page on the app, one process, on a fresh SQLite database."""
    databases = Databases(workdir, postgres_admin_url="", prefix="bench")
    with databases.fresh("sqlite", "weight") as url:
        server = Server("bench.serve:create_app", url, 1, workdir / "weight.log", secret_key)
        with server.running():
            return measure(server.base_url)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-weight-") as folder:
        weights = on_fresh_app(Path(folder), secrets.token_hex(32))
    print_table(weights)
    return 0 if all(weight.ok for weight in weights) else 1


if __name__ == "__main__":
    sys.exit(main())
