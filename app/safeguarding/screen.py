"""The disclosure screen: does a young person's message need a safeguarding lead to read it now?

Two halves, either of which flags. First the maintained phrase list (`app.safeguarding.phrases`)
is matched against a normalised copy of the message; then, if no phrase matched, the learned
classifier (`app.safeguarding.learned`) judges the same normalised text, which catches wordings
nobody wrote down. Normalising makes both tolerant of the way people write on phones: capitals,
accents, missing punctuation and apostrophes, text-speak ("u", "im", "dont", "kms", "wanna"),
stretched letters ("sooo"), leetspeak ("k1ll"), dropped g's ("runnin") and one-letter slips in
longer words ("bulied", "sucidal", "thretening").

It only ever adds human review: a match opens a case for the designated safeguarding lead, and
nothing is closed, hidden or published because of it (or because of its silence). Missing a real
disclosure is far worse than a false alarm, so both halves lean towards flagging.

The result never contains the young person's words, only the ids of the phrases that matched
(or "learned.<category>"). The screen is pure and deterministic.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from sklearn.pipeline import Pipeline

from app.safeguarding import learned, phrases
from app.safeguarding.categories import Category


@dataclass(frozen=True)
class ScreenResult:
    categories: frozenset[Category]
    matched: tuple[str, ...]  # ids of the phrases that matched; never the young person's text

    @property
    def flagged(self) -> bool:
        return bool(self.matched)


NOTHING: Final = ScreenResult(frozenset(), ())

# ------------------------------------------------------------------------------- normalising

_BREAK: Final = "."  # stands for the end of a sentence in normalised text
_APOSTROPHES: Final = str.maketrans(dict.fromkeys("\u2019\u2018`\u00b4\u02bc\u2032", "'"))
_LEET: Final = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"})
_LEET_WORD: Final = re.compile(r"^[a-z@$0-9]*[a-z][a-z@$0-9]*$")
_WILL: Final = re.compile(r"\b(i|you|he|she|we|they|it|that|there|who)'ll\b")
_SENTENCE_END: Final = re.compile(r"[.!?;:\n\r]+(?=\s|$)|[!?;\n\r]+")
_NOT_WORD: Final = re.compile(r"[^a-z0-9]+")
_STRETCHED: Final = re.compile(r"([a-z])\1{2,}")
_DOUBLED: Final = re.compile(r"([a-z])\1+")
_JOINS: Final = re.compile(
    r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, phrases.JOINS)) + r")(?![a-z0-9])"
)
_TIME_WORDS: Final = frozenset(
    {"days", "day", "nights", "night", "weeks", "week", "hours", "hour", "mins", "minutes",
     "years", "year", "months", "month", "am", "pm", "oclock", "of", "and", "or", "x"}
)  # fmt: skip
_NUMBER_CONTEXT: Final = frozenset(
    {"for", "about", "like", "over", "under", "last", "in", "the", "at", "only", "just", "every",
     "around", "after", "before", "till", "until", "by", "me", "is", "was", "of", "than", "to",
     "year", "yr", "age", "aged", "top", "number", "no", "page", "room", "flat", "bus"}
)  # fmt: skip


def normalise(text: str) -> str:
    """Lower case, plain letters, one space between words, text-speak expanded, typos mended.

    Sentence ends become " . " so that phrases allowing gaps never reach across them.
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = folded.translate(_APOSTROPHES).replace("&", " and ").replace("£", " £ ")
    folded = _WILL.sub(r"\1 will", folded).replace("'", "")
    folded = _SENTENCE_END.sub(f" {_BREAK} ", folded)

    words: list[str] = []
    for raw in folded.split():
        if raw == _BREAK:
            if words and words[-1] != _BREAK:
                words.append(_BREAK)
            continue
        if raw == "£":
            words.append("£")
            continue
        if raw in phrases.SLANG:  # "2day", "b4", "some1" before the digits are read as letters
            words.extend(phrases.SLANG[raw].split())
            continue
        if _LEET_WORD.match(raw) and not raw.isdigit() and not _is_ordinal(raw):
            raw = raw.translate(_LEET).replace("$", "s")
        for piece in _NOT_WORD.split(raw):
            if piece:
                words.extend(_word(piece))
    words = _read_numbers(words)
    joined = " ".join(words).strip(f" {_BREAK}")
    return _JOINS.sub(lambda m: phrases.JOINS[m.group(0)], joined)


def _is_ordinal(raw: str) -> bool:
    return bool(re.fullmatch(r"[0-9]+(st|nd|rd|th|s|am|pm|k|p|m|yo|yrs|hrs|mins|x)", raw))


@lru_cache(maxsize=16384)
def _word(piece: str) -> tuple[str, ...]:
    """One word of text as words the phrase list understands."""
    piece = _STRETCHED.sub(r"\1\1", piece)
    if piece in phrases.SLANG:
        return tuple(phrases.SLANG[piece].split())
    corrected = _correct(piece)
    if corrected in phrases.SLANG:
        return tuple(phrases.SLANG[corrected].split())
    return (corrected,)


def _read_numbers(words: list[str]) -> list[str]:
    """Text-speak "2" and "4" ("i want 2 die", "4 ever") unless they are plainly numbers."""
    out: list[str] = []
    for i, word in enumerate(words):
        if word in ("2", "4"):
            after = words[i + 1] if i + 1 < len(words) else ""
            before = out[-1] if out else ""
            if after not in _TIME_WORDS and not after.isdigit() and before not in _NUMBER_CONTEXT:
                out.append("to" if word == "2" else "for")
                continue
        out.append(word)
    return out


# ------------------------------------------------------------------ tolerance of misspelling


def _skeleton(word: str) -> str:
    """The word with doubled letters made single: "bullied" and "bulied" share one."""
    return _DOUBLED.sub(r"\1", word)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_KEYBOARD: Final = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_VOWELS: Final = frozenset("aeiouy")


def _neighbours() -> dict[str, frozenset[str]]:
    """Letters a thumb slips to: QWERTY neighbours, and any vowel for a vowel ("bulled")."""
    near: dict[str, set[str]] = {c: set() for row in _KEYBOARD for c in row}
    for r, row in enumerate(_KEYBOARD):
        for i, c in enumerate(row):
            for rr in (r - 1, r, r + 1):
                if 0 <= rr < len(_KEYBOARD):
                    for j in (i - 1, i, i + 1):
                        if 0 <= j < len(_KEYBOARD[rr]) and _KEYBOARD[rr][j] != c:
                            near[c].add(_KEYBOARD[rr][j])
    for v in _VOWELS:
        near[v] |= _VOWELS - {v}
    return {c: frozenset(n) for c, n in near.items()}


_NEAR: Final = _neighbours()


def _within_one_slip(a: str, b: str) -> bool:
    """One letter missing or extra, two neighbours swapped, or one letter hit next to its key."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return b[diffs[0]] in _NEAR.get(a[diffs[0]], frozenset())
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if la < lb else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


class _Vocabulary:
    """The words the phrases use, indexed so that a near miss finds its word quickly."""

    def __init__(self, words: Iterable[str], fuzzy: Iterable[str]) -> None:
        self.words: frozenset[str] = frozenset(w for w in words if w.isalpha())
        self.by_skeleton: dict[str, str] = {}
        self.by_deletion: dict[str, set[str]] = {}
        for word in sorted(self.words):
            self.by_skeleton.setdefault(_skeleton(word), word)
        for word in sorted(set(fuzzy)):
            skeleton = _skeleton(word)
            for key in {skeleton} | _deletions(skeleton):
                self.by_deletion.setdefault(key, set()).add(word)

    def nearest(self, token: str) -> str | None:
        """The phrase word a misspelt token most likely meant, or None."""
        skeleton = _skeleton(token)
        if len(token) >= 3 and skeleton in self.by_skeleton:
            return self.by_skeleton[skeleton]
        if len(token) < 5:
            return None
        candidates: set[str] = set()
        for key in {skeleton} | _deletions(skeleton):
            candidates |= self.by_deletion.get(key, set())
        near = sorted(
            word
            for word in candidates
            if word[0] == token[0] and _within_one_slip(skeleton, _skeleton(word))
        )
        return near[0] if near else None


def _correct(token: str) -> str:
    if token in _VOCABULARY.words or token in phrases.KEEP or token.isdigit() or len(token) < 3:
        return token
    if token.endswith("in") and token + "g" in _VOCABULARY.words:  # "runnin", "touchin"
        return token + "g"
    if token.endswith("z") and token[:-1] + "s" in _VOCABULARY.words:  # "hitz", "bullyz"
        return token[:-1] + "s"
    return _VOCABULARY.nearest(token) or token


# ----------------------------------------------------------------------------- the patterns

_GAP: Final = re.compile(r" ~(\d*) ")
_MACRO: Final = re.compile(r"<([a-z_]+)>")


def _expand(pattern: str) -> str:
    expanded = _MACRO.sub(lambda m: f"(?:{phrases.MACROS[m.group(1)]})", pattern)
    return _GAP.sub(lambda m: f" (?:[a-z0-9£]+ ){{0,{int(m.group(1) or 3)}}}", expanded)


def _compile(pattern: str) -> re.Pattern[str]:
    expanded = _expand(pattern)
    if "~" in expanded or "<" in _MACRO.sub("", pattern).replace("(?<", ""):
        raise ValueError(f"a gap (~) needs a space either side, a macro a name: {pattern[:60]!r}")
    return re.compile(rf"(?<![a-z0-9£])(?:{expanded})(?![a-z0-9£])")


@dataclass(frozen=True)
class _Compiled:
    id: str
    category: Category
    regex: re.Pattern[str]


def _build() -> tuple[tuple[_Compiled, ...], tuple[re.Pattern[str], ...], _Vocabulary]:
    compiled: list[_Compiled] = []
    seen: set[str] = set()
    vocabulary: set[str] = set()
    for phrase in phrases.PHRASES:
        category_name, _, name = phrase.id.partition(".")
        if phrase.id in seen or not name:
            raise ValueError(f"phrase id {phrase.id!r} is repeated or has no name")
        seen.add(phrase.id)
        compiled.append(_Compiled(phrase.id, Category(category_name), _compile(phrase.pattern)))
        vocabulary.update(re.findall(r"[a-z]+", _expand(phrase.pattern)))
    guards = tuple(_compile(guard.pattern) for guard in phrases.GUARDS)
    for guard in phrases.GUARDS:
        vocabulary.update(re.findall(r"[a-z]+", _expand(guard.pattern)))
    for expansion in phrases.SLANG.values():
        vocabulary.update(expansion.split())
    vocabulary |= phrases.FUZZY
    return tuple(compiled), guards, _Vocabulary(vocabulary, phrases.FUZZY)


_PHRASES, _GUARDS, _VOCABULARY = _build()


def match_phrases(normalised: str) -> ScreenResult:
    """The phrase list's half of the screen, on text already normalised."""
    for guard in _GUARDS:  # a look-alike's words become "#", which no phrase can match or cross
        normalised = guard.sub("#", normalised)
    matched = tuple(p.id for p in _PHRASES if p.regex.search(normalised))
    if not matched:
        return NOTHING
    categories = frozenset(p.category for p in _PHRASES if p.id in matched)
    return ScreenResult(categories=categories, matched=matched)


def learned_guess(model: Pipeline, normalised: str) -> ScreenResult:
    """The classifier's half of the screen, on text already normalised."""
    guess = learned.guess(model, normalised)
    if guess.chance < learned.THRESHOLD:
        return NOTHING
    return ScreenResult(frozenset({guess.category}), (f"learned.{guess.category.value}",))


@lru_cache(maxsize=1)
def trained_model() -> Pipeline:
    """Trained once per process: at start-up (`app.main.warm_up`), or at the first screening."""
    return learned.train(learned.load_labelled(learned.TRAINING), normalise)


def screen(text: str) -> ScreenResult:
    """Whether the message needs a safeguarding lead, and why. Flags for review; decides nothing."""
    normalised = normalise(text)
    if not normalised:
        return NOTHING
    found = match_phrases(normalised)
    return found if found.flagged else learned_guess(trained_model(), normalised)
