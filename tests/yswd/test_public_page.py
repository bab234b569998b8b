"""The public "You said, we did" page: shared words only, grouped, newest first, filtered."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.people.models import Role
from app.themes.models import Theme
from app.timeutil import utcnow
from app.voice.service import publish_response
from app.yswd.service import PER_PAGE
from tests.councillors.helpers import shared
from tests.moderation.helpers import theme_id
from tests.support.factories import make_user, sign_in
from tests.support.pages import page
from tests.yswd.helpers import merged_group, seed_sentinels


def test_anyone_can_read_it_and_nothing_unapproved_appears(client: TestClient, db: Session) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    seeded = seed_sentinels(db, officer)
    for who in (None, make_user(db), make_user(db, Role.COUNCILLOR)):
        if who is not None:
            sign_in(client, db, who)
        shown = page(client.get("/you-said-we-did"))
        assert shown.h1 == "You said, we did"
        assert seeded.shared_text in shown.text
        assert seeded.answer in shown.text  # "What we did" is the latest response
        assert "zqvx" not in shown.response.text.casefold()


def test_grouped_by_theme_newest_first_with_voices_and_answers(
    client: TestClient, db: Session
) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    now = utcnow()
    housing, health = theme_id(db, "housing"), theme_id(db, "health-wellbeing")
    older = shared(db, officer, housing, "Older housing words", at=now - timedelta(days=3))
    shared(db, officer, health, "Health words", at=now - timedelta(days=2))
    shared(db, officer, housing, "Newer housing words", at=now - timedelta(days=1))
    publish_response(db, item=older, text="First answer", actor=officer, on_public_page=True)
    found = "We found a flat for every care leaver."
    publish_response(db, item=older, text=found, actor=officer, on_public_page=True)
    # Written to the young person alone: it never shows publicly, even as the latest.
    publish_response(db, item=older, text="Sam, your new key is at the office", actor=officer)
    merged_group(db, officer, 4)
    db.commit()
    shown = page(client.get("/you-said-we-did"))
    sections = shown.soup.select("section")
    headings = [section.h2.get_text(strip=True) for section in sections]  # type: ignore[union-attr]
    health_theme = db.get(Theme, health)
    assert health_theme is not None
    assert headings == ["Housing", health_theme.name]  # the newest words' theme first
    housing_cards = [card.get_text(" ", strip=True) for card in sections[0].select(".sd-yswd")]
    assert "The bus pass costs too much" in housing_cards[0]  # newest first
    assert "4 young people said this" in housing_cards[0]
    assert "Newer housing words" in housing_cards[1]
    assert "We are still working on this." in housing_cards[1]
    assert "Older housing words" in housing_cards[2]
    assert "We found a flat for every care leaver." in housing_cards[2]
    assert "First answer" not in shown.text  # only the latest public response
    assert "your new key" not in shown.text
    assert "1 young person said this" in housing_cards[2]


def test_filter_by_theme_works_without_javascript(client: TestClient, db: Session) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    shared(db, officer, theme_id(db, "housing"), "Housing words")
    shared(db, officer, theme_id(db, "health-wellbeing"), "Health words")
    everything = page(client.get("/you-said-we-did"))
    options = everything.soup.select("#theme option")
    assert options[0].get_text(strip=True) == "All topics"
    assert len(options) == 3  # only themes with shared words
    only = page(client.get("/you-said-we-did", params={"theme": "housing"}))
    assert "Housing words" in only.text and "Health words" not in only.text
    assert only.form("/you-said-we-did")["theme"] == "housing"
    unknown = page(client.get("/you-said-we-did", params={"theme": "no-such-theme"}))
    assert "Housing words" in unknown.text and "Health words" in unknown.text


def test_retired_themes_keep_their_words(client: TestClient, db: Session) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    housing = db.get(Theme, theme_id(db, "housing"))
    assert housing is not None
    shared(db, officer, housing.id or 0, "Housing words")
    housing.is_active = False
    db.add(housing)
    db.commit()
    shown = page(client.get("/you-said-we-did?theme=housing"))
    assert "Housing words" in shown.text


def test_pages_of_twenty(client: TestClient, db: Session) -> None:
    officer = make_user(db, Role.PARTICIPATION_OFFICER)
    now = utcnow()
    housing = theme_id(db, "housing")
    for number in range(PER_PAGE + 3):
        shared(db, officer, housing, f"Words number {number:02d}", at=now - timedelta(hours=number))
    first = page(client.get("/you-said-we-did?theme=housing"))
    assert len(first.soup.select(".sd-yswd")) == PER_PAGE
    assert "Words number 00" in first.text and "Words number 22" not in first.text
    older = first.soup.select_one("a[rel=next]")
    assert older is not None and older["href"] == "/you-said-we-did?page=2&theme=housing"
    second = page(client.get(str(older["href"])))
    assert len(second.soup.select(".sd-yswd")) == 3
    assert "Words number 22" in second.text
    assert page(client.get("/you-said-we-did?page=0"), 400)


def test_linked_from_the_footer_and_the_home_page(client: TestClient) -> None:
    home = page(client.get("/"))
    assert home.soup.select('main a[href="/you-said-we-did"]')
    assert home.soup.select('footer a[href="/you-said-we-did"]')
    assert page(client.get("/help")).soup.select('footer a[href="/you-said-we-did"]')
