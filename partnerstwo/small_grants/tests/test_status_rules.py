"""What a small-grant offer's status means for the staff pages."""

import pytest

from partnerstwo.small_grants.models import SmallGrantOffer

Status = SmallGrantOffer.Status


@pytest.mark.parametrize("status", Status.values)
def test_an_offer_is_public_from_its_publication_on(status):
    assert SmallGrantOffer(status=status).is_public is (status != Status.RECEIVED)


@pytest.mark.parametrize("status", Status.values)
def test_an_offer_is_out_for_comments_until_it_is_decided(status):
    offer = SmallGrantOffer(status=status)

    assert offer.is_out_for_comments is (status == Status.PUBLISHED)
    assert not (offer.is_out_for_comments and offer.is_decided)
