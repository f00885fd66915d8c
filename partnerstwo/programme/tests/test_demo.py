"""The demo's programmes: last year's and this year's adopted, next year's in consultation, linked to the
consultations demo's programme consultation (reused, not a second one)."""

import pytest
from django.utils import timezone

from partnerstwo.consultations.models import Consultation
from partnerstwo.programme import duties
from partnerstwo.programme.models import Programme

pytestmark = pytest.mark.django_db


def test_the_demo_has_three_programmes_around_today(demo_database, client):
    year = timezone.localdate().year
    past, current, coming = (Programme.objects.get(slug=f"program-wspolpracy-{y}") for y in (year - 1, year, year + 1))
    assert past.is_adopted and current.is_adopted and coming.status == Programme.Status.CONSULTATION
    assert current.resolution_document and past.priorities.count() == 4 and past.planned_funds.count() == 4
    assert coming.consultation is not None and coming.consultation.kind == "programme"
    assert Consultation.objects.filter(title__startswith="Program współpracy Miasta Białystok").count() == 1
    assert coming.versions.filter(status="consultation").count() == 2
    met = {duty.key: duty.met(timezone.localdate()) for duty in duties.duties_of(current)}
    assert met["consultation"] is True and met["adoption"] is True
    html = client.get("/program-wspolpracy/").content.decode()
    assert html.index(current.title) < html.index(coming.title) < html.index(past.title)
