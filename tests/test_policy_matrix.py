"""Every role against every route: the table below is also the access documentation."""

from dataclasses import dataclass

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.people.models import Role
from tests.support.headers import security_header_problems
from tests.support.route_objects import (
    ANONYMOUS,
    OTHER_YOUNG_PERSON,
    seed_route_objects,
    sign_in_as,
)
from tests.test_meta import route_inventory

ROLES = [ANONYMOUS, OTHER_YOUNG_PERSON, *[role.value for role in Role]]
STAFF_READERS = {"participation_officer", "safeguarding_lead"}
EVERY_STAFF = {role.value for role in Role if role.is_staff}
YOUNG = {ANONYMOUS, "young_person", OTHER_YOUNG_PERSON}
YOUNG_WITH_ACCOUNT = {"young_person", OTHER_YOUNG_PERSON}
MEETING_READERS = {"participation_officer", "councillor", "board_chair"}
SUMMARY_PULLERS = {"participation_officer", "board_chair"}
SUMMARY_READERS = MEETING_READERS

# (method, path) -> roles that may use it. Anyone else: sign-in redirect or 403 (404 for items
# that are not theirs, so existence does not leak).
ALLOWED: dict[tuple[str, str], set[str]] = {
    ("GET", "/"): YOUNG,
    ("GET", "/say"): YOUNG,
    ("POST", "/say"): YOUNG,
    ("GET", "/said/{reference}"): {"young_person"},  # only the author
    ("GET", "/my"): YOUNG,
    ("GET", "/check"): YOUNG,
    ("POST", "/check"): YOUNG,
    ("GET", "/staff"): EVERY_STAFF,
    ("GET", "/staff/inbox"): STAFF_READERS,
    ("GET", "/staff/items/{reference}"): STAFF_READERS,
    ("POST", "/staff/items/{reference}/status"): STAFF_READERS,
    ("GET", "/staff/items/{reference}/respond"): STAFF_READERS,
    ("POST", "/staff/items/{reference}/respond"): STAFF_READERS,
    ("GET", "/staff/cases"): STAFF_READERS,  # an officer sees only the cases they raised
    ("GET", "/staff/cases/{case_id}"): {"safeguarding_lead"},  # raised by the screen, not by them
    ("POST", "/staff/cases/{case_id}/acknowledge"): {"safeguarding_lead"},
    ("POST", "/staff/cases/{case_id}/actions"): {"safeguarding_lead"},
    ("POST", "/staff/cases/{case_id}/close"): {"safeguarding_lead"},
    ("POST", "/staff/items/{reference}/flag"): STAFF_READERS,
    ("GET", "/staff/invites"): {"participation_officer", "admin"},
    ("POST", "/staff/invites"): {"participation_officer", "admin"},
    ("GET", "/staff/moderation"): STAFF_READERS,
    ("POST", "/staff/moderation/assign"): STAFF_READERS,
    ("GET", "/staff/moderation/items/{reference}"): STAFF_READERS,
    ("POST", "/staff/moderation/items/{reference}/decision"): STAFF_READERS,
    ("POST", "/staff/moderation/items/{reference}/unmerge"): STAFF_READERS,
    ("POST", "/staff/moderation/merge"): STAFF_READERS,
    ("GET", "/staff/moderation/reasons"): {"participation_officer", "admin"},
    ("POST", "/staff/moderation/reasons"): {"participation_officer", "admin"},
    ("POST", "/staff/moderation/reasons/{reason_id}"): {"participation_officer", "admin"},
    ("GET", "/my/data"): YOUNG,
    ("GET", "/my/data/download"): YOUNG,
    ("GET", "/my/data/ask"): YOUNG,
    ("POST", "/my/data/ask"): YOUNG,
    ("GET", "/staff/privacy"): {"participation_officer"},
    ("GET", "/staff/privacy/{request_id}"): {"participation_officer"},
    ("POST", "/staff/privacy/{request_id}/delete"): {"participation_officer"},
    ("POST", "/staff/privacy/{request_id}/answer"): {"participation_officer"},
    ("GET", "/admin/audit"): {"admin"},
    ("GET", "/admin/staff"): {"admin"},
    ("POST", "/admin/staff"): {"admin"},
    # Board meetings and agenda votes: young people with an account vote (CiCC checks are per
    # round and per user, in the service); officers manage; councillors and chairs read.
    ("GET", "/votes"): YOUNG_WITH_ACCOUNT,
    ("GET", "/votes/{round_id}"): YOUNG_WITH_ACCOUNT,
    ("POST", "/votes/{round_id}"): YOUNG_WITH_ACCOUNT,
    ("GET", "/votes/{round_id}/propose"): YOUNG_WITH_ACCOUNT,
    ("POST", "/votes/{round_id}/propose"): YOUNG_WITH_ACCOUNT,
    ("GET", "/staff/meetings"): MEETING_READERS,
    ("GET", "/staff/meetings/{meeting_id}"): MEETING_READERS,
    ("GET", "/staff/rounds/{round_id}"): MEETING_READERS,
    ("GET", "/staff/meetings/new"): {"participation_officer"},
    ("POST", "/staff/meetings/new"): {"participation_officer"},
    ("POST", "/staff/meetings/{meeting_id}/agenda"): {"participation_officer"},
    ("GET", "/staff/meetings/{meeting_id}/agenda/{item_id}"): {"participation_officer"},
    ("POST", "/staff/meetings/{meeting_id}/agenda/{item_id}"): {"participation_officer"},
    ("GET", "/staff/meetings/{meeting_id}/rounds/new"): {"participation_officer"},
    ("POST", "/staff/meetings/{meeting_id}/rounds/new"): {"participation_officer"},
    ("POST", "/staff/rounds/{round_id}/options"): {"participation_officer"},
    ("POST", "/staff/rounds/{round_id}/proposals/{proposal_id}"): {"participation_officer"},
    ("POST", "/staff/rounds/{round_id}/codes"): {"participation_officer"},
    ("GET", "/staff/rounds/{round_id}/codes"): {"participation_officer"},
    ("POST", "/staff/rounds/{round_id}/agenda"): {"participation_officer"},
    # Fixing what officers made (the round is open here: changes are refused kindly, not 403).
    ("GET", "/staff/meetings/{meeting_id}/edit"): {"participation_officer"},
    ("POST", "/staff/meetings/{meeting_id}/edit"): {"participation_officer"},
    ("GET", "/staff/rounds/{round_id}/edit"): {"participation_officer"},
    ("POST", "/staff/rounds/{round_id}/edit"): {"participation_officer"},
    ("POST", "/staff/rounds/{round_id}/options/{option_id}/move"): {"participation_officer"},
    ("POST", "/staff/rounds/{round_id}/options/{option_id}/remove"): {"participation_officer"},
    ("POST", "/staff/meetings/{meeting_id}/agenda/{item_id}/move"): {"participation_officer"},
    # Last of the agenda item's routes: it removes the item the ones above use.
    ("POST", "/staff/meetings/{meeting_id}/agenda/{item_id}/remove"): {"participation_officer"},
    # Themes, link champions and events (officers); the councillor's view (read marks and
    # notes only on their own themes: the test's councillor champions Housing); the board list.
    ("GET", "/staff/themes"): {"participation_officer", "admin"},
    ("POST", "/staff/themes"): {"participation_officer", "admin"},
    ("GET", "/staff/themes/new"): {"participation_officer", "admin"},
    ("GET", "/staff/themes/{theme_id}"): {"participation_officer", "admin"},
    ("POST", "/staff/themes/{theme_id}"): {"participation_officer", "admin"},
    ("POST", "/staff/moderation/items/{reference}/tags"): STAFF_READERS,
    ("GET", "/staff/events"): {"participation_officer"},
    ("POST", "/staff/events"): {"participation_officer"},
    ("GET", "/staff/events/new"): {"participation_officer"},
    ("GET", "/staff/events/{event_id}"): {"participation_officer"},
    ("GET", "/staff/events/{event_id}/edit"): {"participation_officer"},
    ("POST", "/staff/events/{event_id}/edit"): {"participation_officer"},
    ("POST", "/staff/events/{event_id}/attendance"): {"participation_officer"},
    ("GET", "/staff/events/{event_id}/capture"): {"participation_officer"},
    ("POST", "/staff/events/{event_id}/capture"): {"participation_officer"},
    ("GET", "/staff/events/{event_id}/qr"): {"participation_officer"},
    ("GET", "/councillor"): {"councillor"},
    ("POST", "/councillor/digest"): {"councillor"},
    ("GET", "/councillor/themes/{slug}"): {"councillor"},
    ("POST", "/councillor/themes/{slug}/read"): {"councillor"},
    ("POST", "/councillor/themes/{slug}/notes"): {"councillor"},
    ("GET", "/board/list"): {"councillor", "board_chair"},
    # Board actions: officers manage; the chair reads the log; owners see and update their own
    # (the test's action owner owns the action).
    ("GET", "/staff/actions"): {"participation_officer", "board_chair"},
    ("GET", "/staff/actions/new"): {"participation_officer"},
    ("POST", "/staff/actions/new"): {"participation_officer"},
    ("GET", "/staff/actions/{action_id}"): {"participation_officer", "board_chair", "action_owner"},
    ("POST", "/staff/actions/{action_id}/updates"): {"participation_officer", "action_owner"},
    ("POST", "/staff/actions/{action_id}/drop"): {"participation_officer"},
    ("POST", "/staff/actions/{action_id}/links"): {"participation_officer"},
    ("POST", "/staff/actions/{action_id}/links/remove"): {"participation_officer"},
    ("POST", "/staff/items/{reference}/actions"): {"participation_officer"},
    ("GET", "/my-actions"): {"participation_officer", "action_owner"},
    # Promises: officers manage; officers, board chairs and councillors read the board view.
    ("GET", "/staff/promises"): MEETING_READERS,
    ("GET", "/staff/promises/new"): {"participation_officer"},
    ("POST", "/staff/promises/new"): {"participation_officer"},
    ("GET", "/staff/promises/{promise_id}"): MEETING_READERS,
    ("GET", "/staff/promises/{promise_id}/edit"): {"participation_officer"},
    ("POST", "/staff/promises/{promise_id}/edit"): {"participation_officer"},
    ("POST", "/staff/promises/{promise_id}/measures"): {"participation_officer"},
    ("POST", "/staff/promises/{promise_id}/readings"): {"participation_officer"},
    # Voice summaries: officers and the chair pull and freeze them (the admin reads no young
    # person's words); councillors read frozen ones; only officers export the CSV.
    ("GET", "/staff/summaries"): SUMMARY_READERS,
    ("GET", "/staff/summaries/board"): SUMMARY_PULLERS,
    ("GET", "/staff/summaries/young"): SUMMARY_PULLERS,
    ("GET", "/staff/summaries/quotes"): SUMMARY_PULLERS,
    ("GET", "/staff/summaries/board.pdf"): SUMMARY_PULLERS,
    ("GET", "/staff/summaries/young.pdf"): SUMMARY_PULLERS,
    ("GET", "/staff/summaries/items.csv"): {"participation_officer"},
    ("POST", "/staff/summaries/freeze"): SUMMARY_PULLERS,
    ("GET", "/staff/summaries/frozen/{snapshot_id}"): SUMMARY_READERS,
    ("GET", "/staff/summaries/frozen/{snapshot_id}/young"): SUMMARY_READERS,
    ("GET", "/staff/summaries/frozen/{snapshot_id}/board.pdf"): SUMMARY_READERS,
    ("GET", "/staff/summaries/frozen/{snapshot_id}/young.pdf"): SUMMARY_READERS,
    # News about an item: only its author chooses; officers and admins see undelivered
    # messages (masked) and try them again.
    ("POST", "/said/{reference}/news"): {"young_person"},
    ("GET", "/staff/outbox"): {"participation_officer", "admin"},
    ("POST", "/staff/outbox/{message_id}/try-again"): {"participation_officer", "admin"},
    # Languages: admins review, switch on and upload catalogues; staff who answer items write
    # an English summary beside a young person's words.
    ("GET", "/admin/languages"): {"admin"},
    ("GET", "/admin/languages/{code}"): {"admin"},
    ("GET", "/admin/languages/{code}/catalogue.po"): {"admin"},
    ("POST", "/admin/languages/{code}/review"): {"admin"},
    ("POST", "/admin/languages/{code}/on"): {"admin"},
    ("POST", "/admin/languages/{code}/off"): {"admin"},
    ("POST", "/admin/languages/{code}/catalogue"): {"admin"},
    ("GET", "/staff/items/{reference}/english-summary"): STAFF_READERS,
    ("POST", "/staff/items/{reference}/english-summary"): STAFF_READERS,
}


@dataclass
class Outcome:
    status: int
    location: str

    @property
    def allowed(self) -> bool:
        refused = self.status in {401, 403, 404} or "sign-in" in self.location
        return not refused


def csrf_token(client: TestClient) -> str:
    html = str(client.get("/help").text)
    marker = 'name="csrf-token" content="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def test_every_guarded_route_is_in_the_matrix(app: FastAPI) -> None:
    from app.authz import PUBLIC_ROUTES

    guarded = {(m, p) for m, p, _ in route_inventory(app) if (m, p) not in PUBLIC_ROUTES}
    assert guarded == set(ALLOWED)


@pytest.mark.parametrize("role", ROLES)
def test_role_against_every_route(role: str, app: FastAPI, db: Session) -> None:
    objects = seed_route_objects(db)
    client = TestClient(app, base_url="http://testserver")
    sign_in_as(client, db, role, objects)
    token = csrf_token(client)
    wrong = []
    unsafe_headers = []
    for (method, path), allowed_roles in ALLOWED.items():
        url = objects.url(path)
        if method == "GET":
            response = client.get(url, follow_redirects=False)
        else:
            response = client.post(url, data={"csrf_token": token}, follow_redirects=False)
        outcome = Outcome(response.status_code, response.headers.get("location", ""))
        assert response.status_code < 500, (method, path, response.status_code)
        if problems := security_header_problems(response):
            unsafe_headers.append((method, path, response.status_code, problems))
        if outcome.allowed != (role in allowed_roles):
            wrong.append((method, path, outcome))
    assert wrong == []
    assert unsafe_headers == [], "every response, allowed or refused, carries the headers"
