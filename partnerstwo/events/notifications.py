"""The e-mails about an event (not about one registration): to the people registered, to the person who
submitted it or proposed a change, and to the city office. Each function takes ids and builds the
messages in the worker (partnerstwo.events.tasks sends them), one per recipient, so each sees only
their own address.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone, translation

from partnerstwo.accounts.models import User
from partnerstwo.events.models import Event, EventChange, Registration
from partnerstwo.lib.emails import absolute_url, build_email


def registered_people(event: Event, *, now=None) -> dict[str, tuple[str, list, str]]:
    """E-mail → (name, their occurrences still ahead, language) of everyone confirmed or waiting.

    The language is their account's when they registered signed in, otherwise the site's.
    """
    now = now or timezone.now()
    registrations = (
        Registration.objects.filter(
            occurrence__event=event, occurrence__ends_at__gte=now,
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING],
        ).select_related("occurrence", "user").order_by("occurrence__starts_at", "pk")
    )
    people = {}
    for registration in registrations:
        language = registration.user.preferred_language if registration.user else settings.LANGUAGE_CODE
        person = people.setdefault(registration.email.lower(), (registration.name, [], language))
        person[1].append(registration.occurrence)
    return people


def registered_people_notices(event_id: int, key: str) -> list[EmailMessage]:
    """The change or cancellation notice (`key`) to each person registered."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return []
    messages = []
    for email, (name, occurrences, language) in registered_people(event).items():
        with translation.override(language):
            context = event_context(event, name=name, occurrences=occurrences)
        messages.append(build_email(key, [email], context, language=language))
    return messages


def submitter_notice(event_id: int, key: str, user_id: int, change_id: int | None = None) -> EmailMessage | None:
    """A decision on the event, or on a change proposed to it, to the person who asked for it."""
    event = Event.objects.filter(pk=event_id).first()
    user = User.objects.filter(pk=user_id, is_active=True).exclude(email="").first()
    if event is None or user is None:
        return None
    extra = {"change": EventChange.objects.filter(pk=change_id).first()} if change_id else {}
    language = user.preferred_language or settings.LANGUAGE_CODE  # the recipient's, as in the directory
    with translation.override(language):
        context = event_context(event, name=str(user), **extra)
    return build_email(key, [user.email], context, language=language)


def event_context(event: Event, **extra) -> dict:
    return {
        "event": event,
        "event_url": absolute_url(event.get_absolute_url()),
        "manage_url": absolute_url(reverse("my_events:edit", args=[event.pk])),
        "starts_at": timezone.localtime(event.starts_at),
        **extra,
    }


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


def department_cancellation_notices(event_id: int, by_id: int | None) -> list[EmailMessage]:
    """The cancellation, to the responsible department, in the site's language."""
    event = Event.objects.select_related("department", "organization").get(pk=event_id)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "event": event, "event_url": absolute_url(event.get_absolute_url()),
            "starts_at": timezone.localtime(event.starts_at), "cancelled_by": User.objects.filter(pk=by_id).first(),
            "panel_url": absolute_url(reverse("panel:events_panel:index")),
        }
    return [build_email("event_cancelled_department", [email], context) for email in department_recipients(event)]
