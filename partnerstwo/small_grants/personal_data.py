"""What small grants hold about a person: comments on offers, matched by the sender's address.

Deleting the account: unconfirmed comments go; confirmed ones were part of the offer's public procedure
(art. 19a ust. 4) and the official's decision, so their text stays, without the name and address.
"""

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat

from partnerstwo.accounts.personal_data import addresses_of
from partnerstwo.small_grants import procedure
from partnerstwo.small_grants.models import SmallGrantComment

ANONYMOUS_AUTHOR = "—"


def _comments(user):
    return SmallGrantComment.objects.filter(email__in=addresses_of(user))


def export(user) -> dict:
    return {
        "comments": [
            {
                "offer": comment.offer.title,
                "author_name": comment.author_name,
                "email": comment.email,
                "text": comment.text,
                "sent_at": comment.created_at,
                "confirmed_at": comment.confirmed_at,
            }
            for comment in _comments(user).select_related("offer").order_by("created_at", "pk")
        ],
    }


def forget(user) -> None:
    comments = _comments(user)
    comments.filter(confirmed_at__isnull=True).delete()
    comments.update(
        author_name=ANONYMOUS_AUTHOR,
        email=Concat(Value("usuniety-"), Cast("pk", CharField()), Value("@adres-usuniety.invalid")),
    )


def expire(now) -> dict[str, int]:
    return {"unconfirmed_comments_deleted": procedure.expire_unconfirmed_comments(now=now)}
