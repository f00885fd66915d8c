"""The two e-mails of the feedback form: the sender's confirmation request and the staff alert.

The confirmation request carries no text the sender typed (only the category and the page of
this site), so the form cannot be used to send arbitrary text to someone else's address.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from partnerstwo.accounts.models import User
from partnerstwo.feedback.models import FeedbackMessage
from partnerstwo.lib.emails import absolute_url, build_email


def staff_recipients() -> list[str]:
    """Who hears about a confirmed message.

    FEEDBACK_NOTIFY_EMAILS (a list of addresses) when the deployment sets it; otherwise the
    active people who run the site: superusers, and officials or administrators with access
    to the Django admin (is_staff). With nobody there, the Centre's address from the city
    configuration.
    """
    configured = getattr(settings, "FEEDBACK_NOTIFY_EMAILS", None)
    if configured:
        return list(configured)
    emails = (
        User.objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(is_staff=True, role__in=[User.Role.OFFICIAL, User.Role.ADMINISTRATOR])
        )
        .order_by("email")
        .values_list("email", flat=True)
    )
    return list(dict.fromkeys(emails)) or [settings.CITY["centre"]["email"]]


def confirmation_request(message_id: int) -> EmailMessage | None:
    message = FeedbackMessage.objects.select_related("category").filter(pk=message_id).first()
    if message is None or message.is_confirmed:
        return None
    with translation.override(message.language):
        confirm_path = reverse("feedback:confirm", args=[message.confirmation_token()])
    return build_email(
        "feedback_confirm",
        [message.email],
        {
            "feedback": message,
            "confirm_url": absolute_url(confirm_path),
            "page_url": absolute_url(message.page) if message.page else "",
            "days": settings.FEEDBACK_CONFIRMATION_DAYS,
        },
        language=message.language,
    )


def staff_notice(message_id: int) -> EmailMessage | None:
    message = FeedbackMessage.objects.select_related("category").filter(pk=message_id).first()
    if message is None or not message.is_confirmed:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        panel_path = reverse("panel:feedback_panel:detail", args=[message.pk])
    return build_email(
        "feedback_new",
        staff_recipients(),
        {
            "feedback": message,
            "panel_url": absolute_url(panel_path),
            "page_url": absolute_url(message.page) if message.page else "",
        },
        reply_to=[message.email],
    )
