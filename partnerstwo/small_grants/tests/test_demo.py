"""The small-grant demo: the three offers around today."""

import pytest

from partnerstwo.small_grants import procedure
from partnerstwo.small_grants.models import SmallGrantComment, SmallGrantOffer

# The demo as one load gives it (conftest.demo_database); tests/test_demo.py runs it twice.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_database")]


def test_the_demo_has_an_open_offer_a_decided_one_and_one_received():
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
