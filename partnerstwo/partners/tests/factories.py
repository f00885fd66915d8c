from datetime import timedelta

from django.utils import timezone

from partnerstwo.partners.models import PartnerPost, PosterKind, Status


def post(title="Szukamy partnera", *, organization=None, created_by=None, status=Status.PUBLISHED, days=10,
         **fields):
    return PartnerPost.objects.create(
        title=title, looking_for=fields.pop("looking_for", "project"), description=fields.pop("description", "Opis."),
        poster_kind=PosterKind.ORGANIZATION if organization else PosterKind.CENTRE, organization=organization,
        created_by=created_by, status=status, ends_on=timezone.localdate() + timedelta(days=days),
        published_at=timezone.now() if status == Status.PUBLISHED else None, **fields,
    )
