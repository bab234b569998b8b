"""Parses every page a test looks at and checks the basics any page must get right."""

from collections import Counter
from dataclasses import dataclass

import httpx
from bs4 import BeautifulSoup, Tag

FIELD_TAGS = ("input", "textarea", "select")
UNLABELLED_TYPES = {"hidden", "submit", "button", "image", "reset"}


@dataclass
class Page:
    response: httpx.Response
    soup: BeautifulSoup

    @property
    def status(self) -> int:
        return self.response.status_code

    @property
    def h1(self) -> str:
        heading = self.soup.find("h1")
        return heading.get_text(" ", strip=True) if heading else ""

    @property
    def text(self) -> str:
        return self.soup.get_text(" ", strip=True)

    def form(self, action: str) -> dict[str, str]:
        """Every named field's current value in the form posting to `action`."""
        form = self.soup.find("form", attrs={"action": action})
        assert isinstance(form, Tag), f"no form posting to {action}"
        values: dict[str, str] = {}
        for field in form.find_all(FIELD_TAGS):
            name = field.get("name")
            if not name:
                continue
            if field.name == "textarea":
                values[str(name)] = field.get_text()
            elif field.get("type") in {"radio", "checkbox"}:
                if field.has_attr("checked"):
                    values[str(name)] = str(field.get("value", "on"))
            elif field.name == "select":
                chosen = field.find("option", selected=True) or field.find("option")
                values[str(name)] = str(chosen.get("value", "")) if chosen else ""
            else:
                values[str(name)] = str(field.get("value", ""))
        return values

    def error_summary(self) -> list[str]:
        summary = self.soup.select(".govuk-error-summary__list li")
        return [item.get_text(" ", strip=True) for item in summary]


def check_page(soup: BeautifulSoup) -> None:
    """One h1, a title, unique ids, a language, and a label for every field."""
    assert soup.html is not None and soup.html.get("lang"), "page has no lang"
    title = soup.find("title")
    assert title is not None and title.get_text(strip=True), "page has no <title>"
    assert len(soup.find_all("h1")) == 1, "page must have exactly one h1"
    ids = [str(tag["id"]) for tag in soup.find_all(id=True)]
    duplicates = [name for name, count in Counter(ids).items() if count > 1]
    assert not duplicates, f"duplicate ids: {duplicates}"
    labelled = {str(label.get("for")) for label in soup.find_all("label") if label.get("for")}
    for field in soup.find_all(FIELD_TAGS):
        if field.get("type") in UNLABELLED_TYPES:
            continue
        has_label = (
            field.get("id") in labelled
            or field.get("aria-label")
            or field.get("aria-labelledby")
            or field.find_parent("label") is not None
        )
        assert has_label, f"unlabelled field: {field}"


def page(response: httpx.Response, status: int = 200) -> Page:
    assert response.status_code == status, (response.status_code, response.text[:500])
    soup = BeautifulSoup(response.text, "html5lib")
    check_page(soup)
    return Page(response, soup)


def fragment(response: httpx.Response, status: int = 200) -> BeautifulSoup:
    """An HTMX response: a piece of a page, not a whole document."""
    assert response.status_code == status, (response.status_code, response.text[:500])
    assert "<html" not in response.text.lower(), "expected a fragment, got a whole page"
    return BeautifulSoup(response.text, "html5lib")
