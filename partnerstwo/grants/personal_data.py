"""What grants hold about a person: comments on the draft grant schedule, nominations and seats on
evaluation committees, and what they did on agreements and reports (drafted, handed in, assessed, the versions
of the agreement's clauses written).

Deleting the account: a seat on an evaluation committee is the competition's official record: the seat,
the declaration of impartiality and the scores stay, naming the member by name only (no address, no
account). Nominations of the person go. Agreements, reports and the clauses' versions are the grants' official
record: they lose the link to the account (SET_NULL) and keep the names written in the agreement's text.
"""

from django.db.models import Q

from partnerstwo.accounts.personal_data import addresses_of
from partnerstwo.grants.agreements.models import Agreement, AgreementClauses
from partnerstwo.grants.committees.models import CommitteeMember, Nomination
from partnerstwo.grants.reports.models import Report
from partnerstwo.grants.schedule.models import ScheduleComment


def export(user) -> dict:
    seats = CommitteeMember.objects.filter(user=user).select_related("competition", "declaration").order_by("pk")
    return {
        "schedule_comments": [
            {"schedule_year": comment.schedule.year, "text": comment.text, "created_at": comment.created_at}
            for comment in ScheduleComment.objects.filter(author=user).select_related("schedule").order_by("pk")
        ],
        "committee_nominations": [
            {"competition": nomination.competition.title, "status": nomination.status,
             "justification": nomination.justification, "created_at": nomination.created_at}
            for nomination in Nomination.objects.filter(candidate=user).select_related("competition").order_by("pk")
        ],
        "committee_seats": [
            {
                "competition": seat.competition.title,
                "role": seat.role,
                "is_chair": seat.is_chair,
                "appointed_at": seat.appointed_at,
                "declaration_signed_at": getattr(getattr(seat, "declaration", None), "signed_at", None),
            }
            for seat in seats
        ],
        "agreements_drafted_or_signature_recorded": [
            {"title": agreement.title, "drafted_at": agreement.drafted_at, "signed_on": agreement.signed_on}
            for agreement in Agreement.objects.filter(Q(drafted_by=user) | Q(signature_recorded_by=user)).order_by("pk")
        ],
        "agreement_clauses_written": [
            {"version": clauses.number, "note": clauses.note, "created_at": clauses.created_at}
            for clauses in AgreementClauses.objects.filter(created_by=user).order_by("number")
        ],
        "reports_handed_in_or_assessed": [
            {"agreement": report.agreement.title, "kind": report.kind, "status": report.status,
             "submitted_at": report.submitted_at, "decided_at": report.decided_at, "remarks": report.remarks}
            for report in Report.objects.filter(Q(submitted_by=user) | Q(decided_by=user))
            .select_related("agreement").order_by("pk")
        ],
    }


def forget(user) -> None:
    Nomination.objects.filter(Q(candidate=user) | Q(email__in=addresses_of(user))).delete()
    for seat in CommitteeMember.objects.filter(user=user):
        seat.name = seat.name or str(user)
        seat.user = None
        seat.save(update_fields=["name", "user"])
    # Schedule comments keep their text and lose the author (SET_NULL).

