"""The small-grant demo: the three offers around today, loaded twice without duplicates."""

import io

import pytest
from django.core.management import call_command

from partnerstwo.small_grants import demo, procedure
from partnerstwo.small_grants.models import SmallGrantComment, SmallGrantOffer

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_open_offer_a_decided_one_and_one_received_and_runs_twice():
    call_command("demo", stdout=io.StringIO())
    demo.load(io.StringIO())
    demo.load(io.StringIO())

    assert SmallGrantOffer.objects.count() == 3
    open_offer = SmallGrantOffer.objects.get(status=SmallGrantOffer.Status.PUBLISHED)
    assert procedure.comments_open(open_offer)
    assert open_offer.comments.confirmed().count() == 2
    assert SmallGrantOffer.objects.filter(status=SmallGrantOffer.Status.ACCEPTED).count() == 1
    assert SmallGrantOffer.objects.filter(status=SmallGrantOffer.Status.RECEIVED).count() == 1
    for offer in SmallGrantOffer.objects.all():
        assert offer.published_on is None or offer.published_on <= procedure.last_publication_day(offer.received_on)
        assert offer.file.read(5) == b"%PDF-"
    assert not SmallGrantComment.objects.filter(confirmed_at__isnull=True).exists()
