"""The board chair pulls a voice summary on a laptop, JavaScript on and off, axe on every page:
both versions, the PDF (its first page rendered to an image, which must not be blank) and
freezing it onto the meeting."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlmodel import Session

from app.people.models import Role
from tests.browser.helpers import ContextFactory, TabOpener, check_axe
from tests.browser.test_moderation import make_staff, sign_in
from tests.summaries.helpers import SHARED_WORDS, pdf_text, seed_summary
from tests.support.idp import LoopbackIdP

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1280, "height": 800}


def first_page_ink(pdf: Path) -> float:
    """The share of the PDF's first page that is not white, from poppler's greyscale render."""
    tool = shutil.which("pdftoppm")
    assert tool, "pdftoppm is missing: install Debian's poppler-utils (scripts/test.sh does)"
    out = pdf.with_suffix("")
    subprocess.run(  # noqa: S603 (a fixed tool on our own file)
        [tool, "-f", "1", "-l", "1", "-r", "40", "-gray", "-singlefile", str(pdf), str(out)],
        check=True,
    )
    image = out.with_suffix(".pgm").read_bytes()
    # Binary PGM: "P5", width, height, maxval, then one byte a pixel.
    fields = image.split(maxsplit=4)
    assert fields[0] == b"P5"
    width, height = int(fields[1]), int(fields[2])
    pixels = fields[4][-width * height :]
    return sum(1 for value in pixels if value < 200) / len(pixels)


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_chair_pulls_a_summary_downloads_the_pdf_and_freezes_it(
    new_context: ContextFactory,
    open_tab: TabOpener,
    idp: LoopbackIdP,
    db: Session,
    tmp_path: Path,
    javascript: bool,
) -> None:
    seeded = seed_summary(db)
    make_staff(db, idp, Role.BOARD_CHAIR, "Morgan Chair", "chair-sum")
    tab = open_tab(new_context(javascript=javascript, viewport=LAPTOP))
    page = tab.page
    sign_in(tab, idp, "chair-sum", "Morgan Chair")

    page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Voice summaries"
    ).click()
    page.wait_for_url(tab.url("/staff/summaries"))
    check_axe(tab, "summaries home")
    page.get_by_role("button", name="Get the summary").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose a meeting, or enter the first day."
    )
    check_axe(tab, "summaries home with errors")
    summer = f"Board, summer ({seeded.meeting.held_on.day} {seeded.meeting.held_on:%B %Y})"
    page.get_by_label("Board meeting").select_option(label=summer)
    page.get_by_role("button", name="Get the summary").click()
    page.wait_for_url(re.compile(r"/staff/summaries/board\?"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Board, summer")
    expect(page.get_by_text(SHARED_WORDS)).to_be_visible()
    check_axe(tab, "board version")

    page.get_by_role("link", name="The version for young people").click()
    page.wait_for_url(re.compile(r"/staff/summaries/young\?"))
    expect(page.get_by_role("heading", level=1)).to_have_text("What you told us")
    check_axe(tab, "young people's version")
    page.get_by_role("link", name="The version for the board").click()
    page.wait_for_url(re.compile(r"/staff/summaries/board\?"))

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download this version as a PDF").click()
    pdf = tmp_path / "summary.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert SHARED_WORDS in pdf_text(pdf.read_bytes())
    ink = first_page_ink(pdf)
    assert 0.005 < ink < 0.6, ink  # words and a chart, on a white page

    page.get_by_role("button", name="Freeze and attach to the meeting").click()
    page.wait_for_url(re.compile(r"/staff/summaries/frozen/\d+$"))
    expect(page.get_by_text("Frozen version 1")).to_be_visible()
    check_axe(tab, "frozen summary")
    tab.assert_clean()
    assert seeded.meeting.id is not None
