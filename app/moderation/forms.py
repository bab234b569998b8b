"""Reading the moderation forms: only known fields, cleaned, and everything typed kept."""

from dataclasses import dataclass, field

from starlette.datastructures import FormData

from app.forms import Refused, clean_text, form_values, whole_number
from app.i18n import gettext as _
from app.moderation.models import RedactionKind, Sharing
from app.themes.service import read_topics

DECISIONS = (
    Sharing.SHARED,
    Sharing.PRIVATE,
    Sharing.FOLLOW_UP,
    Sharing.NOT_SHARED,
    Sharing.SAFEGUARDING,
)
MAX_NOTE_CHARS = 2000
MAX_REMOVE_CHARS = 2000
MAX_WHY_CHARS = 300


def reason_field(decision: Sharing) -> str:
    return f"reason_{decision.value}"


@dataclass
class DecisionRequest:
    """What an officer sent from the decision form."""

    values: dict[str, str]  # every single-valued field as typed, for putting back in the form
    themes: list[str] = field(default_factory=list)  # ticked checkboxes, as sent
    redact: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    version: int | None = None
    decision: Sharing | None = None
    reason_id: int | None = None

    @property
    def note(self) -> str:
        return self.values.get("note", "").strip()

    @property
    def remove_text(self) -> str:
        return self.values.get("remove_text", "")

    @property
    def remove_kind(self) -> RedactionKind:
        chosen = self.values.get("remove_kind", "")
        return next((k for k in RedactionKind if k.value == chosen), RedactionKind.OTHER)

    @property
    def remove_why(self) -> str:
        return self.values.get("remove_why", "").strip()

    @property
    def previewed(self) -> str:
        return self.values.get("previewed", "")

    @property
    def action(self) -> str:
        """ "preview" shows the shared version; "save" saves the decision."""
        return "preview" if self.values.get("action") == "preview" else "save"

    @property
    def topics(self) -> list[str]:
        """Free topics typed, tidied; a problem is already in `errors["topics"]`."""
        try:
            return read_topics(self.values.get("topics", ""))
        except Refused:
            return []

    @property
    def theme_ids(self) -> list[int]:
        chosen = (whole_number(value) for value in self.themes)
        return sorted({value for value in chosen if value is not None})

    def error_list(self) -> list[dict[str, str]]:
        return [{"text": message, "href": f"#{name}"} for name, message in self.errors.items()]


def read_decision(form: FormData) -> DecisionRequest:
    request = DecisionRequest(
        values=form_values(form),
        themes=[clean_text(value)[:12] for value in form.getlist("themes")][:50],
        redact=[clean_text(value)[:24] for value in form.getlist("redact")][:200],
    )
    request.values.pop("themes", None)
    request.values.pop("redact", None)
    version = request.values.get("version", "")
    request.version = int(version) if version.isdigit() and len(version) < 10 else None
    chosen = request.values.get("decision", "")
    request.decision = next((d for d in DECISIONS if d.value == chosen), None)
    if request.decision is None:
        request.errors["decision"] = _("Choose what happens to this item.")
    else:
        name = reason_field(request.decision)
        reason = request.values.get(name, "")
        request.reason_id = int(reason) if reason.isdigit() and len(reason) < 10 else None
        if request.reason_id is None:
            request.errors[name] = _("Choose a reason. The young person will read it.")
    try:
        read_topics(request.values.get("topics", ""))
    except Refused as refused:
        request.errors["topics"] = refused.message
    if len(request.note) > MAX_NOTE_CHARS:
        request.errors["note"] = _("Keep the note to %(limit)s characters or fewer.") % {
            "limit": f"{MAX_NOTE_CHARS:,}"
        }
    if len(request.remove_text) > MAX_REMOVE_CHARS:
        request.errors["remove_text"] = _(
            "Keep the text to remove to %(limit)s characters or fewer."
        ) % {"limit": f"{MAX_REMOVE_CHARS:,}"}
    if len(request.remove_why) > MAX_WHY_CHARS:
        request.errors["remove_why"] = _("Keep the reason to %(limit)s characters or fewer.") % {
            "limit": f"{MAX_WHY_CHARS:,}"
        }
    return request


def read_tags(form: FormData) -> DecisionRequest:
    """The "themes and topics" form for an item that is already shared."""
    request = DecisionRequest(
        values=form_values(form),
        themes=[clean_text(value)[:12] for value in form.getlist("themes")][:50],
    )
    request.values.pop("themes", None)
    try:
        read_topics(request.values.get("topics", ""))
    except Refused as refused:
        request.errors["tag_topics"] = refused.message
    return request
