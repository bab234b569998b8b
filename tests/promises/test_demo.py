"""The demo data has promises with readings, and the public pages show them and answers."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.db import new_session
from app.demo.seed import seed_demo
from app.promises.models import MeasureReading, Promise
from tests.support.pages import page


def test_demo_promises_and_answers(client: TestClient, db: Session) -> None:
    with new_session(for_writing=True) as writing:
        assert seed_demo(writing)
        writing.commit()
    assert len(db.exec(select(Promise)).all()) == 3
    assert len(db.exec(select(MeasureReading)).all()) == 11
    promises = page(client.get("/promises"))
    assert "Give every care leaver in education a free bus pass." in promises.text
    public = page(client.get("/you-said-we-did"))
    assert public.soup.select(".sd-yswd")
    answered = [
        card for card in public.soup.select(".sd-yswd") if "We are still working" not in card.text
    ]
    assert answered, "the demo answers some shared items"
