"""Suggesting what to take out of the shared version, and taking it out.

Every suggester returns spans (start, end, kind) of the original text. They only suggest: the
officer accepts, changes or adds to them, and nothing is removed without a person choosing it.
The heuristics prefer a false suggestion the officer unticks over a name that slips through,
but each is tested against look-alikes ("I'm Going to college", "Sunday", "May", ages,
"@ the park").
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

import phonenumbers

from app.i18n import gettext as _
from app.moderation.models import RedactionKind
from app.moderation.wordlists import (
    FIRST_NAMES,
    NOT_HANDLES,
    NOT_NAMES,
    NOT_STREET_NAMES,
    WORDLIKE_NAMES,
)
from app.timeutil import utcnow


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: RedactionKind
    text: str

    @property
    def key(self) -> str:
        """How a form refers to a suggestion; checked against fresh suggestions, never trusted."""
        return f"{self.start}-{self.end}"

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


def marker(kind: RedactionKind) -> str:
    """The neutral words left in place of what was taken out."""
    return {
        RedactionKind.NAME: _("[name removed]"),
        RedactionKind.PHONE: _("[phone number removed]"),
        RedactionKind.EMAIL: _("[email removed]"),
        RedactionKind.POSTCODE: _("[postcode removed]"),
        RedactionKind.ADDRESS: _("[address removed]"),
        RedactionKind.SCHOOL: _("[school removed]"),
        RedactionKind.DATE_OF_BIRTH: _("[date of birth removed]"),
        RedactionKind.HANDLE: _("[username removed]"),
    }.get(kind, _("[removed]"))


class OverlappingSpans(ValueError):
    """Two chosen spans cover the same words."""

    def __init__(self, first: Span, second: Span) -> None:
        super().__init__("overlapping spans")
        self.first = first
        self.second = second


def apply(text: str, spans: Sequence[Span]) -> str:
    """The text with each span replaced by its marker; overlapping spans are refused."""
    ordered = sorted(spans, key=lambda span: (span.start, span.end))
    for before, after in pairwise(ordered):
        if before.overlaps(after):
            raise OverlappingSpans(before, after)
    pieces = []
    position = 0
    for span in ordered:
        pieces.append(text[position : span.start])
        pieces.append(marker(span.kind))
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)


def find_exact(text: str, wanted: str, kind: RedactionKind = RedactionKind.OTHER) -> list[Span]:
    """Every place `wanted` appears (ignoring case), not inside a longer word."""
    wanted = wanted.strip()
    if not wanted:
        return []
    before = r"(?<!\w)" if wanted[0].isalnum() else ""
    after = r"(?!\w)" if wanted[-1].isalnum() else ""
    pattern = re.compile(before + re.escape(wanted) + after, re.IGNORECASE)
    return [_span(text, m.start(), m.end(), kind) for m in pattern.finditer(text)]


def _span(text: str, start: int, end: int, kind: RedactionKind) -> Span:
    return Span(start, end, kind, text[start:end])


# Names -----------------------------------------------------------------------------------------

RELATIONS = (
    r"social\s+worker|support\s+worker|key\s*worker|personal\s+adviser|foster\s+carer|"
    r"foster\s+(?:mum|mom|dad|parent)|step\s*(?:mum|mom|dad)|best\s+friend|bestie|worker|carer|"
    r"friend|teacher|mum|mom|mam|dad|brother|sister|nan|nanna|gran|grandma|grandad|auntie|aunt|"
    r"uncle|cousin|boyfriend|girlfriend|partner|pa|iro|mentor|therapist|counsellor|manager"
)
_WORD = r"[A-Za-z][A-Za-z'\-]*"
_NAME_AFTER = re.compile(
    r"(?i:\bmy\s+(?:new\s+|old\s+|ex\s+)?(?:" + RELATIONS + r")(?:'s\s+name)?"
    r"(?:\s+(?:is\s+called|is\s+named|is|was|called|named))?[\s,:]+)"
    r"(?P<first>" + _WORD + r")(?:\s+(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?))?"
)
_CALLED = re.compile(
    r"(?i:\b(?:called|named|name\s+is|name's|names)\s+)"
    r"(?P<first>" + _WORD + r")(?:\s+(?P<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?))?"
)
_SELF = re.compile(r"(?i:\b(?:i'm|i\s+am|im|this\s+is|it's|its)\s+)(?P<first>" + _WORD + r")")
_ANY_WORD = re.compile(r"(?<![\w@.])" + _WORD)


def _is_name_word(word: str, *, in_context: bool) -> bool:
    lower = word.lower().strip("'-")
    if lower in NOT_NAMES:
        return False
    if lower in FIRST_NAMES or lower in WORDLIKE_NAMES:
        return True
    return in_context and word[0].isupper()


def _named(text: str, match: re.Match[str], *, strict: bool = False) -> Span | None:
    first = match.group("first")
    in_list = first.lower() in FIRST_NAMES or first.lower() in WORDLIKE_NAMES
    if strict and not in_list:
        return None
    if not _is_name_word(first, in_context=True):
        return None
    start, end = match.start("first"), match.end("first")
    last = match.groupdict().get("last")
    if last and last.lower() not in NOT_NAMES:
        end = match.end("last")
    return _span(text, start, end, RedactionKind.NAME)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'(")
    return not before or before[-1] in ".!?\n:"


def suggest_names(text: str) -> list[Span]:
    spans = []
    for pattern, strict in ((_NAME_AFTER, False), (_CALLED, False), (_SELF, True)):
        for match in pattern.finditer(text):
            span = _named(text, match, strict=strict)
            if span is not None:
                spans.append(span)
    for match in _ANY_WORD.finditer(text):
        word = match.group()
        lower = word.lower()
        if lower in FIRST_NAMES or (
            lower in WORDLIKE_NAMES
            and word[0].isupper()
            and word[1:].islower()
            and not _starts_sentence(text, match.start())
            and not _is_month_use(text, match)
        ):
            spans.append(_span(text, match.start(), match.end(), RedactionKind.NAME))
    return spans


_MONTHS = "january february march april may june july august september october november december"
MONTHS = _MONTHS.split()


def _is_month_use(text: str, match: re.Match[str]) -> bool:
    """ "In May", "on 3 June", "May 2024": a month, not a person."""
    if match.group().lower() not in MONTHS:
        return False
    before = text[: match.start()].rstrip().lower()
    after = text[match.end() :].lstrip()
    return (
        before.endswith(("in", "since", "until", "till", "of", "from", "last", "next", "this"))
        or bool(re.search(r"\d(?:st|nd|rd|th)?$", before))
        or bool(re.match(r"\d", after))
    )


# Contact details -------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)


def suggest_emails(text: str) -> list[Span]:
    return [_span(text, m.start(), m.end(), RedactionKind.EMAIL) for m in _EMAIL.finditer(text)]


# Public helplines a young person may mention (Childline, Samaritans, NSPCC): nothing to hide.
HELPLINES = frozenset({"8001111", "116123", "8088005000"})
UK_NATIONAL_DIGITS = 10  # without the leading 0


def suggest_phones(text: str) -> list[Span]:
    """UK numbers in any usual layout (07700 900123, +44 7700 900123, (0161) 496 0000).

    POSSIBLE, not VALID, so a real number the library's data does not know is still offered;
    full-length numbers only, so years and times ("born 2009", "at 1530") are not.
    """
    matches = phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE)
    return [
        _span(text, match.start, match.end, RedactionKind.PHONE)
        for match in matches
        if len(str(match.number.national_number)) >= UK_NATIONAL_DIGITS
        and str(match.number.national_number) not in HELPLINES
    ]


# The Royal Mail format: outward code (area, district) then inward code (sector, unit).
_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|"
    r"(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|"
    r"[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
    r" ?[0-9][ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)


def suggest_postcodes(text: str) -> list[Span]:
    spans = []
    for match in _POSTCODE.finditer(text):
        found = match.group()
        # "b4 8pm" is a time in text-speak; a postcode written in lower case needs its space.
        if found.islower() and (found[-2:] in {"am", "pm"} or " " not in found):
            continue
        spans.append(_span(text, match.start(), match.end(), RedactionKind.POSTCODE))
    return spans


STREET_WORDS = (
    "street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|cres|place|pl|"
    "grove|gardens|gdns|terrace|walk|hill|square|sq|row|mews|view|rise|green|parade|park|"
    "estate|house|flats|towers|court|wharf"
)
_ADDRESS = re.compile(
    r"\b(?:(?:flat|apartment|unit)\s+\d{1,4}[a-z]?,?\s+)?"
    r"(?P<number>\d{1,4}[a-zA-Z]?),?\s+"
    r"(?P<words>(?:[A-Za-z][A-Za-z'\-]*\s+){1,3})"
    r"(?P<street>" + STREET_WORDS + r")\b\.?",
    re.IGNORECASE,
)


def suggest_addresses(text: str) -> list[Span]:
    """A house number, one to three name words, then a street word: "14 Oak Tree Road"."""
    spans = []
    for match in _ADDRESS.finditer(text):
        words = match.group("words").split()
        if any(word.lower() in NOT_STREET_NAMES for word in words):
            continue
        spans.append(_span(text, match.start(), match.end(), RedactionKind.ADDRESS))
    return spans


_INSTITUTION = (
    r"(?:Primary|Secondary|High|Grammar|Junior|Infant|Infants|Community|Free|Special|"
    r"Pupil Referral|Sixth Form)?\s*(?:School|Academy|College|Sixth Form|University|Uni|PRU)"
)
_SCHOOL = re.compile(
    r"(?P<name>(?:(?:St\.?|Saint|[A-Z][A-Za-z'&\-]+)\s+){1,5})" + _INSTITUTION + r"\b"
)
_OF_SCHOOL = re.compile(r"\b(?:University|College|Academy) of (?:[A-Z][a-z]+\s?){1,3}")


def suggest_schools(text: str) -> list[Span]:
    """Capitalised names before School, Academy, College...: "St Mary's Academy"."""
    spans = []
    for match in _SCHOOL.finditer(text):
        words = match.group("name").split()
        while words and words[0].lower().strip(".") in NOT_NAMES:
            words.pop(0)  # "At Oakfield Academy" keeps "Oakfield Academy"
        if not words:
            continue
        start = match.start() + match.group().index(words[0])
        spans.append(_span(text, start, match.end(), RedactionKind.SCHOOL))
    for match in _OF_SCHOOL.finditer(text):
        spans.append(_span(text, match.start(), match.end(), RedactionKind.SCHOOL))
    return [_trim(text, span) for span in spans]


def _trim(text: str, span: Span) -> Span:
    end = span.end
    while end > span.start and text[end - 1].isspace():
        end -= 1
    return _span(text, span.start, end, span.kind)


# Dates of birth --------------------------------------------------------------------------------

_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = r"(?:19|20)\d{2}"
_NUMERIC_DATE = r"(?:[12][0-9]|3[01]|0?[1-9])[/.\-](?:1[0-2]|0?[1-9])[/.\-](?:(?:19|20)?\d{2})"
_WORD_DATE = (
    r"(?:" + _DAY + r"\s+(?:of\s+)?" + _MONTH_WORD + r"(?:,?\s+" + _YEAR + r")?"
    r"|" + _MONTH_WORD + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?)"
)
_DOB = re.compile(
    r"(?i:\b(?:born(?:\s+on)?|birthday(?:\s+is|'s)?(?:\s+on)?|b'?day(?:\s+is)?|"
    r"d\.?o\.?b\.?|date\s+of\s+birth(?:\s+is)?)[\s:,-]*(?:the\s+)?)"
    r"(?P<date>(?i:" + _NUMERIC_DATE + r"|" + _WORD_DATE + r"))"
)
_FULL_NUMERIC_DATE = re.compile(
    r"(?<![\d/.\-])(?:[12][0-9]|3[01]|0?[1-9])[/.\-](?:1[0-2]|0?[1-9])[/.\-](?P<year>(?:19|20)\d{2})"
    r"(?![\d/.\-])"
)


def suggest_dates_of_birth(text: str, *, today: date | None = None) -> list[Span]:
    """A date after "born", "birthday", "DOB"; or a full date in a year a young person
    (10 to 26) was born in."""
    places = {(m.start("date"), m.end("date")) for m in _DOB.finditer(text)}
    year = (today or utcnow().date()).year
    for match in _FULL_NUMERIC_DATE.finditer(text):
        if year - 26 <= int(match.group("year")) <= year - 10:
            places.add((match.start(), match.end()))
    return [_span(text, start, end, RedactionKind.DATE_OF_BIRTH) for start, end in sorted(places)]


# Social media ----------------------------------------------------------------------------------

_AT_HANDLE = re.compile(r"(?<![\w.@])@(?=[A-Za-z0-9_.]*[A-Za-z0-9_])[A-Za-z0-9_.]{2,30}")
PLATFORMS = (
    r"snap(?:chat)?|insta(?:gram)?|tik\s?tok|twitter|facebook|fb|discord|whatsapp|telegram|"
    r"kik|threads|twitch|youtube|yt|xbox|psn|gamertag|roblox"
)
_HANDLE = r"(?P<handle>[A-Za-z0-9_.]{2,30})"
_PLATFORM_HANDLES = (
    # "my snap is jess", "insta: jess", "discord name = jess"
    re.compile(
        r"(?i:\b(?:" + PLATFORMS + r")(?:\s+(?:name|handle|username|user|id|tag))?"
        r"\s*(?:is|=|:|-)\s*@?)" + _HANDLE
    ),
    # "add me on snap jess"
    re.compile(
        r"(?i:\b(?:add|follow|message|dm|find)\s+me\s+on\s+(?:"
        + PLATFORMS
        + r")\s*:?\s*@?)"
        + _HANDLE
    ),
    # "snap jess_09": without "is" or ":", only a name that looks made up (digits, _ or .)
    re.compile(
        r"(?i:\b(?:" + PLATFORMS + r")\s+@?)(?P<handle>[A-Za-z0-9_.]*[0-9_.][A-Za-z0-9_.]*)"
    ),
)


def suggest_handles(text: str) -> list[Span]:
    """@names, and what follows "my snap is", "insta:", "add me on tiktok"..."""
    spans = [
        _span(text, m.start(), m.end(), RedactionKind.HANDLE) for m in _AT_HANDLE.finditer(text)
    ]
    matches = (match for pattern in _PLATFORM_HANDLES for match in pattern.finditer(text))
    for match in matches:
        handle = match.group("handle").rstrip(".")
        if handle.lower() in NOT_HANDLES or len(handle) < 2:
            continue
        start = match.start("handle")
        if start > 0 and text[start - 1] == "@":
            start -= 1
        spans.append(_span(text, start, match.start("handle") + len(handle), RedactionKind.HANDLE))
    return spans


# All together ----------------------------------------------------------------------------------

SUGGESTERS = (
    suggest_emails,
    suggest_phones,
    suggest_postcodes,
    suggest_addresses,
    suggest_schools,
    suggest_dates_of_birth,
    suggest_handles,
    suggest_names,
)


def suggest(text: str) -> list[Span]:
    """Every suggestion, without overlaps: where two overlap the longer (then earlier) wins."""
    found: list[Span] = []
    for suggester in SUGGESTERS:
        found.extend(suggester(text))
    return _without_overlaps(found)


def _without_overlaps(spans: Iterable[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not any(span.overlaps(other) for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)
