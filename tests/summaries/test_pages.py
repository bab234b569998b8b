"""The summary pages, their PDFs and the CSV export, through the app, as each role."""

import csv
import io
import re
from datetime import timedelta

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.people.models import Role
from app.privacy.service import erase_item
from app.summaries.exports import cell
from app.voice.readability import TARGET_READING_AGE, reading_age
from tests.summaries.helpers import (
    FORMULA_WORDS,
    ORIGINAL_WORDS,
    PENDING_WORDS,
    SAFEGUARDING_SHARED,
    SAFEGUARDING_WORDS,
    SHARED_WORDS,
    Seeded,
    day_at,
    make_items,
    pdf_page_size,
    pdf_text,
    seed_summary,
)
from tests.support.factories import make_user, sign_in
from tests.support.pages import page

NEVER = (PENDING_WORDS, ORIGINAL_WORDS, SAFEGUARDING_WORDS, SAFEGUARDING_SHARED, "ZQVX", "zqvx")


def signed_in(client: TestClient, db: Session, role: Role) -> None:
    sign_in(client, db, make_user(db, role))


def assert_clean(text: str) -> None:
    for sentinel in NEVER:
        assert sentinel not in text, sentinel


def assert_private_attachment(response: httpx.Response, content_type: str) -> None:
    """An export: a download never kept by a browser or proxy."""
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-disposition"].startswith("attachment;")


@pytest.fixture
def seeded(db: Session) -> Seeded:
    return seed_summary(db)


@pytest.mark.parametrize("value", ["=1+2", "+44 7700", "-3", "@SUM(A1)", "\tx", "\rx"])
def test_cells_that_could_run_as_formulas_are_escaped(value: str) -> None:
    assert cell(value) == "'" + value


@pytest.mark.parametrize("value", ["", "bus passes", "5", "fewer than 5", "a=b"])
def test_other_cells_are_kept_as_they_are(value: str) -> None:
    assert cell(value) == value


@pytest.mark.parametrize("role", [Role.PARTICIPATION_OFFICER, Role.BOARD_CHAIR])
def test_both_versions_show_shared_words_and_nothing_else(
    client: TestClient, db: Session, seeded: Seeded, role: Role
) -> None:
    signed_in(client, db, role)
    board = page(client.get(f"/staff/summaries/board?meeting={seeded.meeting.id}"))
    assert board.h1 == "Board, summer"
    assert SHARED_WORDS in board.text and FORMULA_WORDS in board.text
    assert "24 (before: 7)" in board.text
    assert "fewer than 5" in board.text
    assert_clean(board.response.text)
    assert board.soup.select("svg[role=img] title"), "charts have a text alternative"
    young = page(client.get(f"/staff/summaries/young?meeting={seeded.meeting.id}"))
    assert young.h1 == "What you told us"
    assert SHARED_WORDS in young.text
    assert_clean(young.response.text)
    csv_link = board.soup.find("a", href=re.compile(r"items\.csv"))
    assert (csv_link is not None) == (role is Role.PARTICIPATION_OFFICER)


def test_the_child_friendly_version_passes_the_reading_age_check(
    client: TestClient, db: Session, seeded: Seeded
) -> None:
    signed_in(client, db, Role.BOARD_CHAIR)
    young = page(client.get(f"/staff/summaries/young?meeting={seeded.meeting.id}"))
    report = young.soup.select_one("article.sd-report")
    assert report is not None
    for staff_only in report.select(".sd-no-print"):
        staff_only.decompose()
    words = report.get_text(" ", strip=True)
    check = reading_age(words)
    assert check.reading_age is not None and check.reading_age <= TARGET_READING_AGE, check


@pytest.mark.parametrize("version", ["board", "young"])
def test_the_pdfs_are_a4_attachments_with_only_shared_words(
    client: TestClient, db: Session, seeded: Seeded, version: str
) -> None:
    signed_in(client, db, Role.BOARD_CHAIR)
    response = client.get(f"/staff/summaries/{version}.pdf?meeting={seeded.meeting.id}")
    assert_private_attachment(response, "application/pdf")
    assert response.content.startswith(b"%PDF")
    assert pdf_page_size(response.content).endswith("(A4)")
    text = pdf_text(response.content)
    assert SHARED_WORDS in text
    assert_clean(text)
    assert "Choose the quotes" not in text and "Sign out" not in text  # staff controls unprinted


def test_the_csv_export_is_streamed_escaped_and_only_shared(
    client: TestClient, db: Session, seeded: Seeded
) -> None:
    signed_in(client, db, Role.PARTICIPATION_OFFICER)
    response = client.get(f"/staff/summaries/items.csv?meeting={seeded.meeting.id}")
    assert_private_attachment(response, "text/csv; charset=utf-8")
    assert_clean(response.text)
    rows = list(csv.reader(io.StringIO(response.text.removeprefix("\ufeff"))))
    assert rows[0][0] == "Approved on"
    words = {row[5]: row for row in rows[1:]}
    assert set(words) == {SHARED_WORDS, "'" + FORMULA_WORDS}
    for row in rows[1:]:
        assert row[3] not in {"1", "2", "3", "4"}
        assert not row[0].startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize("role", [Role.BOARD_CHAIR, Role.COUNCILLOR, Role.ADMIN])
def test_only_officers_export_the_csv(
    client: TestClient, db: Session, seeded: Seeded, role: Role
) -> None:
    signed_in(client, db, role)
    response = client.get(f"/staff/summaries/items.csv?meeting={seeded.meeting.id}")
    assert response.status_code == 403
    assert_clean(response.text)


def test_exports_need_a_signed_in_user(client: TestClient, seeded: Seeded) -> None:
    for url in (
        f"/staff/summaries/board.pdf?meeting={seeded.meeting.id}",
        f"/staff/summaries/items.csv?meeting={seeded.meeting.id}",
    ):
        response = client.get(url, follow_redirects=False)
        assert response.status_code in {302, 303}
        assert "sign-in" in response.headers["location"]


def test_asking_without_a_meeting_or_dates_explains_and_keeps_the_choice(
    client: TestClient, db: Session, seeded: Seeded
) -> None:
    signed_in(client, db, Role.PARTICIPATION_OFFICER)
    result = page(
        client.get(f"/staff/summaries/board?start=2026-13-01&themes={seeded.health}"), 400
    )
    assert result.error_summary() == [
        "Enter the first day as a date, like 2027-03-01.",
        "Enter the last day.",
    ]
    assert result.form("/staff/summaries/board")["start"] == "2026-13-01"
    assert result.form("/staff/summaries/board")["themes"] == str(seeded.health)
    backwards = page(client.get("/staff/summaries/board?start=2026-03-02&end=2026-03-01"), 400)
    assert backwards.error_summary() == ["The last day must be the same as or after the first day."]
    empty = page(client.get("/staff/summaries/board"), 400)
    assert empty.error_summary() == [
        "Choose a meeting, or enter the first day.",
        "Enter the last day.",
    ]


def test_chosen_quotes_are_the_only_quotes(client: TestClient, db: Session, seeded: Seeded) -> None:
    signed_in(client, db, Role.PARTICIPATION_OFFICER)
    picker = page(client.get(f"/staff/summaries/quotes?meeting={seeded.meeting.id}"))
    assert SHARED_WORDS in picker.text and FORMULA_WORDS in picker.text
    chosen = page(
        client.get(
            f"/staff/summaries/board?meeting={seeded.meeting.id}&chosen=1&quotes={seeded.shared.id}"
        )
    )
    assert SHARED_WORDS in chosen.text and FORMULA_WORDS not in chosen.text
    assert "Chosen by an officer." in chosen.text


def test_freezing_keeps_what_the_board_saw(client: TestClient, db: Session, seeded: Seeded) -> None:
    signed_in(client, db, Role.BOARD_CHAIR)
    board = page(client.get(f"/staff/summaries/board?meeting={seeded.meeting.id}"))
    fields = board.form("/staff/summaries/freeze")
    assert fields["after_version"] == "0"
    freeze_fields = {
        **fields,
        "themes": [],
        "quotes": [str(q) for q in sorted([seeded.shared.id or 0, seeded.formula.id or 0])],
    }
    done = client.post("/staff/summaries/freeze", data=freeze_fields, follow_redirects=False)
    assert done.status_code == 303
    frozen_url = done.headers["location"]
    make_items(db, 30, sent=day_at(seeded.previous.held_on + timedelta(days=3)))
    live = page(client.get(f"/staff/summaries/board?meeting={seeded.meeting.id}"))
    assert "54 (before: 7)" in live.text
    frozen = page(client.get(frozen_url))
    assert "24 (before: 7)" in frozen.text and SHARED_WORDS in frozen.text
    assert "Frozen version 1" in frozen.text
    frozen_pdf = pdf_text(client.get(frozen_url + "/board.pdf").content)
    assert "24 (before: 7)" in frozen_pdf
    # The same page sent again cannot silently make a second version.
    again = client.post("/staff/summaries/freeze", data=freeze_fields, follow_redirects=False)
    assert again.status_code == 409
    assert "Someone else froze version 1" in again.text
    # Councillors read frozen summaries, not live ones.
    signed_in(client, db, Role.COUNCILLOR)
    assert client.get(frozen_url).status_code == 200
    assert client.get(frozen_url + "/young").status_code == 200
    live_for_councillor = client.get(f"/staff/summaries/board?meeting={seeded.meeting.id}")
    assert live_for_councillor.status_code == 403


def test_deleting_a_young_persons_words_takes_them_out_of_frozen_summaries(
    client: TestClient, db: Session, seeded: Seeded
) -> None:
    signed_in(client, db, Role.PARTICIPATION_OFFICER)
    board = page(client.get(f"/staff/summaries/board?meeting={seeded.meeting.id}"))
    fields = {**board.form("/staff/summaries/freeze"), "quotes": [str(seeded.shared.id)]}
    frozen_url = client.post("/staff/summaries/freeze", data=fields).url.path
    assert SHARED_WORDS in client.get(frozen_url).text
    erase_item(db, item=seeded.shared, actor=seeded.officer, why="privacy.erase")
    db.commit()
    frozen = page(client.get(frozen_url))
    assert SHARED_WORDS not in frozen.text
    assert "24 (before: 7)" in frozen.text  # counts stay
