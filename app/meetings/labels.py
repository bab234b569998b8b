"""Words for the meetings enums, translated when rendered."""

from app.i18n import lazy_gettext
from app.meetings.models import Electorate, MeetingKind, ProposalStatus, VotingMethod
from app.meetings.service import Phase

MEETING_KINDS = {
    MeetingKind.BOARD: lazy_gettext("Corporate Parenting Board or Panel"),
    MeetingKind.THEMED: lazy_gettext("Themed meeting"),
    MeetingKind.TAKEOVER: lazy_gettext("Takeover day"),
}
METHODS = {
    VotingMethod.DOTS: lazy_gettext("A number of votes each (dot voting)"),
    VotingMethod.RANK_TOP_THREE: lazy_gettext("Rank the top three (3, 2 and 1 points)"),
}
ELECTORATES = {
    Electorate.YOUNG_PEOPLE: lazy_gettext("All young people with an account"),
    Electorate.CICC: lazy_gettext("Children in Care Council members only"),
}
PHASES = {
    Phase.UPCOMING: lazy_gettext("Not open yet"),
    Phase.OPEN: lazy_gettext("Open"),
    Phase.CLOSED: lazy_gettext("Closed"),
}
PROPOSAL_STATUSES = {
    ProposalStatus.WAITING: lazy_gettext("Waiting for a worker"),
    ProposalStatus.ACCEPTED: lazy_gettext("Added to the vote"),
    ProposalStatus.DECLINED: lazy_gettext("Not added"),
}
