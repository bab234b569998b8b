"""No engagement loops on young people's pages (PR-04): no streaks, points, badges,
leaderboards or countdowns in what they read. (Yes and No the same size and effort:
tests/browser/test_reflow_and_targets.py.)"""

import re

from app.config import ROOT

YOUNG_TEMPLATES = ["voice", "public", "privacy", "meetings", "events", "people", "components"]
NUDGES = re.compile(
    r"\b(streaks?|leaderboards?|badges?|earn(ed)? \d+ points|level up|countdown|rewards?|"
    r"achievements?|hurry|don't miss out|only \d+ left)\b",
    re.IGNORECASE,
)
# Words in markup, not text: class names such as "govuk-tag" are not badges shown to anyone.
_TEXT = re.compile(r"_\(\s*\"([^\"]*)\"|_\(\s*'([^']*)'")


def test_young_peoples_words_have_no_nudges() -> None:
    found = []
    for folder in YOUNG_TEMPLATES:
        for path in (ROOT / "templates" / folder).rglob("*.html"):
            if path.name.startswith("staff_"):
                continue
            for match in _TEXT.finditer(path.read_text(encoding="utf-8")):
                words = match.group(1) or match.group(2)
                if NUDGES.search(words):
                    found.append(f"{path.relative_to(ROOT)}: {words}")
    assert found == []


def test_the_check_notices_a_nudge() -> None:
    assert NUDGES.search("Keep your streak going!")
    assert NUDGES.search("You earned 10 points")
    assert not NUDGES.search("Your 1st choice gets 3 points")  # ranked voting, not a game
    assert not NUDGES.search("Tell us what you think")
