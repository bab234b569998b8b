"""Words for the keys a summary stores (channels, age bands, action statuses), translated when
rendered, so a frozen summary reads in today's wording of the same facts."""

from app.actions.labels import STATUS_LABELS, STATUS_TAGS, YOUNG_STATUS_LABELS
from app.actions.models import ActionStatus
from app.i18n import lazy_gettext
from app.moderation.queue_routes import AGE_LABELS, CHANNEL_LABELS
from app.summaries.repository import NOT_GIVEN
from app.summaries.service import UNKNOWN_BAND
from app.voice.models import AgeBand

NOT_GIVEN_LABEL = lazy_gettext("Not given")
NOT_NOTED_LABEL = lazy_gettext("Not noted")


def channel_label(key: str) -> str:
    return str(CHANNEL_LABELS.get(key, key))


def age_label(key: str) -> str:
    if key == NOT_GIVEN:
        return str(NOT_GIVEN_LABEL)
    if key == UNKNOWN_BAND:
        return str(NOT_NOTED_LABEL)
    band = next((band for band in AgeBand if band.value == key), None)
    return str(AGE_LABELS[band]) if band else key


def same(key: str) -> str:
    return key


def status_label(key: str, *, young: bool = False) -> str:
    status = ActionStatus(key)
    return str((YOUNG_STATUS_LABELS if young else STATUS_LABELS)[status])


def status_tag(key: str) -> str:
    return STATUS_TAGS[ActionStatus(key)]
