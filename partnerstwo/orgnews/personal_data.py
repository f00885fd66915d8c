"""What organisations' news holds about a person: the news they wrote for their organisations.

A news item belongs to its organisation, so deleting the account keeps it; the link to the person goes with the
account (submitted_by and reviewed_by are SET_NULL), and so forget() has nothing to do first.
"""

from partnerstwo.orgnews.models import Post


def export(user) -> dict:
    return {
        "organisation_news_written": [
            {
                "title": post.title,
                "organization": post.organization.name,
                "status": post.status,
                "review_reason": post.review_reason,
                "created_at": post.created_at,
                "published_at": post.published_at,
            }
            for post in Post.objects.filter(submitted_by=user).select_related("organization")
            .order_by("created_at", "pk")
        ],
    }


def forget(user) -> None:
    """Nothing before the row goes: submitted_by and reviewed_by are set to NULL with it."""
