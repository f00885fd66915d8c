"""An adopted position goes to the departments it is addressed to: one e-mail to each department's address with
its text, the result, its number in the register, the link to its public page and each member's vote (the same
roll call the public page shows). Queued by voting.close when the position is adopted, at a meeting or
electronically; the departments without an address are listed to the secretary instead.
"""

from django.conf import settings
from django.core.mail import EmailMessage

from partnerstwo.lib.emails import absolute_url, build_email, email_task
from partnerstwo.team.models import Position
from partnerstwo.team.positions.roll import published_roll_call


def addressees(position: Position) -> list:
    """The departments the position is addressed to that have an e-mail address."""
    return [department for department in position.addressed_to.all() if department.email]


def without_address(position: Position) -> list:
    return [department for department in position.addressed_to.all() if not department.email]


@email_task
def send_to_departments(position_id: int) -> list[EmailMessage]:
    position = Position.objects.select_related("body", "meeting", "competition", "legal_act").filter(
        pk=position_id, status=Position.Status.ADOPTED,
    ).first()
    if position is None:
        return []
    context = {
        "position": position, "roll_call": published_roll_call(position),
        "url": absolute_url(position.get_absolute_url()),
    }
    return [
        build_email("team_position_adopted", [department.email], {**context, "department": department},
                    language=settings.LANGUAGE_CODE)
        for department in addressees(position)
    ]
