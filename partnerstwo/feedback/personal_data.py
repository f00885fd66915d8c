"""What the feedback form holds about a person: the messages sent from their addresses.

Messages are matched by the sender's address (the form needs no account). Deleting the account deletes
them: they are about the site's pages, not a record anyone must keep. Staff notes are the Centre's
working notes on handling a message and are not exported.
"""

from datetime import timedelta

from django.conf import settings

from partnerstwo.accounts.personal_data import addresses_of
from partnerstwo.feedback.models import FeedbackMessage


def _messages(user):
    return FeedbackMessage.objects.filter(email__in=addresses_of(user))


def export(user) -> dict:
    return {
        "messages": [
            {
                "category": str(message.category),
                "email": message.email,
                "message": message.message,
                "page": message.page,
                "language": message.language,
                "status": message.status,
                "sent_at": message.created_at,
                "confirmed_at": message.confirmed_at,
            }
            for message in _messages(user).select_related("category").order_by("created_at", "pk")
        ]
    }


def forget(user) -> None:
    _messages(user).delete()


def retention_days() -> int:
    return int(getattr(settings, "FEEDBACK_RETENTION_DAYS", 365))


def expire(now) -> dict[str, int]:
    unconfirmed, _counts = FeedbackMessage.objects.expired(now).delete()
    confirmed, _counts = FeedbackMessage.objects.confirmed().filter(
        confirmed_at__lt=now - timedelta(days=retention_days())
    ).delete()
    return {"unconfirmed_deleted": unconfirmed, "confirmed_deleted": confirmed}
