"""Every user-facing string goes through gettext, and the catalogue template is kept current."""

from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from app.config import ROOT


def msgids(path: Path) -> set[str]:
    with path.open("rb") as handle:
        return {str(message.id) for message in read_po(handle) if message.id}


def test_catalogue_template_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    arguments = ["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "-k", "lazy_gettext"]
    CommandLineInterface().run([*arguments, "-o", str(fresh), "--no-location", str(ROOT)])  # type: ignore[no-untyped-call]
    assert len(msgids(fresh)) > 100, "the extraction should find every string"
    committed = msgids(ROOT / "app" / "locales" / "messages.pot")
    missing = msgids(fresh) - committed
    assert not missing, f"run `make i18n`: {sorted(missing)[:10]}"
