"""A young person's world for the language tests, the pages they see, and reading their text."""

from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.languages.models import LanguageSetting, LanguageStatus
from app.languages.registry import TRANSLATED, Language, by_code
from app.people.models import Role, User
from app.voice.models import Item, ItemStatus
from app.voice.service import publish_response
from tests.councillors.helpers import shared
from tests.meetings.helpers import make_round
from tests.moderation.helpers import theme_id
from tests.promises.helpers import make_promise
from tests.support.factories import make_item, make_user, sign_in

# Words a young person and an officer might write, kept short and plain on purpose: the
# reading-age tests measure our words, and these sit beside them on the pages.
THEIR_WORDS = "The bus is late a lot."
OUR_ANSWER = "We asked for more buses. Now one comes each hour."


@dataclass
class YoungWorld:
    young_person: User
    officer: User
    item: Item
    round_id: int


def young_world(db: Session) -> YoungWorld:
    """A young person with an answered item, an open vote, a public answer and a promise."""
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    young_person = make_user(db, nickname="Sam")
    item = make_item(
        db, body=THEIR_WORDS, author=young_person, status=ItemStatus.NEW, theme_id=None
    )
    publish_response(db, item=item, text=OUR_ANSWER, actor=officer)
    public = shared(db, officer, theme_id(db, "housing"), "The flat is cold.")
    publish_response(db, item=public, text="We fixed the heat.", actor=officer, on_public_page=True)
    agenda_round, _ = make_round(db, options=("Home", "Bus", "Food"))
    make_promise(db, officer, we_will="Get you a free bus pass")
    db.commit()
    return YoungWorld(young_person, officer, item, agenda_round.id or 0)


def young_pages(world: YoungWorld) -> list[str]:
    """Every young person's page a signed-in young person can open with a GET."""
    return [
        "/",
        "/say",
        "/my",
        f"/said/{world.item.reference}",
        "/my/data",
        "/my/data/ask",
        "/votes",
        f"/votes/{world.round_id}",
        f"/votes/{world.round_id}/propose",
        "/you-said-we-did",
        "/promises",
        "/help",
        "/privacy",
        "/no-such-page",
    ]


ANONYMOUS_PAGES = ["/check", "/join", "/sign-in", "/vote/code"]
EASY_READ_PAGES = ["/say", "/my", "/votes", "/you-said-we-did"]


def as_young_person(client: TestClient, db: Session, world: YoungWorld) -> TestClient:
    sign_in(client, db, world.young_person)
    return client


def language(code: str) -> Language:
    found = by_code(code)
    assert found is not None, code
    return found


def switch_on(db: Session, *languages: Language) -> None:
    """As if the council had reviewed and switched these on (the admin pages are tested apart)."""
    for language in languages or TRANSLATED:
        db.add(LanguageSetting(code=language.code, status=LanguageStatus.ON, revision=1))
    db.commit()


_BLOCKS = {
    "h1", "h2", "h3", "h4", "p", "li", "label", "legend", "button", "dt", "dd", "td", "th",
    "summary", "div", "main",
}  # fmt: skip
_SKIPPED = ("script", "style", "template", "select")


def main_sentences(html: str) -> list[str]:
    """The words of <main> as a reader meets them: each block (heading, label, hint, list item)
    is one sentence, so that a heading does not run into the paragraph after it."""
    main = BeautifulSoup(html, "html.parser").find("main")
    assert isinstance(main, Tag)
    for hidden in main.select(".govuk-exit-this-page, .govuk-visually-hidden, [data-listen-skip]"):
        hidden.decompose()
    groups: dict[int, list[str]] = {}
    for text in main.find_all(string=True):
        assert isinstance(text, NavigableString)
        words = text.strip()
        if not words or any(parent.name in _SKIPPED for parent in text.parents):
            continue
        block = next(parent for parent in text.parents if parent.name in _BLOCKS)
        groups.setdefault(id(block), []).append(words)
    sentences = []
    for parts in groups.values():
        sentence = " ".join(parts)
        sentences.append(sentence if sentence[-1] in ".!?:" else sentence + ".")
    return sentences
