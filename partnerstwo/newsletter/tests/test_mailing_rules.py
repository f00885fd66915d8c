"""What a mailing's status and kind mean for the staff pages."""

import pytest

from partnerstwo.newsletter.models import Mailing


@pytest.mark.parametrize("status", Mailing.Status.values)
def test_a_mailing_is_scheduled_only_in_that_status(status):
    assert Mailing(status=status).is_scheduled is (status == Mailing.Status.SCHEDULED)


@pytest.mark.parametrize("kind", Mailing.Kind.values)
def test_only_the_centres_own_mailing_is_one_off(kind):
    assert Mailing(kind=kind).is_one_off is (kind == Mailing.Kind.ONE_OFF)
