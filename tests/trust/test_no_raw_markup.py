"""Nothing marks text as safe HTML (IO-01, IO-02): autoescape does all the work.

The one allowed place is the GOV.UK error-message macro's `html` parameter, which our templates
never pass (they pass `text`).
"""

import re

from app.config import ROOT
from app.web import environment

ALLOWED = {"templates/govuk_frontend_jinja/components/error-message/macro.html"}
IN_TEMPLATES = re.compile(r"\|\s*safe\b|autoescape\s+false", re.IGNORECASE)
IN_CODE = re.compile(r"Markup\(|markupsafe|autoescape\s*=\s*False")


def test_no_template_or_module_marks_text_as_safe() -> None:
    found = [
        str(path.relative_to(ROOT))
        for folder, pattern, marks_safe in (
            ("templates", "*.html", IN_TEMPLATES),
            ("app", "*.py", IN_CODE),
        )
        for path in (ROOT / folder).rglob(pattern)
        if marks_safe.search(path.read_text(encoding="utf-8"))
    ]
    assert sorted(set(found) - ALLOWED) == []


def test_autoescape_is_on() -> None:
    rendered = environment.from_string("{{ words }}").render(words="<b>x</b>")
    assert rendered == "&lt;b&gt;x&lt;/b&gt;"


def test_no_template_passes_html_to_the_error_message() -> None:
    passing_html = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if re.search(r"errorMessage\"?\s*:\s*\{\s*\"html\"", path.read_text(encoding="utf-8"))
    ]
    assert passing_html == []
