"""The catalogues: young.pot is current, every shipped catalogue is a complete, safe draft,
and the safeguarding and privacy messages are translated everywhere."""

from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from app.config import ROOT
from app.languages import catalogues
from app.languages.registry import TRANSLATED, Language


def msgids(path: Path) -> set[str]:
    with path.open("rb") as handle:
        return {str(message.id) for message in read_po(handle) if message.id}


def test_young_peoples_template_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "young.pot"
    arguments = ["pybabel", "-q", "extract", "-F", str(ROOT / "babel-young.cfg")]
    arguments += ["-k", "lazy_gettext", "-c", "SAFETY:", "-o", str(fresh), "--no-location"]
    CommandLineInterface().run([*arguments, str(ROOT)])  # type: ignore[no-untyped-call]
    assert msgids(fresh) == msgids(catalogues.YOUNG_TEMPLATE), "run `make i18n`"
    with fresh.open("rb") as handle:
        safety = {str(m.id) for m in read_po(handle) if m.id and m.auto_comments}
    assert safety == {
        message.id if isinstance(message.id, str) else message.id[0]
        for message in catalogues.young_messages()
        if message.safety
    }


def test_the_safeguarding_and_privacy_set_covers_what_the_brief_names() -> None:
    safety = catalogues.safety_keys()
    words = " ".join(safety)
    for needed in ("999", "Childline", "not safe", "reads", "keep"):
        assert needed in words, needed
    assert "Are you safe?" in safety
    assert "Report a worry" in safety


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda language: language.code)
def test_every_shipped_catalogue_is_a_complete_draft(language: Language) -> None:
    text = catalogues.shipped_text(language)
    assert "DRAFT" in text.split("msgid", 1)[0], "the header says it is a draft"
    catalog = catalogues.parse(text)
    assert catalog.last_translator == "draft, not reviewed by the council"
    coverage = catalogues.coverage(catalog)
    assert coverage.missing_safety == (), "safeguarding and privacy messages first"
    assert coverage.missing_other == (), "every young people's message"
    assert list(catalogues.message_problems(catalog)) == []
    # The same checks an admin's upload goes through.
    catalogues.check_upload(text.encode("utf-8"), language)


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda language: language.code)
def test_plural_forms_follow_the_language(language: Language) -> None:
    catalog = catalogues.parse(catalogues.shipped_text(language))
    plural = next(message for message in catalog if message.id and not isinstance(message.id, str))
    assert len(catalogues.forms_of(plural)) == catalog.num_plurals
    translations = catalogues.compile_catalog(catalog)
    assert "%(num)d" in translations.ngettext("%(num)d vote", "%(num)d votes", 7)


def test_a_catalogue_without_a_translation_keeps_the_english() -> None:
    welsh = catalogues.compile_catalog(catalogues.parse(catalogues.shipped_text(TRANSLATED[0])))
    assert welsh.gettext("Have your say") == "Dweud dy ddweud"
    assert welsh.gettext("A message nobody wrote") == "A message nobody wrote"
