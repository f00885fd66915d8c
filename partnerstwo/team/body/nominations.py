"""The body's recommendations of NGO members for competition committees (docs/law.md#advisory-body-committee-
nominations). The nomination itself is grants' (grants.committees.appointment.nominate, made from the panel's
committee pages by a Team member); a nomination is the body's when its author sat on the body the day it was made.
"""

from django.utils import timezone

from partnerstwo.grants.committees.models import Nomination
from partnerstwo.team.models import Body, Membership


def of_body(body: Body) -> list[tuple[Nomination, Membership]]:
    """The body's nominations, newest first, each with the seat its author held that day (two queries)."""
    seats = {}
    for seat in Membership.objects.filter(term__body=body, user__isnull=False).select_related("term"):
        seats.setdefault(seat.user_id, []).append(seat)
    nominations = (
        Nomination.objects.filter(nominated_by__in=list(seats))
        .select_related("competition", "candidate").order_by("-created_at", "-pk")
    )
    found = []
    for nomination in nominations:
        day = timezone.localdate(nomination.created_at)
        seat = next((seat for seat in seats[nomination.nominated_by_id] if _held(seat, day)), None)
        if seat is not None:
            found.append((nomination, seat))
    return found


def _held(seat: Membership, day) -> bool:
    return seat.term.includes(day) and seat.joined_on <= day and (seat.left_on is None or day <= seat.left_on)
