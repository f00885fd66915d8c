from django.utils import timezone

from partnerstwo.practices.models import GoodPractice, Kind, Status


def practice(title="Wzór statutu", *, status=Status.PUBLISHED, organization=None, author="Centrum", **fields):
    slug = fields.pop("slug", None) or f"p-{GoodPractice.objects.count() + 1}"
    return GoodPractice.objects.create(
        title=title, slug=slug, kind=fields.pop("kind", Kind.GUIDE), summary=fields.pop("summary", "Streszczenie."),
        body=fields.pop("body", "Treść **praktyki**."), organization=organization,
        author="" if organization else author, status=status,
        published_at=timezone.now() if status == Status.PUBLISHED else None, **fields,
    )
