"""The reminder of a position due by a date (an opinion the Act asks for, art. 41i ust. 2, or one in a consultation
the body is consulted in, by its last day), queued by
positions.remind_of_deadlines: one e-mail to each member who sits on the body when it goes out, in their language."""

from django.core.mail import EmailMessage
from django.urls import reverse

from partnerstwo.lib.emails import absolute_url, build_email, email_task
from partnerstwo.team.models import Membership, Position


@email_task
def send_deadline_reminder(position_id: int) -> list[EmailMessage]:
    position = Position.objects.select_related("body").filter(pk=position_id).first()
    if position is None or position.is_decided:
        return []
    context = {
        "position": position, "due_on": position.respond_on, "statutory": position.due_on is not None,
        "url": absolute_url(reverse("team:member_position", args=[position.pk])),
    }
    messages = []
    seats = Membership.objects.current().filter(term__body=position.body_id).select_related("user")
    for seat in seats.order_by("person_name", "pk"):
        if seat.invitation_email:
            language = seat.user.preferred_language if seat.user_id else None
            messages.append(build_email("team_opinion_deadline", [seat.invitation_email], {**context, "seat": seat},
                                        language=language or None))
    return messages
