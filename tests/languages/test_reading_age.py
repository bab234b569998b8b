"""Young people's pages in English read at about 11 and under; easy read at about 7.

The measure is app.voice.readability (Flesch-Kincaid grade + 5) over the words of <main>, each
heading, label, hint and list item counted as a sentence of its own. It is a rough measure:
it keeps long words and long sentences out, it cannot tell whether the words make sense.
"""

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.voice.readability import TARGET_READING_AGE, reading_age
from tests.languages.helpers import (
    ANONYMOUS_PAGES,
    EASY_READ_PAGES,
    as_young_person,
    main_sentences,
    young_pages,
    young_world,
)
from tests.support.pages import page

EASY_READ_AGE = 7
# Written to a legal pattern (the public sector accessibility regulations), not for children.
NOT_MEASURED = {"/accessibility"}


def age_of(client: TestClient, path: str) -> int:
    response = client.get(path)
    assert response.status_code in {200, 404}, (path, response.status_code)
    check = reading_age(" ".join(main_sentences(response.text)))
    assert check.reading_age is not None, path
    return check.reading_age


def test_english_young_peoples_pages_read_at_about_eleven(client: TestClient, db: Session) -> None:
    ages = {path: age_of(TestClient(client.app), path) for path in ANONYMOUS_PAGES}
    as_young_person(client, db, world := young_world(db))
    ages |= {path: age_of(client, path) for path in young_pages(world)}
    print(ages)
    too_hard = {path: age for path, age in ages.items() if age > TARGET_READING_AGE}
    assert too_hard == {}


def test_easy_read_pages_read_at_about_seven(client: TestClient, db: Session) -> None:
    world = young_world(db)
    as_young_person(client, db, world)
    page(client.get("/say?view=easy"))
    ages = {path: age_of(client, path) for path in EASY_READ_PAGES}
    print(ages)
    too_hard = {path: age for path, age in ages.items() if age > EASY_READ_AGE}
    assert too_hard == {}
