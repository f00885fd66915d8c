"""What the practice library holds about a person: the proposals they made for their organisations.

A published practice belongs to its organisation, so deleting the account keeps it; the link to the
person goes with the account (submitted_by is SET_NULL), and so forget() has nothing to do first.
"""

from partnerstwo.practices.models import GoodPractice


def export(user) -> dict:
    return {
        "proposed_practices": [
            {
                "title": practice.title,
                "organization": practice.organization.name if practice.organization_id else None,
                "status": practice.status,
                "review_reason": practice.review_reason,
                "created_at": practice.created_at,
            }
            for practice in GoodPractice.objects.filter(submitted_by=user).select_related("organization")
            .order_by("created_at", "pk")
        ],
    }


def forget(user) -> None:
    """Nothing before the row goes: submitted_by and reviewed_by are set to NULL with it."""
