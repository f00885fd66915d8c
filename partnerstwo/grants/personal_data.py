"""What grants hold about a person: comments on the draft grant schedule, nominations and seats on
evaluation committees.

Deleting the account: a seat on an evaluation committee is the competition's official record: the seat,
the declaration of impartiality and the scores stay, naming the member by name only (no address, no
account). Nominations of the person go.
"""

from django.db.models import Q

from partnerstwo.accounts.personal_data import addresses_of
from partnerstwo.grants.committees.models import CommitteeMember, Nomination
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
    }


def forget(user) -> None:
    Nomination.objects.filter(Q(candidate=user) | Q(email__in=addresses_of(user))).delete()
    for seat in CommitteeMember.objects.filter(user=user):
        seat.name = seat.name or str(user)
        seat.user = None
        seat.save(update_fields=["name", "user"])
    # Schedule comments keep their text and lose the author (SET_NULL).

