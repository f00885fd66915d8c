"""Feedback on the officials' desk (accounts/desk.py): confirmed messages nobody has answered or closed yet.
The inbox is open to everyone who edits content (User.can_edit_content), so the queue is shared."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerstwo.accounts.desk import Queue, alert_messages
from partnerstwo.feedback.models import FeedbackMessage
from partnerstwo.lib.emails import email_task


def awaiting_answer(user, today=None):
    """New confirmed messages, oldest first: the inbox filtered to "nowa"."""
    if not user.can_edit_content:
        return FeedbackMessage.objects.none()
    return (
        FeedbackMessage.objects.confirmed().filter(status=FeedbackMessage.Status.NEW)
        .select_related("category").order_by("confirmed_at", "pk")
    )


NEW = Queue(
    key="feedback", title=_("Uwagi do stron bez odpowiedzi"), url_name="panel:feedback_panel:index",
    url_query=f"?status={FeedbackMessage.Status.NEW}", waiting=awaiting_answer,
    item_url=lambda message: reverse("panel:feedback_panel:detail", args=[message.pk]),
    since=lambda message: message.confirmed_at,
)
QUEUES = {NEW.key: NEW}


@email_task
def alert_officials(queue_key: str, item_id: int):
    return alert_messages(QUEUES[queue_key], item_id)
