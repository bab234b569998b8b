"""Exports: the PDF of either version (WeasyPrint, from the same HTML as the page, with the
print stylesheet), and the officers' CSV of shared items, streamed in batches.

WeasyPrint never fetches anything over the network: the only files it may read are the app's
own stylesheets under static/, served from disk by `LocalFiles`.
"""

import csv
import io
import logging
import mimetypes
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import urlsplit

from weasyprint import HTML  # type: ignore[import-untyped]
from weasyprint.urls import URLFetcher, URLFetcherResponse  # type: ignore[import-untyped]

from app.config import ROOT
from app.db import new_session
from app.events import repository as events_repository
from app.i18n import gettext as _
from app.moderation.repository import SharedFilter, shared_items_stream
from app.smallnumbers import count_text
from app.summaries import repository
from app.summaries.repository import Window
from app.themes import repository as themes_repository
from app.timeutil import COUNCIL_TIME
from app.voice.repository import latest_public_responses

PDF_ORIGIN = "https://pdf.invalid"  # the pretend address PDF pages are rendered at
STATIC = (ROOT / "static").resolve()
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_BATCH = 1000
# WeasyPrint warns about every screen-only CSS rule in the app stylesheet; only errors matter.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


class LocalFiles(URLFetcher):  # type: ignore[misc]
    """Serves `/static/...` from disk; refuses every other address."""

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if url.startswith(PDF_ORIGIN + "/static/"):
            path = (STATIC / parts.path.removeprefix("/static/")).resolve()
            if path.is_relative_to(STATIC) and path.is_file():
                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})
        raise ValueError("PDFs load nothing but the app's own static files")


@lru_cache(maxsize=1)
def _fetcher() -> LocalFiles:
    return LocalFiles(allowed_protocols=("https",))


def pdf_of(html: str) -> bytes:
    """An A4 PDF of a page (its print stylesheet decides the layout)."""
    document = HTML(string=html, base_url=PDF_ORIGIN + "/", url_fetcher=_fetcher())
    return bytes(document.write_pdf())


def cell(value: str) -> str:
    """A spreadsheet cell that cannot run as a formula: a leading =, +, -, @, tab or carriage
    return gets a single quote in front (OWASP's advice on CSV injection)."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([cell(value) for value in values])
    return buffer.getvalue()


def csv_lines(window: Window) -> Iterator[str]:
    """One row per shared item approved in the period (on the chosen themes), oldest first:
    only approved, redacted, consented words, never an item under safeguarding. Reads in
    batches through its own session, since the response is sent after the request's ends."""
    yield "\ufeff" + _line(
        [
            _("Approved on"),
            _("Themes"),
            _("Topics"),
            _("Young people who said this"),
            _("Said at"),
            _("Shared words"),
            _("What we did"),
            _("Board actions"),
        ]
    )
    where = SharedFilter(
        theme_ids=window.theme_ids, approved_from=window.start_at, approved_before=window.end_at
    )
    with new_session() as db:
        names = repository.theme_names(db)
        for batch in shared_items_stream(db, where=where, batch=CSV_BATCH):
            ids = [item.item_id for item in batch]
            held = repository.withheld(db, ids)
            topics = themes_repository.topic_labels_of(db, ids)
            answers = latest_public_responses(db, ids)
            actions = repository.action_titles_of(db, ids)
            events = events_repository.names_of(
                db, {item.event_id for item in batch if item.event_id is not None}
            )
            chunk = io.StringIO()
            for item in batch:
                if item.item_id in held:
                    continue
                chunk.write(
                    _line(
                        [
                            item.approved_at.astimezone(COUNCIL_TIME).date().isoformat(),
                            "; ".join(names.get(t, "") for t in item.theme_ids),
                            "; ".join(topics.get(item.item_id, [])),
                            count_text(item.voices),
                            events.get(item.event_id, "") if item.event_id else "",
                            item.text,
                            answers.get(item.item_id, ""),
                            "; ".join(actions.get(item.item_id, [])),
                        ]
                    )
                )
            yield chunk.getvalue()
