"""Messages to the city office about events: the responsible department hears of a cancellation."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.events.models import Event
from partnerstwo.lib.emails import absolute_url, send_email


def department_recipients(event: Event) -> list[str]:
    """The active officials of the event's department, else the department's own address, else the Centre's."""
    if event.department_id:
        officials = list(
            User.objects.filter(role=User.Role.OFFICIAL, is_active=True, department=event.department_id)
            .order_by("pk").values_list("email", flat=True)
        )
        if officials:
            return officials
        if event.department.email:
            return [event.department.email]
    return [settings.CITY["centre"]["email"]]


def notify_department_of_cancellation(event_id: int, by_id: int | None) -> int:
    """One message to each recipient (each sees only their own address); returns how many were sent."""
    event = Event.objects.select_related("department", "organization").get(pk=event_id)
    context = {
        "event": event, "event_url": absolute_url(event.get_absolute_url()),
        "starts_at": timezone.localtime(event.starts_at), "cancelled_by": User.objects.filter(pk=by_id).first(),
        "panel_url": absolute_url(reverse("panel:events_panel:index")),
    }
    recipients = department_recipients(event)
    for email in recipients:
        send_email("event_cancelled_department", [email], context)
    return len(recipients)
