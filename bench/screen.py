"""Measures the safeguarding disclosure screen: recall and precision, honestly.

    uv run python -m bench.screen            # training file (cross-validated) and held-out set
    uv run python -m bench.screen FILE.tsv   # also any other labelled file
    uv run python -m bench.screen --collisions /usr/share/dict/british-english

The phrase list was tuned on `app/safeguarding/training.tsv` and the classifier learns from it,
so figures on that file flatter both. The figures that count are:
- cross-validated: the classifier is trained on four fifths of the training file and judged on
  the fifth it never saw, five times over (the phrases stay as they are, so this still flatters
  them a little);
- held out: `tests/safeguarding/heldout.tsv`, written blind by someone who never saw the phrase
  list or the training file. Never tune anything on it, or it stops measuring anything.

Prints recall and precision overall and per category, every miss and false alarm (the texts
were written for the test, so printing them is fine) and the time per text. It is a
measurement, not a test: it always exits 0. The test suite holds the targets.

With --collisions and a word list, it lists the real words that the misspelling tolerance would
turn into a different word, so that the harmful ones can be added to KEEP in the phrase list.
"""

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline

from app.safeguarding import learned
from app.safeguarding.categories import Category
from app.safeguarding.learned import LabelledText, load_labelled
from app.safeguarding.screen import (
    ScreenResult,
    learned_guess,
    match_phrases,
    normalise,
    screen,
)

TRAINING = learned.TRAINING
HELD_OUT = Path(__file__).resolve().parents[1] / "tests" / "safeguarding" / "heldout.tsv"
RECALL_TARGET = 0.98
PRECISION_TARGET = 0.7
FOLDS = 5

Screen = Callable[[str], ScreenResult]


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

    @property
    def recall(self) -> float:
        return self.flagged / self.disclosures if self.disclosures else 1.0


@dataclass
class Report:
    overall: Counts = field(default_factory=Counts)
    by_category: dict[Category, CategoryFigures] = field(
        default_factory=lambda: {c: CategoryFigures() for c in Category}
    )
    misses: list[LabelledText] = field(default_factory=list)
    false_alarms: list[tuple[LabelledText, ScreenResult]] = field(default_factory=list)

    def add(self, row: LabelledText, result: ScreenResult) -> None:
        if row.category is not None:
            figures = self.by_category[row.category]
            figures.disclosures += 1
            figures.flagged += result.flagged
            figures.named += row.category in result.categories
            if result.flagged:
                self.overall.tp += 1
            else:
                self.overall.fn += 1
                self.misses.append(row)
        elif result.flagged:
            self.overall.fp += 1
            self.false_alarms.append((row, result))
        else:
            self.overall.tn += 1


def measure(rows: Sequence[LabelledText], judge: Screen = screen) -> Report:
    report = Report()
    for row in rows:
        report.add(row, judge(row.text))
    return report


def phrases_only(text: str) -> ScreenResult:
    return match_phrases(normalise(text))


def classifier_only(model: Pipeline) -> Screen:
    return lambda text: learned_guess(model, normalise(text))


def both(model: Pipeline) -> Screen:
    def judge(text: str) -> ScreenResult:
        found = phrases_only(text)
        return found if found.flagged else classifier_only(model)(text)

    return judge


def cross_validated(rows: Sequence[LabelledText], *, classifier: bool = False) -> Report:
    """Each row judged by a classifier trained on the other folds (plus the phrases, unless
    `classifier` asks for the classifier alone)."""
    report = Report()
    labels = [row.category.value if row.category else learned.BENIGN for row in rows]
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    for train_at, test_at in folds.split(rows, labels):
        model = learned.train([rows[i] for i in train_at], normalise)
        judge = classifier_only(model) if classifier else both(model)
        for i in test_at:
            report.add(rows[i], judge(rows[i].text))
    return report


def print_thresholds(rows: Sequence[LabelledText]) -> None:
    """The classifier's cross-validated figures at other thresholds, to choose THRESHOLD by.

    The classifier alone, because the phrases were tuned on every row of this file and would
    hide its misses: choose the highest threshold whose recall here is at least the target.
    """
    chances = [0.0] * len(rows)
    labels = [row.category.value if row.category else learned.BENIGN for row in rows]
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    for train_at, test_at in folds.split(rows, labels):
        model = learned.train([rows[i] for i in train_at], normalise)
        for i in test_at:
            chances[i] = learned.guess(model, normalise(rows[i].text)).chance
    print(f"classifier alone, {FOLDS}-fold CV, at other thresholds:")
    for step in range(20, 75, 5):
        threshold = step / 100
        counts = Counts()
        for row, chance in zip(rows, chances, strict=True):
            flagged = chance >= threshold
            counts.tp += flagged and row.disclosure
            counts.fp += flagged and not row.disclosure
            counts.fn += not flagged and row.disclosure
            counts.tn += not flagged and not row.disclosure
        print_line(f"threshold {threshold:.2f}", counts)


def time_per_text(rows: Sequence[LabelledText], rounds: int = 3) -> tuple[float, float]:
    """Mean microseconds per text, and for a 2,000-character message (model already trained)."""
    texts = [row.text for row in rows]
    screen(texts[0])
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


def print_line(name: str, counts: Counts) -> None:
    ok = counts.recall >= RECALL_TARGET and counts.precision >= PRECISION_TARGET
    print(
        f"  {name:34} {counts.recall:7.3f} {counts.precision:9.3f}  "
        f"{counts.tp:4} {counts.fp:4} {counts.fn:4} {counts.tn:4}  {'ok' if ok else 'below'}"
    )


def print_details(report: Report) -> None:
    print(f"  {'category':24} {'n':>4} {'recall':>7} {'named':>7}")
    for category, figures in report.by_category.items():
        named = figures.named / figures.disclosures if figures.disclosures else 1.0
        print(f"  {category.value:24} {figures.disclosures:4} {figures.recall:7.3f} {named:7.3f}")
    print(f"  missed disclosures: {len(report.misses)}")
    for row in report.misses:
        print(f"    line {row.line} [{row.category}] {row.text}")
    print(f"  false alarms: {len(report.false_alarms)}")
    for row, result in report.false_alarms:
        print(f"    line {row.line} {row.text}  <- {', '.join(result.matched)}")


def describe(path: Path, rows: Sequence[LabelledText]) -> None:
    disclosures = sum(row.disclosure for row in rows)
    benign = len(rows) - disclosures
    print(f"{path.name}: {len(rows)} rows, {disclosures} disclosures, {benign} benign")
    print(f"  {'':34} {'recall':>7} {'precision':>9}  {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4}")


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
    print(f"targets: recall >= {RECALL_TARGET}, precision >= {PRECISION_TARGET}")
    print(f"classifier threshold: {learned.THRESHOLD}")
    print()
    training = load_labelled(TRAINING)
    describe(TRAINING, training)
    print_line("phrases alone (tuned on this file)", measure(training, phrases_only).overall)
    print_line(
        f"classifier alone, {FOLDS}-fold CV", cross_validated(training, classifier=True).overall
    )
    print_line(f"whole screen, {FOLDS}-fold CV", cross_validated(training).overall)
    print()
    print_thresholds(training)
    print()
    model = learned.train(training, normalise)
    for path in (HELD_OUT, *map(Path, argv)):
        rows = load_labelled(path)
        describe(path, rows)
        print_line("phrases alone", measure(rows, phrases_only).overall)
        print_line("classifier alone", measure(rows, classifier_only(model)).overall)
        report = measure(rows, both(model))
        print_line("whole screen", report.overall)
        print_details(report)
        print()
    started = time.perf_counter()
    learned.train(training, normalise)
    print(f"training: {time.perf_counter() - started:.2f} s")
    per_text, per_long = time_per_text(training)
    print(f"time: {per_text:.0f} µs per text, {per_long:.0f} µs for a 2,000-character text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
