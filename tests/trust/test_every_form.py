"""Every form on every page each role can reach, filled with attacks and random text (IO-01,
IO-03, AC-06).

The forms are found by walking the route inventory (the policy matrix says who may open each
page), so a new form is attacked without anyone writing a test for it. For each form:

- a corpus of script, attribute break-out, `javascript:` and template-syntax payloads, and
  Hypothesis-generated text (FUZZ_EXAMPLES per form; `make trust` runs more), in every text field,
  with unknown extra fields (`status`, `author_id`, `role`) added;
- never a 5xx;
- a form shown again with an error (400, 409, 422, 429) still holds every word typed;
- no payload ever comes back as markup, on the answer or on any page afterwards.

The real-browser half (no dialog ever fires) is tests/browser/test_payloads.py.
"""

import json
import os
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from bs4 import BeautifulSoup, Tag
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session

from app.authz import PUBLIC_ROUTES
from app.people.models import Role
from app.security import CSRF_FIELD
from tests.support.route_objects import ANONYMOUS, RouteObjects, seed_route_objects, sign_in_as
from tests.test_policy_matrix import ALLOWED
from tests.trust.payloads import ODD_NUMBERS, PAYLOADS, rendered_as_markup

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "5"))
TEXT_TYPES = {"text", "search", "email", "tel", "url", "number", "date", "time", "password", None}
RE_SHOWN = {400, 409, 422, 429}
# Posting these would end the walk (signing out) rather than test a form.
LEAVES_THE_WALK = {"/sign-out", "/staff/sign-out"}
PLAIN_HIDDEN = {CSRF_FIELD, "next", "back", "items", "item", "confirm"}
MASS_ASSIGNMENT = {"status": "closed", "author_id": "1", "role": "admin", "sharing": "shared"}
WALKERS = [ANONYMOUS, *(role.value for role in Role)]


@dataclass
class FoundForm:
    page: str
    method: str
    action: str
    texts: list[str] = field(default_factory=list)  # free-text field names
    secrets: set[str] = field(default_factory=set)  # passphrases: never shown again
    choices: list[str] = field(default_factory=list)  # selects, radios, checkboxes
    one_time: bool = False  # carries a one-time key or a version: render it afresh each post
    fixed: dict[str, str] = field(default_factory=dict)  # everything else, as the page set it

    @property
    def key(self) -> tuple[str, str, tuple[str, ...]]:
        return (self.method, self.action, tuple(sorted(self.texts + self.choices)))


def forms_on(html: str, page: str) -> Iterator[FoundForm]:
    for form in BeautifulSoup(html, "html.parser").find_all("form"):
        action = str(form.get("action") or page)
        if not action.startswith("/") or action.split("?")[0] in LEAVES_THE_WALK:
            continue
        found = FoundForm(page=page, method=str(form.get("method", "get")).lower(), action=action)
        for element in form.find_all(("input", "textarea", "select")):
            name = element.get("name")
            if not name:
                continue
            kind = element.get("type")
            if element.name == "textarea" or (element.name == "input" and kind in TEXT_TYPES):
                found.texts.append(str(name))
                if kind == "password":
                    found.secrets.add(str(name))
            elif element.name == "select":
                option = element.find("option", selected=True) or element.find("option")
                found.fixed[str(name)] = str(option.get("value", "")) if option else ""
                found.choices.append(str(name))
            elif kind in {"radio", "checkbox"}:
                found.fixed.setdefault(str(name), str(element.get("value", "on")))
                found.choices.append(str(name))
            elif kind != "submit":
                found.fixed[str(name)] = str(element.get("value", ""))
                found.one_time |= kind == "hidden" and name not in PLAIN_HIDDEN
        if found.texts or found.choices:
            yield found


def _fresh_hidden_values(client: TestClient, form: FoundForm) -> dict[str, str]:
    """A new render of the page: a fresh one-time key, so every post is a new attempt."""
    response = client.get(form.page)
    for again in forms_on(response.text, form.page):
        if again.key == form.key:
            return again.fixed
    return form.fixed


def _shown_again(html: str, action: str, name: str) -> str | None:
    """The value of field `name` in the form posting to `action` (pages may have several forms
    with the same field names, one per row)."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", attrs={"action": action}) or soup
    element = form.find(("textarea", "input"), attrs={"name": name})
    if not isinstance(element, Tag):
        return None
    return element.get_text() if element.name == "textarea" else str(element.get("value", ""))


def _normal(text: str) -> str:
    """What the app keeps of typed text: NFC, Unix newlines, no control characters."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    kept = (c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    return "".join(kept).strip()


@dataclass
class Walk:
    client: TestClient
    objects: RouteObjects
    problems: list[str] = field(default_factory=list)
    posts: int = 0
    kinds: Counter[str] = field(default_factory=Counter)  # payloads, odd numbers, random

    def pages(self, role: str) -> list[str]:
        paths = [p for (m, p), roles in ALLOWED.items() if m == "GET" and role in roles]
        paths += [p for m, p in PUBLIC_ROUTES if m == "GET" and "{" not in p]
        return [self.objects.url(path) for path in paths if "download" not in path]

    def send(
        self,
        form: FoundForm,
        text: str,
        extra: dict[str, str],
        *,
        into_choices: bool = False,
        kind: str = "payloads",
    ) -> None:
        """Posts `text` in every text field (and in every choice, when `into_choices`)."""
        fixed = _fresh_hidden_values(self.client, form) if form.one_time else form.fixed
        values = {**fixed, **extra}
        values |= {name: text for name in form.texts}
        if into_choices:
            values |= {name: text for name in form.choices}
        if form.method == "post":
            response = self.client.post(form.action, data=values, follow_redirects=False)
        else:
            response = self.client.get(form.action, params=values, follow_redirects=False)
        self.posts += 1
        self.kinds[kind] += 1
        where = f"{form.method.upper()} {form.action} (from {form.page})"
        if response.status_code >= 500:
            self.problems.append(f"{where}: {response.status_code} for {text!r}")
            return
        if rendered_as_markup(response.text):
            self.problems.append(f"{where}: a payload came back as markup for {text!r}")
        if response.status_code in RE_SHOWN and "text/html" in response.headers["content-type"]:
            for name in set(form.texts) - form.secrets:
                shown = _shown_again(response.text, form.action, name)
                if shown is not None and _normal(shown) != _normal(text):
                    self.problems.append(f"{where}: {name} lost the words {text!r}")


def _add_to_trust_report(**counts: int) -> None:
    """`make trust` (tests/trust/report.py) sums these into "attacks tried"."""
    if target := os.environ.get("TRUST_STATS"):
        with open(target, "a", encoding="utf-8") as stats:
            stats.write(json.dumps(counts) + "\n")


def fuzz(walk: Walk, form: FoundForm) -> None:
    @settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(text=st.text(st.characters(exclude_categories=["Cs"]), max_size=300), into=st.booleans())
    def random_text(text: str, into: bool) -> None:
        walk.send(form, text, {}, into_choices=into, kind="random")

    random_text()


@pytest.mark.parametrize("role", WALKERS)
def test_every_form_survives_attacks_and_random_text(role: str, app: FastAPI, db: Session) -> None:
    objects = seed_route_objects(db)
    client = TestClient(app, base_url="http://testserver")
    sign_in_as(client, db, role, objects)
    walk = Walk(client, objects)
    forms: dict[tuple[str, str, tuple[str, ...]], FoundForm] = {}
    for path in walk.pages(role):
        response = client.get(path)
        if response.status_code == 200 and "text/html" in response.headers["content-type"]:
            for form in forms_on(response.text, path):
                forms.setdefault(form.key, form)
    assert forms or role in {Role.ADMIN.value}, f"{role} should find forms to test"

    for form in forms.values():
        for payload in PAYLOADS:
            walk.send(form, payload, MASS_ASSIGNMENT)
        for odd in [*PAYLOADS[:2], *ODD_NUMBERS]:
            walk.send(form, odd, {}, into_choices=True, kind="odd")
        fuzz(walk, form)

    for path in walk.pages(role):
        page = client.get(path)
        if "text/html" in page.headers.get("content-type", "") and rendered_as_markup(page.text):
            walk.problems.append(f"GET {path}: a payload is rendered as markup")
    _add_to_trust_report(forms=len(forms), posts=walk.posts, **walk.kinds)
    summary = f"{len(walk.problems)} problems in {walk.posts} posts:\n"
    assert not walk.problems, summary + "\n".join(sorted(set(walk.problems)))
