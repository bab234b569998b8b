"""The load: simulated young people and staff, as asyncio tasks sending real HTTP with httpx.

Two shapes of load:
- `closed_loop`: a fixed number of clients each send the next request as soon as the last one is
  answered, for a fixed time. It finds how much a server can do, so it is how the app and the
  baseline are compared (same clients, same time, same machine, same run).
- `event`: young people arrive at random over the burst (hundreds scanning one QR code), each
  opening the form, sending it, reading the receipt and voting with a printed code, while staff
  keep working. It checks that nothing is lost or doubled, and how slow it gets.
"""

import asyncio
import random
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from time import perf_counter

import httpx

from app.config import Settings
from app.security import csrf_token_for
from bench.seed import Receipt
from bench.stats import Recorder

COOKIE = "sd_session"  # over plain http the app's cookie has no __Host- prefix
YOUNG_PERSONS_PAGES = ("/", "/say", "/check", "/help", "/my")
WORDS = (
    "the wifi in my placement is rubbish",
    "I want to choose who comes to my review",
    "bus passes should not run out in the holidays",
    "more help with money when I move into my own flat",
    "can the council pay for driving lessons",
    "I wish my social worker texted back",
)
#: One in this many simulated young people double-taps Send (both taps must get one item).
DOUBLE_TAP_EVERY = 10
#: One in this many ticks "I am not safe", which opens a safeguarding case as it would for real.
NOT_SAFE_EVERY = 50


def new_client(base_url: str, cookie: str | None = None) -> httpx.AsyncClient:
    """One phone (or laptop): its own cookies and connection; compressed answers accepted."""
    client = httpx.AsyncClient(base_url=base_url, timeout=60, headers={"accept-encoding": "gzip"})
    if cookie:
        client.cookies.set(COOKIE, cookie)
    return client


async def send(
    client: httpx.AsyncClient,
    recorder: Recorder,
    method: str,
    url: str,
    *,
    expect: int,
    why: str,
    data: dict[str, str] | None = None,
) -> httpx.Response | None:
    """One timed request; None when it failed (recorded with the reason)."""
    started = perf_counter()
    try:
        response = await client.request(method, url, data=data)
    except httpx.HTTPError as error:
        recorder.record(None, perf_counter() - started, expect=expect, why=f"{why}: {error!r}")
        return None
    ok = recorder.record(response, perf_counter() - started, expect=expect, why=why)
    return response if ok else None


class FormReader(HTMLParser):
    """The hidden fields, text boxes and radio choices of the form that posts to `action`."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action = action
        self.inside = False
        self.hidden: dict[str, str] = {}
        self.boxes: list[str] = []
        self.choices: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.inside = found.get("action") == self.action
        elif tag == "input" and self.inside and "name" in found:
            if found.get("type") == "hidden":
                self.hidden[found["name"]] = found.get("value", "")
            elif found.get("type") == "radio":
                self.choices.setdefault(found["name"], []).append(found.get("value", ""))
            elif found.get("type", "text") == "text":
                self.boxes.append(found["name"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False


def read_form(html: str, action: str) -> FormReader:
    reader = FormReader(action)
    reader.feed(html)
    return reader


# Closed loops: capacity, app against baseline ------------------------------------------------

Step = Callable[[httpx.AsyncClient, Recorder, int], Awaitable[None]]


async def closed_loop(
    base_url: str, step: Step, *, concurrency: int, seconds: float
) -> tuple[Recorder, float]:
    """`concurrency` clients repeat `step` for `seconds`; returns what they saw and how long."""
    recorder = Recorder()
    deadline = perf_counter() + seconds

    async def client_loop() -> None:
        async with new_client(base_url) as client:
            turn = 0
            while perf_counter() < deadline:
                await step(client, recorder, turn)
                turn += 1

    started = perf_counter()
    await asyncio.gather(*(client_loop() for _ in range(concurrency)))
    return recorder, perf_counter() - started


async def baseline_page(client: httpx.AsyncClient, recorder: Recorder, _turn: int) -> None:
    await send(client, recorder, "GET", "/html", expect=200, why="baseline page")


async def baseline_insert(client: httpx.AsyncClient, recorder: Recorder, turn: int) -> None:
    words = f"{WORDS[turn % len(WORDS)]} ({secrets.token_hex(4)})"
    await send(
        client, recorder, "POST", "/insert", expect=201, why="baseline insert", data={"body": words}
    )


async def young_persons_page(client: httpx.AsyncClient, recorder: Recorder, turn: int) -> None:
    path = YOUNG_PERSONS_PAGES[turn % len(YOUNG_PERSONS_PAGES)]
    await send(client, recorder, "GET", path, expect=200, why=f"GET {path}")


@dataclass
class Submissions:
    """POST /say alone, as fast as it goes: each POST is a new visitor whose session cookie and
    CSRF token the bench makes itself (the app's own HMAC, with the run's secret), so no GET is
    timed with it, as the baseline times its INSERT alone."""

    secret_key: str
    receipts: list[Receipt] = field(default_factory=list)
    sent_keys: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._settings = Settings(secret_key=self.secret_key)

    async def __call__(self, client: httpx.AsyncClient, recorder: Recorder, turn: int) -> None:
        session_id = secrets.token_urlsafe(32)
        client.cookies.clear()
        client.cookies.set(COOKIE, session_id)
        key = secrets.token_urlsafe(24)
        words = f"{WORDS[turn % len(WORDS)]} ({key[:8]})"
        self.sent_keys.append(key)
        data = {
            "csrf_token": csrf_token_for(session_id, self._settings),
            "form_key": key,
            "body": words,
            "theme": "",
            "may_share": "no",
        }
        response = await send(
            client, recorder, "POST", "/say", expect=303, why="POST /say", data=data
        )
        if response is not None:
            self.receipts.append(Receipt(key, _reference(response), words))


def _reference(response: httpx.Response) -> str:
    """SD-XXXX-XXXX from the receipt's address, /said/SD-XXXX-XXXX?sent=1."""
    location = str(response.headers.get("location", ""))
    return location.split("/said/", 1)[-1].split("?", 1)[0]


# The event: young people arrive in a burst while staff work ----------------------------------

#: Voting in an open round, as a young person at the event would: called after the receipt.
Voting = Callable[[httpx.AsyncClient, Recorder, int], Awaitable[None]]


@dataclass
class CodeVoting:
    """Votes with the printed code each young person is handed at the event (no account): opens
    /vote/code?c=..., sends the code, then the ballot (two votes on one option, one on another)."""

    codes: list[str]
    confirmed: list[str] = field(default_factory=list)

    async def __call__(self, client: httpx.AsyncClient, recorder: Recorder, number: int) -> None:
        code = self.codes[number % len(self.codes)]
        opened = await send(
            client, recorder, "GET", f"/vote/code?c={code}", expect=200, why="GET /vote/code"
        )
        if opened is None:
            return
        data = {**read_form(opened.text, "/vote/code").hidden, "code": code}
        ballot = await send(
            client, recorder, "POST", "/vote/code", expect=200, why="POST code", data=data
        )
        if ballot is None:
            return
        form = read_form(ballot.text, "/vote/code")
        options = [name for name in form.boxes if name.startswith("votes-")]
        if len(options) < 2:
            recorder.failed("the ballot shows fewer than two options")
            return
        data = {**form.hidden, options[0]: "2", options[1]: "1"}
        cast = await send(
            client, recorder, "POST", "/vote/code", expect=303, why="POST ballot", data=data
        )
        if cast is not None:
            self.confirmed.append(code)


@dataclass(frozen=True)
class StaffPage:
    name: str  # the row in the table
    path: str
    cookie: str  # a signed-in staff session


@dataclass
class EventRun:
    steps: dict[str, Recorder] = field(
        default_factory=lambda: {name: Recorder() for name in ("open form", "send", "receipt")}
    )
    staff: dict[str, Recorder] = field(default_factory=dict)
    receipts: list[Receipt] = field(default_factory=list)
    sent_keys: list[str] = field(default_factory=list)
    seconds: float = 0.0


async def young_person(
    base_url: str, run: EventRun, number: int, rng: random.Random, voting: Voting | None
) -> None:
    """Opens /say, sends it (sometimes with a double tap), reads the receipt, maybe votes."""
    async with new_client(base_url) as client:
        form_page = await send(
            client, run.steps["open form"], "GET", "/say", expect=200, why="GET /say"
        )
        if form_page is None:
            return
        form = read_form(form_page.text, "/say")
        words = f"{rng.choice(WORDS)} (event {number})"
        data = {
            **form.hidden,
            "body": words,
            "theme": rng.choice(form.choices.get("theme", [""])),
            "may_share": rng.choice(("yes", "no")),
        }
        if number % NOT_SAFE_EVERY == NOT_SAFE_EVERY - 1:
            data["wants_contact"] = "yes"
        key = data.get("form_key", "")
        run.sent_keys.append(key)
        taps = 2 if number % DOUBLE_TAP_EVERY == 0 else 1
        sent = await asyncio.gather(
            *(
                send(
                    client,
                    run.steps["send"],
                    "POST",
                    "/say",
                    expect=303,
                    why="POST /say",
                    data=data,
                )
                for _ in range(taps)
            )
        )
        references = {_reference(response) for response in sent if response is not None}
        if len(references) > 1:
            run.steps["send"].failed(f"one form, two receipts: {sorted(references)}")
        for reference in sorted(references):
            receipt = await send(
                client,
                run.steps["receipt"],
                "GET",
                f"/said/{reference}?sent=1",
                expect=200,
                why="GET receipt",
            )
            if receipt is None:
                continue
            if reference not in receipt.text:
                run.steps["receipt"].failed(f"the receipt does not show {reference}")
                continue
            run.receipts.append(Receipt(key, reference, words))
        if voting is not None:
            await voting(client, run.steps.setdefault("vote", Recorder()), number)


async def staff_member(
    base_url: str, pages: list[StaffPage], run: EventRun, until: asyncio.Event, pause: float
) -> None:
    """An officer (or councillor) going round their pages while the event runs."""
    clients = {page.cookie: new_client(base_url, page.cookie) for page in pages}
    try:
        while not until.is_set():
            for page in pages:
                recorder = run.staff.setdefault(page.name, Recorder())
                await send(
                    clients[page.cookie], recorder, "GET", page.path, expect=200, why=page.name
                )
                await asyncio.sleep(pause)
    finally:
        for client in clients.values():
            await client.aclose()


async def event(
    base_url: str,
    *,
    users: int,
    seconds: float,
    staff: list[StaffPage],
    staff_members: int,
    voting: Voting | None = None,
    seed: int = 9,
) -> EventRun:
    """`users` young people arriving at random over `seconds`, with staff working throughout."""
    rng = random.Random(seed)  # noqa: S311 (arrival times and words, not security)
    arrivals = sorted(rng.uniform(0, seconds) for _ in range(users))
    run = EventRun()
    done = asyncio.Event()
    started = perf_counter()

    async def arrive(number: int, at: float) -> None:
        await asyncio.sleep(max(0.0, started + at - perf_counter()))
        await young_person(base_url, run, number, random.Random(seed + number), voting)  # noqa: S311

    working = [
        asyncio.create_task(staff_member(base_url, staff, run, done, pause=0.5))
        for _ in range(staff_members if staff else 0)
    ]
    await asyncio.gather(*(arrive(number, at) for number, at in enumerate(arrivals)))
    run.seconds = perf_counter() - started
    done.set()
    await asyncio.gather(*working)
    return run


async def one_by_one(base_url: str, page: StaffPage, count: int) -> tuple[Recorder, float]:
    """`count` requests in a row from one client: the page's own time, with nothing else on."""
    recorder = Recorder()
    started = perf_counter()
    async with new_client(base_url, page.cookie) as client:
        for _ in range(count):
            await send(client, recorder, "GET", page.path, expect=200, why=page.name)
    return recorder, perf_counter() - started
