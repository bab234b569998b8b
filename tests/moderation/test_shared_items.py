"""Requirement 1: nothing a young person writes leaves the officers until it is approved for
sharing, the young person agreed, and then only the redacted shared version travels."""

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from app.moderation.models import SharedVersion, Sharing
from app.moderation.repository import shared_items
from app.people.models import Role
from app.voice.models import Item
from tests.moderation.helpers import pending_item, share_directly, theme_id
from tests.support.factories import make_user, sign_in
from tests.test_meta import route_inventory


@pytest.mark.parametrize("sharing", list(Sharing))
@pytest.mark.parametrize("may_share", [True, False])
def test_only_shared_items_with_consent_come_out_and_only_as_their_shared_version(
    db: Session, sharing: Sharing, may_share: bool
) -> None:
    approver = make_user(db, Role.PARTICIPATION_OFFICER)
    item = pending_item(db, body="Zqvx original words", may_share=may_share)
    share_directly(db, item, "the approved words", approver)
    item.sharing = sharing  # a later decision may have changed it
    db.add(item)
    db.commit()
    found = shared_items(db)
    if sharing is Sharing.SHARED and may_share:
        assert [(s.item_id, s.text, s.voices) for s in found] == [
            (item.id, "the approved words", 1)
        ]
    else:
        assert found == []


def test_a_shared_item_without_an_approved_version_is_not_shared(db: Session) -> None:
    item = pending_item(db, body="Zqvx original words")
    item.sharing = Sharing.SHARED
    db.add(item)
    db.commit()
    assert shared_items(db) == []


def test_themes_and_the_theme_filter(db: Session) -> None:
    approver = make_user(db, Role.PARTICIPATION_OFFICER)
    housing, health = theme_id(db, "housing"), theme_id(db, "health-wellbeing")
    first = pending_item(db)
    second = pending_item(db)
    share_directly(db, first, "first", approver, (housing, health))
    share_directly(db, second, "second", approver, (health,))
    everything = shared_items(db)
    assert [(s.text, set(s.theme_ids)) for s in everything] == [
        ("first", {housing, health}),
        ("second", {health}),
    ]
    assert [s.text for s in shared_items(db, theme_id=housing)] == ["first"]


def test_merged_items_count_as_voices_but_never_travel_themselves(db: Session) -> None:
    approver = make_user(db, Role.PARTICIPATION_OFFICER)
    main = pending_item(db, body="main words")
    share_directly(db, main, "the shared words", approver)
    for number, (state, consent) in enumerate(
        [
            (Sharing.SHARED, True),
            (Sharing.SHARED, True),
            (Sharing.SHARED, False),
            (Sharing.PENDING, True),
        ]
    ):
        child = pending_item(db, body=f"Zqvx child {number}", may_share=consent)
        child.merged_into_id = main.id
        if state is Sharing.SHARED:
            share_directly(db, child, f"Zqvx child version {number}", approver)
        db.add(child)
        db.commit()
    assert [(s.item_id, s.voices) for s in shared_items(db)] == [(main.id, 3)]


ITEM = st.fixed_dictionaries(
    {
        "sharing": st.sampled_from(list(Sharing)),
        "may_share": st.booleans(),
        "has_version": st.booleans(),
        "merged": st.booleans(),
    }
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(specs=st.lists(ITEM, min_size=1, max_size=6))
def test_no_combination_of_states_lets_unapproved_or_original_words_out(
    db: Session, specs: list[dict[str, object]]
) -> None:
    approver = make_user(db, Role.PARTICIPATION_OFFICER)
    main_id = None
    for number, spec in enumerate(specs):
        item = pending_item(db, body=f"Zqvx original {number}", may_share=spec["may_share"])
        if spec["has_version"]:
            share_directly(db, item, f"version {number}", approver)
        item.sharing = spec["sharing"]  # type: ignore[assignment]
        if spec["merged"] and main_id is not None:
            item.merged_into_id = main_id
        db.add(item)
        db.commit()
        main_id = main_id or item.id
    # The oracle reads every row (earlier examples' rows too): the rule, stated plainly.
    versions = set(db.exec(select(SharedVersion.item_id)).all())
    expected = {
        item.id
        for item in db.exec(select(Item)).all()
        if item.sharing is Sharing.SHARED
        and item.may_share
        and item.id in versions
        and item.merged_into_id is None
    }
    found = shared_items(db)
    assert {s.item_id for s in found} == expected
    assert not [s for s in found if "Zqvx" in s.text]


NOT_OFFICERS = ["anonymous", "other_young_person", "councillor", "board_chair", "action_owner"]


@pytest.mark.parametrize("who", [*NOT_OFFICERS, "admin"])
def test_no_page_shows_unapproved_or_original_words_to_anyone_but_officers(
    app: FastAPI, db: Session, who: str
) -> None:
    approver = make_user(db, Role.PARTICIPATION_OFFICER)
    pending = pending_item(db, body="Zqvx pending sentinel")
    shared = pending_item(db, body="Zqvx original sentinel")
    share_directly(db, shared, "approved words", approver)
    client = TestClient(app, base_url="http://testserver")
    if who == "other_young_person":
        sign_in(client, db, make_user(db))
    elif who != "anonymous":
        sign_in(client, db, make_user(db, Role(who)))
    for method, path, _ in route_inventory(app):
        if method != "GET":
            continue
        url = path.replace("{reference}", pending.reference)
        url = re.sub(r"\{[^}]+\}", "1", url)
        response = client.get(url, follow_redirects=True)
        assert "Zqvx" not in response.text, (who, path)
        if "{reference}" in path:
            response = client.get(path.replace("{reference}", shared.reference))
            assert "Zqvx" not in response.text, (who, path)
