"""The accessibility statement in the regulations' format, linked from every footer (AX-05)."""

import re

import pytest
from fastapi.testclient import TestClient

from tests.support.pages import page

REQUIRED = [
    "Compliance status",
    "Known issues",
    "Feedback and contact information",
    "Enforcement procedure",
    "Preparation of this statement",
]


def test_the_statement_has_the_required_sections(client: TestClient) -> None:
    result = page(client.get("/accessibility"))
    assert result.h1.startswith("Accessibility statement")
    headings = [h.get_text(strip=True) for h in result.soup.find_all("h2")]
    assert [h for h in REQUIRED if h not in headings] == []
    assert re.search(r"last reviewed on \d{1,2} \w+ \d{4}", result.text)
    assert "Equality and Human Rights Commission" in result.text


@pytest.mark.parametrize("path", ["/", "/say", "/help", "/staff/sign-in", "/no-such-page"])
def test_every_footer_links_to_it(client: TestClient, path: str) -> None:
    response = client.get(path)
    footer = page(response, response.status_code).soup.find("footer")
    assert footer is not None and footer.find("a", href="/accessibility") is not None
