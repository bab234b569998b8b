"""Measures the safeguarding disclosure screen on the labelled corpus.

    uv run python -m bench.screen [path/to/corpus.tsv]
    uv run python -m bench.screen --collisions /usr/share/dict/british-english

Prints recall and precision overall and per category, the counts, every miss and false alarm
(the corpus is text written for the test, so printing it is fine) and the time per text.
It is a measurement, not a test: it always exits 0. The test suite holds the targets.

With --collisions and a word list, it lists the real words that the misspelling tolerance would
turn into a different word, so that the harmful ones can be added to KEEP in the phrase list.
"""

import csv
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.safeguarding.screen import Category, ScreenResult, normalise, screen

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "safeguarding" / "corpus.tsv"
RECALL_TARGET = 0.98
PRECISION_TARGET = 0.7


@dataclass(frozen=True)
class Row:
    line: int  # line number in the corpus file, as an id
    disclosure: bool
    category: Category | None
    text: str


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0


@dataclass
class CategoryFigures:
    disclosures: int = 0  # rows labelled with this category
    flagged: int = 0  # of those, how many the screen flagged (with any category)
    named: int = 0  # of those, how many the screen gave this category
    said: int = 0  # rows the screen gave this category
    said_right: int = 0  # of those, how many are disclosures (of any category)

    @property
    def recall(self) -> float:
        return self.flagged / self.disclosures if self.disclosures else 1.0

    @property
    def precision(self) -> float:
        return self.said_right / self.said if self.said else 1.0


@dataclass
class Report:
    overall: Counts = field(default_factory=Counts)
    by_category: dict[Category, CategoryFigures] = field(
        default_factory=lambda: {c: CategoryFigures() for c in Category}
    )
    misses: list[Row] = field(default_factory=list)
    false_alarms: list[tuple[Row, ScreenResult]] = field(default_factory=list)


def load_corpus(path: Path = CORPUS) -> list[Row]:
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames != ["label", "category", "text"]:
            raise ValueError(f"{path}: the header must be label, category, text")
        for line, record in enumerate(reader, start=2):
            label, category, text = record["label"], record["category"], record["text"]
            if label not in ("disclosure", "benign"):
                raise ValueError(f"{path}:{line}: label must be disclosure or benign")
            if (label == "disclosure") != bool(category):
                raise ValueError(f"{path}:{line}: disclosures need a category, benign rows none")
            rows.append(
                Row(line, label == "disclosure", Category(category) if category else None, text)
            )
    return rows


def measure(rows: Sequence[Row]) -> Report:
    report = Report()
    for row in rows:
        result = screen(row.text)
        for said in result.categories:
            report.by_category[said].said += 1
            report.by_category[said].said_right += row.disclosure
        if row.disclosure:
            assert row.category is not None
            figures = report.by_category[row.category]
            figures.disclosures += 1
            figures.flagged += result.flagged
            figures.named += row.category in result.categories
            if result.flagged:
                report.overall.tp += 1
            else:
                report.overall.fn += 1
                report.misses.append(row)
        elif result.flagged:
            report.overall.fp += 1
            report.false_alarms.append((row, result))
        else:
            report.overall.tn += 1
    return report


def time_per_text(rows: Sequence[Row], rounds: int = 5) -> tuple[float, float]:
    """Mean microseconds per corpus text, and for a 2,000-character message."""
    texts = [row.text for row in rows]
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            screen(text)
    per_text = (time.perf_counter() - started) / (rounds * len(texts)) * 1e6
    long_text = " ".join(texts)[:2000]
    started = time.perf_counter()
    for _ in range(rounds * 10):
        screen(long_text)
    per_long = (time.perf_counter() - started) / (rounds * 10) * 1e6
    return per_text, per_long


def collisions(words: Sequence[str]) -> list[tuple[str, str]]:
    """Real words the screen reads as another word, other than a plain inflection of it."""
    found: list[tuple[str, str]] = []
    for word in sorted({w.strip().casefold() for w in words}):
        if not word.isascii() or not word.isalpha():
            continue
        read = normalise(word)
        if (
            read != word
            and " " not in read
            and not (read.startswith(word) or word.startswith(read))
        ):
            found.append((word, read))
    return found


def main(argv: Sequence[str]) -> int:
    if argv and argv[0] == "--collisions":
        if len(argv) != 2:
            print("usage: python -m bench.screen --collisions WORD_LIST")
            return 0
        words = Path(argv[1]).read_text(encoding="utf-8").splitlines()
        found = collisions(words)
        for word, read in found:
            print(f"{word} -> {read}")
        print(f"{len(found)} real words are read as another word (add harmful ones to KEEP)")
        return 0
    path = Path(argv[0]) if argv else CORPUS
    rows = load_corpus(path)
    report = measure(rows)
    overall = report.overall
    disclosures = sum(row.disclosure for row in rows)
    print(f"corpus: {path} ({len(rows)} rows: {disclosures} disclosures, "
          f"{len(rows) - disclosures} benign)")  # fmt: skip
    print()
    print(f"{'':24} {'recall':>7} {'precision':>9}  {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4}")
    print(
        f"{'overall':24} {overall.recall:7.3f} {overall.precision:9.3f}  "
        f"{overall.tp:4} {overall.fp:4} {overall.fn:4} {overall.tn:4}"
    )
    recall_ok = "ok" if overall.recall >= RECALL_TARGET else "BELOW TARGET"
    precision_ok = "ok" if overall.precision >= PRECISION_TARGET else "BELOW TARGET"
    print(f"{'targets':24} {RECALL_TARGET:7.2f} {PRECISION_TARGET:9.2f}  "
          f"recall {recall_ok}, precision {precision_ok}")  # fmt: skip
    print()
    print("per category (recall: labelled rows flagged at all; named: given this category;")
    print("precision: rows the screen put in this category that are disclosures)")
    print(f"{'category':24} {'n':>4} {'recall':>7} {'named':>7} {'said':>5} {'precision':>9}")
    for category, figures in report.by_category.items():
        named = figures.named / figures.disclosures if figures.disclosures else 1.0
        print(
            f"{category.value:24} {figures.disclosures:4} {figures.recall:7.3f} {named:7.3f} "
            f"{figures.said:5} {figures.precision:9.3f}"
        )
    print()
    print(f"missed disclosures (false negatives): {len(report.misses)}")
    for row in report.misses:
        print(f"  line {row.line} [{row.category}] {row.text}")
    print(f"false alarms (false positives): {len(report.false_alarms)}")
    for row, result in report.false_alarms:
        print(f"  line {row.line} {row.text}  <- {', '.join(result.matched)}")
    print()
    per_text, per_long = time_per_text(rows)
    print(f"time: {per_text:.0f} µs per corpus text, {per_long:.0f} µs for a 2,000-character text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
