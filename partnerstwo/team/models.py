"""The advisory body (the Team, a public-benefit council: docs/law.md#art-41e-41g-body-rules), one sub-package per
area: the body with its terms and members, its meetings, its positions and votes, its sector groups and working
teams. The models live in the areas; they are imported here so that Django registers them under the app label
"team".
"""

from partnerstwo.team.body.models import (
    ROLE_ORDER,
    Body,
    BodyQuerySet,
    Membership,
    MembershipQuerySet,
    Term,
    TermQuerySet,
)
from partnerstwo.team.groups.models import Group, GroupMember, GroupQuerySet
from partnerstwo.team.meetings.models import (
    ActionItem,
    ActionItemQuerySet,
    AgendaDocument,
    AgendaItem,
    Attendance,
    Guest,
    Meeting,
    MeetingQuerySet,
    MinutesComment,
)
from partnerstwo.team.positions.models import (
    STATUTORY_OPINION_DAYS,
    Amendment,
    LegalAct,
    Position,
    PositionQuerySet,
    PositionVote,
)

__all__ = [
    "ROLE_ORDER", "STATUTORY_OPINION_DAYS", "ActionItem", "ActionItemQuerySet", "AgendaDocument", "AgendaItem",
    "Amendment", "Attendance", "Body", "BodyQuerySet", "Group", "GroupMember", "GroupQuerySet", "Guest", "LegalAct",
    "Meeting", "MeetingQuerySet", "Membership", "MembershipQuerySet", "MinutesComment", "Position",
    "PositionQuerySet", "PositionVote", "Term", "TermQuerySet",
]
