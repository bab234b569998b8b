"""Samples of requests, and the figures one scenario reports: throughput, percentiles, errors."""

import math
from dataclasses import dataclass, field
from typing import Any

import httpx


def server_ms(header: str | None) -> float | None:
    """The duration in the `Server-Timing: app;dur=<ms>` header that bench.serve adds."""
    if not header or "dur=" not in header:
        return None
    return float(header.split("dur=", 1)[1].split(",", 1)[0].split(";", 1)[0])


@dataclass(frozen=True)
class Sample:
    seconds: float  # as the client saw it
    server_ms: float | None
    status: int  # 0 when the request never got an answer
    ok: bool


@dataclass
class Recorder:
    """Everything one scenario's requests did, in the order they finished."""

    samples: list[Sample] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def record(
        self, response: httpx.Response | None, seconds: float, *, expect: int, why: str = ""
    ) -> bool:
        status = response.status_code if response is not None else 0
        ok = status == expect
        timing = server_ms(response.headers.get("server-timing")) if response is not None else None
        self.samples.append(Sample(seconds, timing, status, ok))
        if not ok and len(self.problems) < 20:
            self.problems.append(
                f"{why or 'request'}: expected {expect}, got {status or 'no answer'}"
            )
        return ok

    def extend(self, other: "Recorder") -> None:
        self.samples.extend(other.samples)
        self.problems.extend(other.problems[: max(0, 20 - len(self.problems))])

    def failed(self, why: str) -> None:
        """A check on a good answer failed (a receipt without its reference, say)."""
        self.samples.append(Sample(0.0, None, 200, False))
        if len(self.problems) < 20:
            self.problems.append(why)


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


@dataclass
class Figures:
    """One row of the table and of the JSON file."""

    scenario: str
    db: str
    processes: int
    requests: int = 0
    seconds: float = 0.0
    throughput: float = 0.0  # requests per second
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    server_p95_ms: float | None = None
    errors: int = 0
    server_errors: int = 0  # 5xx
    lost: int | None = None
    duplicated: int | None = None
    ratio: float | None = None
    target: str = ""
    ok: bool | None = None
    notes: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(
        cls, scenario: str, db: str, processes: int, recorder: Recorder, seconds: float
    ) -> "Figures":
        timed = [s.seconds * 1000 for s in recorder.samples if s.status]
        server = [s.server_ms for s in recorder.samples if s.server_ms is not None]
        figures = cls(
            scenario=scenario,
            db=db,
            processes=processes,
            requests=len(recorder.samples),
            seconds=round(seconds, 2),
            throughput=round(len(recorder.samples) / seconds, 1) if seconds else 0.0,
            p50_ms=round(percentile(timed, 0.50), 1),
            p95_ms=round(percentile(timed, 0.95), 1),
            p99_ms=round(percentile(timed, 0.99), 1),
            server_p95_ms=round(percentile(server, 0.95), 1) if server else None,
            errors=sum(1 for s in recorder.samples if not s.ok),
            server_errors=sum(1 for s in recorder.samples if s.status >= 500),
        )
        if recorder.problems:
            figures.notes["problems"] = recorder.problems
        return figures

    def judge(self, target: str, ok: bool, ratio: float | None = None) -> None:
        """Adds a target; a row with several targets is ok only if every one is."""
        self.target = f"{self.target}; {target}" if self.target else target
        self.ok = ok if self.ok is None else self.ok and ok
        if not ok:
            self.notes.setdefault("missed", []).append(target)
        if ratio is not None:
            self.ratio = round(ratio, 2)
