"""The demo's surveys: a closed one answered by most demo organisations with its public summary, an open one the
demo representative can answer."""

import pytest
from django.urls import reverse

from partnerstwo.accounts.models import User
from partnerstwo.surveys.audience import answerable_for
from partnerstwo.surveys.models import Survey

pytestmark = pytest.mark.django_db


def test_the_closed_demo_survey_has_answers_and_a_public_summary(demo_database, client):
    closed = Survey.objects.with_public_summary().get()
    assert closed.responses.count() >= 10
    page = client.get(closed.summary_url())
    assert page.status_code == 200 and "<svg" in page.content.decode()


def test_the_open_demo_survey_can_be_answered_by_the_demo_representative(demo_database, client):
    current = Survey.objects.open().get()
    representative = User.objects.get(email="organizacja@example.org")
    organization = answerable_for(representative, current).first()
    assert organization is not None
    client.force_login(representative)
    url = reverse("surveys:answer_as_representative", args=[current.pk, organization.pk])
    assert url in client.get(current.get_absolute_url()).content.decode()
    assert client.get(url).status_code == 200
