"""The sign-up form's checkbox groups are rendered once per content (lib/fragments.py, issue 18): never stale,
never carrying a visitor's token or address."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from partnerstwo.city.models import District, PublicTaskSphere

pytestmark = pytest.mark.django_db
URL = reverse("newsletter:subscribe")


def test_renamed_reference_data_shows_on_the_next_request(client):
    district = District.objects.create(name="Bojary", slug="bojary")
    assert "Bojary" in client.get(URL).content.decode()
    assert len([key for key in caches["fragments"]._cache if "newsletter/_choice_groups" in key]) == 1
    client.get(URL)
    assert len([key for key in caches["fragments"]._cache if "newsletter/_choice_groups" in key]) == 1

    district.name = "Bojary Nowe"
    district.save()
    assert "Bojary Nowe" in client.get(URL).content.decode()
    sphere = PublicTaskSphere.objects.active().first()
    sphere.name_pl = "Sfera przemianowana w panelu"
    sphere.save()
    assert "Sfera przemianowana w panelu" in client.get(URL).content.decode()


def test_each_visitor_gets_their_own_token_and_what_they_ticked_stays_ticked(client, resident):
    first = client.get(URL).content.decode()
    client.force_login(resident)
    second = client.get(URL).content.decode()
    token = 'name="csrfmiddlewaretoken" value="'
    assert first.split(token)[1][:20] != second.split(token)[1][:20]
    assert resident.email in second and resident.email not in first
    district = District.objects.create(name="Bojary", slug="bojary")
    response = client.post(URL, {"email": "zly-adres", "districts": [district.pk]})
    html = response.content.decode()
    assert "errorlist" in html
    ticked = f'name="districts" value="{district.pk}"'
    assert ticked in html and " checked" in html.split(ticked)[1].split(">")[0]
