"""What consultations hold about a person: their comments and written opinions, and what they follow.

Deleting the account: following ends; comments and opinions stay in the consultation's record (the report
cites them) without the person's name: a person is never named in public, an organisation's or the
Team's comment keeps their name, which is not personal data. Retention: CONSULTATION_AUTHOR_RETENTION_YEARS
after the report, the names of persons who commented are removed.
"""

import datetime as dt

from django.conf import settings

from partnerstwo.consultations.models import Capacity, Comment, Follower, WrittenOpinion

ANONYMOUS_AUTHOR = "—"


def export(user) -> dict:
    return {
        "comments": [
            {"consultation": comment.consultation.title, "provision": comment.provision_label(),
             "capacity": comment.capacity, "proposed_wording": comment.proposed_wording,
             "justification": comment.justification, "created_at": comment.created_at,
             "withdrawn_at": comment.withdrawn_at}
            for comment in Comment.objects.filter(author=user).select_related("consultation", "unit")
            .order_by("created_at", "pk")
        ],
        "written_opinions": [
            {"consultation": opinion.consultation.title, "title": opinion.title, "created_at": opinion.created_at}
            for opinion in WrittenOpinion.objects.filter(author=user).select_related("consultation")
            .order_by("created_at", "pk")
        ],
        "following": [follower.consultation.title for follower in
                      Follower.objects.filter(user=user).select_related("consultation").order_by("pk")],
    }


def forget(user) -> None:
    Follower.objects.filter(user=user).delete()
    for model in (Comment, WrittenOpinion):
        model.objects.filter(author=user, capacity=Capacity.PERSON).update(author_name=ANONYMOUS_AUTHOR)
        model.objects.filter(author=user).update(author=None)


def expire(now) -> dict[str, int]:
    years = int(getattr(settings, "CONSULTATION_AUTHOR_RETENTION_YEARS", 5))
    cutoff = now - dt.timedelta(days=365 * years)
    count = 0
    for model in (Comment, WrittenOpinion):
        count += model.objects.filter(
            capacity=Capacity.PERSON, consultation__report_published_at__lt=cutoff,
        ).exclude(author_name=ANONYMOUS_AUTHOR).update(author_name=ANONYMOUS_AUTHOR)
    return {"person_names_removed": count}
