"""Grant competitions as the public-benefit act runs them (docs/law.md#public-benefit-act), one sub-package
per area: the yearly schedule, the open competition, its offers and its evaluation committee. The models
live in the areas; they are imported here so that Django registers them under the app label "grants".
"""

from partnerstwo.grants.agreements.models import (
    Agreement,
    AgreementAction,
    AgreementClauses,
    AgreementCostLine,
    AgreementResult,
)
from partnerstwo.grants.committees.models import (
    NGO_MEMBER_NEEDS_ORGANIZATION,
    CommitteeMember,
    ImpartialityDeclaration,
    Nomination,
    Score,
)
from partnerstwo.grants.competitions.models import (
    Competition,
    CompetitionChange,
    CompetitionDocument,
    CompetitionQuerySet,
    Criterion,
    OutcomePublication,
    PriorFunding,
)
from partnerstwo.grants.offers.models import (
    CorrectionRequest,
    CostLine,
    Offer,
    OfferAction,
    OfferPartner,
    OfferResult,
    OfferVersion,
    OnlineOffer,
)
from partnerstwo.grants.reports.models import Report, ReportAction, ReportCost, ReportResult
from partnerstwo.grants.schedule.models import (
    MONTHS,
    Mode,
    PlannedCompetition,
    PlannedCompetitionChange,
    ScheduleComment,
    ScheduleYear,
)

__all__ = [
    "Agreement",
    "AgreementAction",
    "AgreementClauses",
    "AgreementCostLine",
    "AgreementResult",
    "MONTHS",
    "NGO_MEMBER_NEEDS_ORGANIZATION",
    "CommitteeMember",
    "Competition",
    "CompetitionChange",
    "CompetitionDocument",
    "CompetitionQuerySet",
    "Criterion",
    "ImpartialityDeclaration",
    "Mode",
    "Nomination",
    "CorrectionRequest",
    "CostLine",
    "Offer",
    "OfferAction",
    "OfferPartner",
    "OfferResult",
    "OfferVersion",
    "OnlineOffer",
    "OutcomePublication",
    "PlannedCompetition",
    "PlannedCompetitionChange",
    "PriorFunding",
    "Report",
    "ReportAction",
    "ReportCost",
    "ReportResult",
    "ScheduleComment",
    "ScheduleYear",
    "Score",
]
