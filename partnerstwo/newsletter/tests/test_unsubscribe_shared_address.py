"""One address that is both a subscriber and an organisation's confirmed address: leaving by the link in
any message stops every mailing to that address, not only the row the message was sent to."""

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerstwo.newsletter import audience, delivery
from partnerstwo.newsletter.models import ConsentRecord, Delivery, Mailing, Recipient, Topic
from partnerstwo.newsletter.tests.alert_factories import organization_recipient, recipient
from partnerstwo.organizations.tests.factories import represent

pytestmark = pytest.mark.django_db

SHARED = "biuro@fundacja-alfa.example.org"


@pytest.fixture
def both():
    subscriber = recipient(SHARED, topics=[Topic.GRANTS])
    ConsentRecord.objects.create(recipient=subscriber, email=SHARED, text_version="1", text="Zgoda",
                                 confirmed_at=timezone.now())
    organization = organization_recipient("Fundacja Alfa", email=SHARED, topics=[Topic.GRANTS])
    return subscriber, organization


def one_off(**segment):
    return Mailing.objects.create(kind=Mailing.Kind.ONE_OFF, subject="Nabór do Zespołu", body="Treść", **segment)


def deliveries_to(address):
    mailings = [
        one_off(segment=Mailing.Segment.ALL_ORGANIZATIONS),
        one_off(segment=Mailing.Segment.TOPIC, topic=Topic.GRANTS),
    ]
    for mailing in mailings:
        delivery.enqueue(mailing, audience.recipients_for(mailing))
    return Delivery.objects.filter(mailing__in=mailings, email=address).count()


def test_before_leaving_the_shared_address_receives_both_mailings(both):
    assert deliveries_to(SHARED) == 2


def test_leaving_by_the_subscribers_link_stops_the_organisations_mailings_to_that_address_too(client, both):
    subscriber, organization = both
    recipient("inny@example.org", topics=[Topic.GRANTS])

    response = client.post(reverse("newsletter:unsubscribe", args=[subscriber.token]))

    page = response.content.decode()
    assert "Ten adres był też adresem organizacji" in page
    assert "Fundacja Alfa" in page
    assert "Moje organizacje" in page
    assert deliveries_to(SHARED) == 0
    assert Delivery.objects.filter(email="inny@example.org").count() == 1  # the others still get it
    assert not Recipient.objects.filter(email=SHARED, unsubscribed_at__isnull=True).exists()
    assert ConsentRecord.objects.get(email=SHARED).withdrawn_at is not None


def test_leaving_by_the_organisations_link_stops_the_subscription_of_that_address_too(client, both):
    subscriber, organization = both

    client.post(reverse("newsletter:unsubscribe", args=[organization.token]))

    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None
    assert deliveries_to(SHARED) == 0


def test_the_address_is_matched_whatever_its_letter_case(client, both):
    subscriber, organization = both
    Recipient.objects.filter(pk=organization.pk).update(email=SHARED.upper())

    client.post(reverse("newsletter:unsubscribe", args=[subscriber.token]))

    organization.refresh_from_db()
    assert organization.unsubscribed_at is not None


def test_a_plain_subscriber_is_not_told_about_organisations(client):
    alone = recipient("sama@example.org", topics=[Topic.NEWS])

    page = client.post(reverse("newsletter:unsubscribe", args=[alone.token])).content.decode()

    assert "Wypisano z newslettera" in page
    assert "adresem organizacji" not in page


def test_representatives_opting_the_organisation_out_leave_the_persons_subscription_alone(
    client, representative_a, both
):
    subscriber, organization = both
    represent(representative_a, organization.organization)
    client.force_login(representative_a)

    client.post(reverse("newsletter:organization", args=[organization.organization.slug]),
                {"topics": [Topic.GRANTS], "language": "pl"})  # "receive" unticked

    organization.refresh_from_db()
    subscriber.refresh_from_db()
    assert organization.unsubscribed_at is not None
    assert subscriber.is_active


def test_a_subscriber_who_left_before_while_the_organisation_still_receives_is_offered_the_button_again(
    client, both
):
    subscriber, organization = both
    Recipient.objects.filter(pk=subscriber.pk).update(unsubscribed_at=timezone.now())  # left the old way

    page = client.get(reverse("newsletter:unsubscribe", args=[subscriber.token])).content.decode()
    assert "Wypisz mnie" in page
    client.post(reverse("newsletter:unsubscribe", args=[subscriber.token]))

    assert deliveries_to(SHARED) == 0
