"""The learned half of the disclosure screen: a small classifier trained on `training.tsv`.

The phrase list catches the wordings people wrote down; children find others. This classifier
(scikit-learn: TF-IDF over letter and word n-grams, logistic regression) learns from the labelled
texts in `training.tsv` (written for the purpose, never real messages) and flags wordings that
look like the disclosures there, misspelt or not. Like the phrases, it only ever adds human
review.

It is trained in this process from the file the first time it is needed (under a second), so
there is no model file to download, pickle or keep in step with the library. Training is
deterministic: the same file always gives the same answers.

To improve it, add labelled rows to `training.tsv` (above all the wordings of missed
disclosures, and look-alikes that were flagged), then run `uv run python -m bench.screen`: it
prints cross-validated figures for this file and the figures on the blind held-out set.
"""

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union
from threadpoolctl import threadpool_limits

from app.safeguarding.categories import Category

TRAINING: Final = Path(__file__).with_name("training.tsv")
BENIGN: Final = "benign"
# The lowest chance of a disclosure that flags. Chosen by 5-fold cross-validation on
# training.tsv so that recall stays at or above 0.98 (`bench.screen` prints the figures).
THRESHOLD: Final = 0.45


@dataclass(frozen=True)
class LabelledText:
    line: int  # line number in its file, as an id
    category: Category | None  # None: not a disclosure
    text: str

    @property
    def disclosure(self) -> bool:
        return self.category is not None


def load_labelled(path: Path) -> list[LabelledText]:
    """Rows of `label<TAB>category<TAB>text`; a disclosure names its category, benign none."""
    rows: list[LabelledText] = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames != ["label", "category", "text"]:
            raise ValueError(f"{path}: the header must be label, category, text")
        for line, record in enumerate(reader, start=2):
            label, category, text = record["label"], record["category"], record["text"]
            if label not in ("disclosure", BENIGN):
                raise ValueError(f"{path}:{line}: label must be disclosure or benign")
            if (label == "disclosure") != bool(category):
                raise ValueError(f"{path}:{line}: disclosures need a category, benign rows none")
            rows.append(LabelledText(line, Category(category) if category else None, text))
    return rows


def train(rows: Sequence[LabelledText], normalise: Callable[[str], str]) -> Pipeline:
    """One class per category plus "benign", so a flag also says what it is probably about.

    `normalise` is the screen's, so that training reads text exactly as screening does.
    """
    model = make_pipeline(
        make_union(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
            TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
        ),
        LogisticRegression(C=3.0, class_weight="balanced", solver="newton-cg", max_iter=3000),
    )
    labels = [row.category.value if row.category else BENIGN for row in rows]
    with threadpool_limits(limits=1):  # a web process shares its cores; threads only fight
        model.fit([normalise(row.text) for row in rows], labels)
    return model


@dataclass(frozen=True)
class Guess:
    chance: float  # of being a disclosure of any kind
    category: Category  # the most likely kind


def guess(model: Pipeline, normalised: str) -> Guess:
    classes = [str(c) for c in model.classes_]
    chances = model.predict_proba([normalised])[0]
    benign = classes.index(BENIGN)
    likeliest = max((i for i in range(len(classes)) if i != benign), key=lambda i: chances[i])
    return Guess(chance=1.0 - float(chances[benign]), category=Category(classes[likeliest]))
