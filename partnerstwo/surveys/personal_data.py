"""What the needs surveys hold about a person: which organisations' answers they submitted, and when.

The answers belong to the organisation, so deleting the account keeps them; the link to the person goes with the
account (Response.submitted_by is SET_NULL), and so forget() has nothing to do first.
"""

from partnerstwo.surveys.models import Response


def export(user) -> dict:
    return {
        "survey_answers_submitted": [
            {
                "survey": response.survey.title,
                "organization": response.organization.name,
                "submitted_at": response.submitted_at,
                "updated_at": response.updated_at,
            }
            for response in Response.objects.filter(submitted_by=user).select_related("survey", "organization")
            .order_by("submitted_at", "pk")
        ],
    }


def forget(user) -> None:
    """Nothing before the row goes: submitted_by is set to NULL with it."""
