"""The council's languages page: review, switch on and off, upload corrected catalogues."""

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.audit.models import AuditEvent
from app.languages import catalogues
from app.languages.models import LanguageSetting, LanguageStatus
from app.people.models import Role, User
from tests.languages.helpers import language
from tests.support.factories import make_user, sign_in
from tests.support.pages import Page, page

WELSH = language("cy")
SORANI = language("ckb")
SAY_IN_WELSH = "Dweud dy ddweud"


@pytest.fixture
def admin(client: TestClient, db: Session) -> User:
    user = make_user(db, Role.ADMIN)
    sign_in(client, db, user)
    return user


def post(client: TestClient, path: str, **data: str) -> Page:
    token = page(client.get("/admin/languages")).soup.find("meta", attrs={"name": "csrf-token"})
    assert token is not None
    response = client.post(path, data={"csrf_token": str(token["content"]), **data})
    return page(response, response.status_code)


def upload(client: TestClient, code: str, text: str | bytes) -> Page:
    token = page(client.get(f"/admin/languages/{code}")).form(f"/admin/languages/{code}/catalogue")
    raw = text.encode("utf-8") if isinstance(text, str) else text
    response = client.post(
        f"/admin/languages/{code}/catalogue",
        data={"csrf_token": token["csrf_token"]},
        files={"catalogue": ("cy.po", raw, "text/x-gettext-translation")},
    )
    return page(response, response.status_code)


def setting(db: Session, code: str) -> LanguageSetting:
    row = db.exec(select(LanguageSetting).where(LanguageSetting.code == code)).one()
    db.refresh(row)
    return row


def audited(db: Session) -> list[str]:
    return list(db.exec(select(AuditEvent.action).order_by(col(AuditEvent.id))).all())


def say_page_h1(app_client: TestClient) -> str:
    young = TestClient(app_client.app)
    return page(young.get("/say?lang=cy")).h1


def test_every_language_starts_as_a_draft_that_is_not_offered(
    client: TestClient, admin: User
) -> None:
    listing = page(client.get("/admin/languages"))
    rows = listing.soup.select("tbody tr")
    assert len(rows) == 8
    assert all("Draft: not checked by the council" in row.get_text() for row in rows)
    assert "Cymraeg" in listing.text and "العربية" in listing.text
    assert say_page_h1(client) == "Have your say"


def test_switching_on_needs_a_review_first(client: TestClient, db: Session, admin: User) -> None:
    refused = post(client, "/admin/languages/cy/on")
    assert refused.status == 400
    assert refused.error_summary() == ["Mark Welsh as reviewed before you switch it on."]
    assert say_page_h1(client) == "Have your say"

    reviewed = post(client, "/admin/languages/cy/review")
    assert "Marked as reviewed." in reviewed.text
    row = setting(db, "cy")
    assert row.status is LanguageStatus.REVIEWED
    assert row.reviewed_by_id == admin.id and row.reviewed_at is not None
    assert say_page_h1(client) == "Have your say"  # reviewed is not on

    switched = post(client, "/admin/languages/cy/on")
    assert "Switched on" in switched.text
    assert setting(db, "cy").status is LanguageStatus.ON
    assert say_page_h1(client) == SAY_IN_WELSH
    listing = page(client.get("/admin/languages"))
    assert "On: young people can choose it" in listing.text

    post(client, "/admin/languages/cy/off")
    assert setting(db, "cy").status is LanguageStatus.REVIEWED
    assert say_page_h1(client) == "Have your say"
    assert audited(db) == [
        "language.reviewed",
        "language.switched_on",
        "language.switched_off",
    ]


def corrected_welsh() -> str:
    return catalogues.shipped_text(WELSH).replace(
        'msgstr "Dweud dy ddweud"', 'msgstr "Dywed dy farn"'
    )


def test_a_corrected_catalogue_is_used_at_once(
    client: TestClient, db: Session, admin: User
) -> None:
    post(client, "/admin/languages/cy/review")
    post(client, "/admin/languages/cy/on")
    done = upload(client, "cy", corrected_welsh())
    assert "Catalogue uploaded" in done.text
    assert say_page_h1(client) == "Dywed dy farn"
    row = setting(db, "cy")
    assert row.uploaded_by_id == admin.id and row.catalogue == corrected_welsh()
    assert "language.catalogue_uploaded" in audited(db)
    download = client.get("/admin/languages/cy/catalogue.po")
    assert download.status_code == 200
    assert 'msgstr "Dywed dy farn"' in download.text
    assert "attachment" in download.headers["content-disposition"]


def test_a_whole_catalogue_bigger_than_a_form_uploads(
    client: TestClient, db: Session, admin: User
) -> None:
    text = catalogues.shipped_text(SORANI)
    assert len(text.encode("utf-8")) > 64 * 1024
    assert "Catalogue uploaded" in upload(client, "ckb", text).text


BROKEN: dict[str, tuple[str | bytes | None, str]] = {
    "a picture": (b"\xff\xd8\xff\xe0\x00\x10JFIF", "not UTF-8"),
    "garbage": ('garbage "\nmsgid', "not a .po catalogue"),
    "no language": ('msgid "Send"\nmsgstr "Anfon"\n', "for no language we know"),
    "wrong language": (None, "is for Arabic, not Welsh"),
    "lost placeholder": (None, "must keep these placeholders: council"),
    "markup": (None, "has HTML the English does not"),
    "stray percent": (None, "stray % sign"),
    "unnamed placeholder": (None, "stray % sign"),
    "empty": (b"", "Choose the .po file to upload."),
}


def broken(kind: str) -> bytes:
    raw, _ = BROKEN[kind]
    if raw is not None:
        return raw.encode() if isinstance(raw, str) else raw
    text = catalogues.shipped_text(WELSH)
    if kind == "wrong language":
        text = text.replace('"Language: cy\\n"', '"Language: ar\\n"')
    elif kind == "lost placeholder":
        text = text.replace("o %(council)s yn darllen", "o'r cyngor yn darllen")
    elif kind == "markup":
        text = text.replace('msgstr "Dweud dy ddweud"', 'msgstr "<script>alert(1)</script>"')
    elif kind == "stray percent":
        text = text.replace('msgstr "Dweud dy ddweud"', 'msgstr "Dweud 100% dy ddweud"')
    elif kind == "unnamed placeholder":
        text = text.replace('msgstr "Dweud dy ddweud"', 'msgstr "Dweud %s dy ddweud"')
    assert text != catalogues.shipped_text(WELSH)
    return text.encode("utf-8")


@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_corrupt_catalogue_is_refused_and_the_previous_one_stays(
    kind: str, client: TestClient, db: Session, admin: User
) -> None:
    post(client, "/admin/languages/cy/review")
    post(client, "/admin/languages/cy/on")
    upload(client, "cy", corrected_welsh())
    refused = upload(client, "cy", broken(kind))
    assert refused.status == 400
    summary = refused.error_summary()
    assert len(summary) == 1 and BROKEN[kind][1] in summary[0], summary
    assert refused.soup.select_one("#catalogue-error") is not None
    assert say_page_h1(client) == "Dywed dy farn"
    assert setting(db, "cy").catalogue == corrected_welsh()


def without_safety_messages(text: str) -> str:
    """The Welsh catalogue with the translation of "Are you safe?" taken out."""
    marker = 'msgid "Are you safe?"\nmsgstr "Wyt ti\'n ddiogel?"'
    assert marker in text
    return text.replace(marker, 'msgid "Are you safe?"\nmsgstr ""')


def test_a_language_cannot_go_on_without_its_safety_messages(
    client: TestClient, db: Session, admin: User
) -> None:
    post(client, "/admin/languages/cy/review")
    incomplete = without_safety_messages(catalogues.shipped_text(WELSH))
    assert "Catalogue uploaded" in upload(client, "cy", incomplete).text
    language_page = page(client.get("/admin/languages/cy"))
    assert "Are you safe?" in language_page.text  # listed as not translated
    refused = post(client, "/admin/languages/cy/on")
    assert refused.status == 400
    assert "1 safeguarding or privacy messages are not translated" in refused.error_summary()[0]
    assert setting(db, "cy").status is LanguageStatus.REVIEWED


def test_an_incomplete_catalogue_cannot_replace_one_that_is_on(
    client: TestClient, db: Session, admin: User
) -> None:
    post(client, "/admin/languages/cy/review")
    post(client, "/admin/languages/cy/on")
    incomplete = without_safety_messages(catalogues.shipped_text(WELSH))
    refused = upload(client, "cy", incomplete)
    assert refused.status == 400
    assert "Switch it off first" in refused.error_summary()[0]
    assert setting(db, "cy").catalogue is None


def test_unknown_languages_are_not_found(client: TestClient, admin: User) -> None:
    assert client.get("/admin/languages/xx").status_code == 404
    assert client.get("/admin/languages/en").status_code == 404
