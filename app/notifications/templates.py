"""Stable template keys the app uses, mapped to GOV.UK Notify template ids from settings.

App code says `template="safeguarding_alert"`; the council's Notify template id is configuration
(`NOTIFY_TEMPLATE_SAFEGUARDING_ALERT`), read when the message is sent, so a mistyped id can be
fixed without touching queued rows. Add a key here and a `notify_template_<key>` setting together.
"""

from app.config import Settings

TEMPLATE_SETTINGS: dict[str, str] = {
    "safeguarding_alert": "notify_template_safeguarding_alert",
    "councillor_digest": "notify_template_councillor_digest",
    "action_overdue": "notify_template_action_overdue",
    "actions_weekly": "notify_template_actions_weekly",
    "item_news_email": "notify_template_item_news_email",
    "item_news_sms": "notify_template_item_news_sms",
}


def is_known_template(key: str) -> bool:
    return key in TEMPLATE_SETTINGS


def template_id(key: str, settings: Settings) -> str | None:
    """The configured Notify template id for `key`, or None when unknown or not configured."""
    attribute = TEMPLATE_SETTINGS.get(key)
    if attribute is None:
        return None
    value = getattr(settings, attribute, None)
    return value or None
