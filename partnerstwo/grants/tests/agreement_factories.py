"""Builders for the tests of agreements and reports: an online offer granted a subsidy in published results."""

from decimal import Decimal

from django.utils import timezone

from partnerstwo.grants.agreements import drafting
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.tests import online_offer_factories as online

IBAN = "PL61 1090 1014 0000 0712 1981 2874"


def granted(department, organization, user, *, awarded=Decimal("9000")) -> Offer:
    """The complete online offer (costs 10 000 zł, grant asked 9 000 zł), granted `awarded` in published results."""
    competition = online.call(department)
    offer = online.complete(competition, organization, user)
    Competition.objects.filter(pk=competition.pk).update(status=Competition.Status.RESULTS)
    return Offer.objects.create(
        competition=competition, organization=organization, title=offer.title, requested_amount=offer.grant_amount,
        received_on=timezone.localdate(), online=offer, formal_status=Offer.Formal.PASSED, awarded_amount=awarded,
    )


def drafted(official, received: Offer, **fields):
    fields.setdefault("city_representatives", "Anna Nowak – Zastępca Prezydenta Miasta")
    return drafting.draft(received, by=official, number="ZS.524.1.2027", place="Białystok", **fields)


def ready(official, representative, received: Offer):
    """Drafted, completed by the organisation (its account and representation) and sent for signature."""
    agreement = drafted(official, received)
    agreement = drafting.save(agreement, section="account", expected_version=agreement.version, by=representative,
                              fields={"organization_representatives": "Adam Alfa – prezes zarządu",
                                      "bank_account": IBAN, "bank_name": ""})
    return drafting.send_for_signature(agreement, by=representative, expected_version=agreement.version)


def signed(official, representative, received: Offer):
    agreement = ready(official, representative, received)
    return drafting.record_signature(agreement, by=official, signed_on=timezone.localdate())
