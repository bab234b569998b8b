"""What a browser test watches on every page, and the axe-core accessibility check.

Every page a test opens is a `Tab`: it records Content Security Policy reports from the
console, uncaught page errors, every request the browser made, and server errors, so a
test can assert that none of them happened (`Tab.assert_clean`).

`check_axe` runs axe-core in the page. axe is injected with `page.evaluate`, which the
page's CSP does not govern, so the app needs no exception for it. A context with
JavaScript off cannot run axe (Chromium never runs the promise jobs axe waits for), so
there the page's current DOM is replayed, with every <script> removed, into a fresh
JavaScript-on page at the same URL and viewport: same markup, same stylesheets, no page
scripts, which is exactly what a visitor without JavaScript gets.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypedDict
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response, Route
from playwright.sync_api import Error as PlaywrightError

from app.config import ROOT

AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)

_RUN_AXE = """
async (tags) => {
  const results = await window.axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  });
  return {
    violations: results.violations.map((rule) => ({
      id: rule.id,
      impact: rule.impact,
      help: rule.help,
      nodes: rule.nodes.map((node) => ({
        target: node.target.map(String).join(" "),
        summary: node.failureSummary || "",
      })),
    })),
    incomplete: results.incomplete.map((rule) => rule.id),
    passes: results.passes.length,
  };
}
"""


class AxeNode(TypedDict):
    target: str
    summary: str


class AxeViolation(TypedDict):
    id: str
    impact: str | None
    help: str
    nodes: list[AxeNode]


class AxeResults(TypedDict):
    violations: list[AxeViolation]
    incomplete: list[str]
    passes: int


_axe_source_cache: list[str] = []


def axe_source() -> str:
    if not _axe_source_cache:
        if not AXE_SOURCE.is_file():
            raise AssertionError(f"{AXE_SOURCE} is missing: run `npm ci` first")
        _axe_source_cache.append(AXE_SOURCE.read_text(encoding="utf-8"))
    return _axe_source_cache[0]


@dataclass
class Tab:
    """One browser page of the app, and everything that went wrong while it was open."""

    page: Page
    base_url: str
    javascript: bool
    csp_reports: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    axe_log: list[str] = field(default_factory=list)

    def __repr__(self) -> str:  # short, for assertion messages
        return f"Tab({self.label}, {self.page.url})"

    @classmethod
    def open(cls, page: Page, base_url: str, *, javascript: bool) -> Tab:
        tab = cls(page=page, base_url=base_url, javascript=javascript)
        page.on("console", tab._on_console)
        page.on("pageerror", tab._on_page_error)
        page.on("request", tab._on_request)
        page.on("response", tab._on_response)
        return tab

    def _on_console(self, message: ConsoleMessage) -> None:
        if "content security policy" in message.text.lower():
            self.csp_reports.append(message.text)

    def _on_page_error(self, error: PlaywrightError) -> None:
        self.page_errors.append(f"{error.name}: {error.message}")

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _on_response(self, response: Response) -> None:
        if not response.url.startswith(self.base_url):
            return
        document = response.request.resource_type == "document"
        # Form pages answer 4xx on purpose; a missing stylesheet or script never should.
        if response.status >= 500 or (response.status >= 400 and not document):
            self.server_errors.append(f"{response.status} {response.request.method} {response.url}")

    @property
    def label(self) -> str:
        return "JavaScript on" if self.javascript else "JavaScript off"

    def url(self, path: str) -> str:
        return self.base_url + path

    @property
    def path(self) -> str:
        parts = urlsplit(self.page.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def goto(self, path: str) -> None:
        response = self.page.goto(self.url(path))
        assert response is not None, f"no response for {path}"
        assert response.ok, f"{path} answered {response.status}"

    def assert_clean(self) -> None:
        problems = [
            *(f"CSP: {text}" for text in self.csp_reports),
            *(f"page error: {text}" for text in self.page_errors),
            *(f"server: {text}" for text in self.server_errors),
        ]
        assert not problems, f"problems in the browser ({self.label}):\n" + "\n".join(problems)


def _run_axe_here(page: Page) -> AxeResults:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    results: AxeResults = page.evaluate(_RUN_AXE, AXE_TAGS)
    return results


def _run_axe_on_replay(page: Page) -> AxeResults:
    """The page as a no-JavaScript visitor has it, in a page that can run axe (see top)."""
    html = _SCRIPT.sub("", page.content())
    url = page.url
    browser = page.context.browser
    assert browser is not None
    context = browser.new_context(viewport=page.viewport_size, java_script_enabled=True)
    try:

        def serve_snapshot(route: Route) -> None:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

        context.route(lambda requested: requested == url, serve_snapshot)
        replay = context.new_page()
        replay.goto(url)
        return _run_axe_here(replay)
    finally:
        context.close()


def format_violations(violations: list[AxeViolation]) -> str:
    lines = []
    for rule in violations:
        lines.append(f"- {rule['id']} [{rule['impact']}] {rule['help']}")
        for node in rule["nodes"]:
            summary = " ".join(node["summary"].split())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


def check_axe(tab: Tab, name: str) -> AxeResults:
    """No WCAG 2.2 A/AA violations on the page as it is now; CSP and script errors too."""
    results = _run_axe_here(tab.page) if tab.javascript else _run_axe_on_replay(tab.page)
    violations = results["violations"]
    tab.axe_log.append(
        f"axe {name} ({tab.label}): {len(violations)} violations, "
        f"{results['passes']} rules passed, needs review: {results['incomplete'] or 'none'}"
    )
    print(tab.axe_log[-1])  # shown with `pytest -rP`: the per-page record
    assert not violations, (
        f"axe found {len(violations)} violation(s) on {name} ({tab.label}, {tab.page.url}):\n"
        + format_violations(violations)
    )
    tab.assert_clean()
    return results


ContextFactory = Callable[..., BrowserContext]  # new_context(javascript=..., viewport=...)
TabOpener = Callable[[BrowserContext], Tab]  # open_tab(context)
