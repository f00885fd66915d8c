"""The reminder of an opinion the Act asks of the body by a date (art. 41i ust. 2), queued by
positions.remind_of_deadlines: one e-mail to each member who sits on the body when it goes out."""

from django.urls import reverse

from partnerstwo.lib.emails import absolute_url, build_email
from partnerstwo.team.models import Membership, Position


def deliver_deadline_reminder(position_id: int) -> int:
    position = Position.objects.select_related("body").get(pk=position_id)
    if position.is_decided:
        return 0
    context = {
        "position": position, "due_on": position.due_on,
        "url": absolute_url(reverse("team:member_position", args=[position.pk])),
    }
    sent = 0
    seats = Membership.objects.current().filter(term__body=position.body_id).select_related("user")
    for seat in seats.order_by("person_name", "pk"):
        if seat.invitation_email:
            language = seat.user.preferred_language if seat.user_id else None
            build_email("team_opinion_deadline", [seat.invitation_email], {**context, "seat": seat},
                        language=language or None).send()
            sent += 1
    return sent
