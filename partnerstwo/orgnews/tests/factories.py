from django.utils import timezone

from partnerstwo.orgnews.models import Post, Status


def post(organization, title="Piknik rodzinny nad stawem", *, status=Status.PUBLISHED, **fields):
    return Post.objects.create(
        organization=organization, title=title, body=fields.pop("body", "Było **wesoło**."), status=status,
        published_at=fields.pop("published_at", timezone.now() if status == Status.PUBLISHED else None), **fields,
    )
