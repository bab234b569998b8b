"""Pseudo-localisation: young people's pages in `en-XA`, where every young people's message is
accented and about 40% longer, show no English words of our own.

Anything still in plain English is a string that skipped gettext, came from a component's
built-in English, or is missing from babel-young.cfg. What young people and staff wrote, and
the council's own names, are data and stay as written.
"""

import re

from bs4 import BeautifulSoup, Comment
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.config import get_settings
from app.languages.catalogues import pseudo
from app.meetings.models import AgendaRound, Meeting, RoundOption
from app.themes.models import Theme
from app.voice.models import Item
from tests.events.helpers import make_event
from tests.languages.helpers import (
    ANONYMOUS_PAGES,
    EASY_READ_PAGES,
    OUR_ANSWER,
    THEIR_WORDS,
    as_young_person,
    young_pages,
    young_world,
)

ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
_SKIPPED = ("script", "style", "title")
_LABELS = ("aria-label", "title", "alt", "placeholder")
# Dates and times are formatted by Babel in the pseudo-locale's base, English.
_CALENDAR = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|(?<=\d)(am|pm)\b"
)


def data_words(db: Session) -> list[str]:
    """What people wrote and the council named: shown as written, in any language."""
    settings = get_settings()
    words = [settings.council_name, settings.service_name, THEIR_WORDS, OUR_ANSWER, "Sam"]
    words += ["The flat is cold.", "We fixed the heat.", "Get you a free bus pass"]
    words += [
        "Buses cost too much",
        "We count care leavers with a pass",
        "Care leavers with a pass",
    ]
    words += list(db.exec(select(Item.reference)).all())
    for theme in db.exec(select(Theme)).all():
        words += [theme.name, theme.description or ""]
    for meeting in db.exec(select(Meeting)).all():
        words.append(meeting.title)
    for agenda_round in db.exec(select(AgendaRound)).all():
        words.append(agenda_round.title)
    for option in db.exec(select(RoundOption)).all():
        words += [option.title, option.description or ""]
    return sorted((word for word in words if word), key=len, reverse=True)


def english_left(html: str, data: list[str]) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    body = soup.find("body")
    assert body is not None
    texts = [
        str(text)
        for text in body.find_all(string=True)
        if not isinstance(text, Comment) and not any(p.name in _SKIPPED for p in text.parents)
    ]
    texts += [str(tag[name]) for tag in body.find_all(True) for name in _LABELS if tag.get(name)]
    left = []
    for text in texts:
        for word in data:
            text = text.replace(word, " ")
        text = _CALENDAR.sub(" ", text)
        if ENGLISH_WORD.search(text):
            left.append(text.strip())
    return left


def token(client: TestClient) -> str:
    soup = BeautifulSoup(client.get("/help").text, "html.parser")
    meta = soup.find("meta", attrs={"name": "csrf-token"})
    assert meta is not None
    return str(meta["content"])


def test_pseudo_strings_are_accented_longer_and_keep_placeholders() -> None:
    assert pseudo("Send") == "[Šééñð]"
    out = pseudo("Hi %(name)s, see {count} <b>new</b>")
    assert "%(name)s" in out and "{count}" in out and "<b>" in out and "</b>" in out
    assert not ENGLISH_WORD.search(
        out.replace("%(name)s", "").replace("{count}", "").replace("<b>", "").replace("</b>", "")
    )
    text = "A participation worker reads everything you send."
    assert len(pseudo(text)) >= 1.35 * len(text)


def test_young_peoples_pages_have_no_untranslated_words(client: TestClient, db: Session) -> None:
    world = young_world(db)
    anonymous = TestClient(client.app)
    anonymous.get("/?lang=en-XA")
    as_young_person(client, db, world)
    client.get("/?lang=en-XA")
    data = data_words(db)
    found = {}
    for path in ANONYMOUS_PAGES:
        found[path] = english_left(anonymous.get(path).text, data)
    for path in young_pages(world):
        found[path] = english_left(client.get(path).text, data)
    event = make_event(db, world.officer, name="Fun day")
    closed = make_event(db, world.officer, name="Old day", open_now=False)
    data = ["Fun day", "Old day", *data]
    for path in (f"/events/{event.token}/say", f"/events/{closed.token}/say"):
        found[path] = english_left(anonymous.get(path).text, data)
    # Forms sent back with errors, worded by Python code.
    for path, values in [
        ("/join", {"code": "", "nickname": "x"}),
        ("/sign-in", {"nickname": "nobody", "passphrase": "wrong passphrase"}),
        ("/check", {"reference": "SD-AAAA-AAAA", "code": "nope"}),
        ("/vote/code", {"code": "NOPE"}),
    ]:
        sent = anonymous.post(path, data={**values, "csrf_token": token(anonymous)})
        found[f"POST {path}"] = english_left(sent.text, data)
    for path, values in [
        ("/say", {"body": "", "form_key": "k" * 20}),
        ("/my/data/ask", {"about": "", "what": ""}),
        (f"/votes/{world.round_id}", {"votes-1": "9"}),
        (f"/votes/{world.round_id}/propose", {"title": ""}),
    ]:
        sent = client.post(path, data={**values, "csrf_token": token(client)})
        assert sent.status_code == 400, (path, sent.status_code)
        found[f"POST {path}"] = english_left(sent.text, data)
    # Easy read.
    client.get("/say?view=easy")
    for path in EASY_READ_PAGES:
        found[f"{path} (easy read)"] = english_left(client.get(path).text, data)
    untranslated = {path: words for path, words in found.items() if words}
    assert untranslated == {}
