"""What partner search holds about a person: the posts they wrote and the answers sent from their addresses.

Deleting the account: answers sent from the person's addresses are deleted (with any reply to them);
posts of an organisation stay for it without the link to the person (created_by is SET_NULL), the
person's own posts for a department or the Centre likewise. Answers expire after
PARTNERS_ANSWER_RETENTION_DAYS whatever happens.
"""

from django.utils import timezone

from partnerstwo.accounts.personal_data import addresses_of
from partnerstwo.partners import answers
from partnerstwo.partners.models import PartnerAnswer, PartnerPost


def _answers_sent(user):
    return PartnerAnswer.objects.filter(sender_email__in=addresses_of(user))


def export(user) -> dict:
    return {
        "posts": [
            {"title": post.title, "description": post.description, "status": post.status,
             "ends_on": post.ends_on, "created_at": post.created_at}
            for post in PartnerPost.objects.filter(created_by=user).order_by("created_at", "pk")
        ],
        "answers_sent": [
            {"post": answer.post.title, "name": answer.sender_name, "email": answer.sender_email,
             "text": answer.text, "sent_at": answer.created_at, "reply": answer.reply_text}
            for answer in _answers_sent(user).select_related("post").order_by("created_at", "pk")
        ],
        "answers_received": [
            {"post": answer.post.title, "from": answer.sender_name, "text": answer.text,
             "received_at": answer.created_at, "your_reply": answer.reply_text}
            for answer in PartnerAnswer.objects.filter(post__created_by=user).select_related("post")
            .order_by("created_at", "pk")
        ],
    }


def forget(user) -> None:
    _answers_sent(user).delete()


def expire(now=None) -> dict[str, int]:
    return {"partner_answers_deleted": answers.expire(now or timezone.now())}
