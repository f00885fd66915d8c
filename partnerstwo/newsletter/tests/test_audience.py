"""Who a one-off mailing reaches: audience.recipients_for, one segment at a time."""

import pytest
from django.utils import timezone

from partnerstwo.newsletter.audience import audience_size, describe, recipients_for, sync_organizations
from partnerstwo.newsletter.models import Mailing, Recipient, RecipientTopic, SuppressedAddress, Topic
from partnerstwo.organizations.tests import factories as directory

Segment = Mailing.Segment


def subscriber(email, *, topics=(), spheres=(), districts=(), active=True, **fields):
    recipient = Recipient.objects.create(
        kind=Recipient.Kind.SUBSCRIBER, email=email, confirmed_at=timezone.now() if active else None, **fields
    )
    RecipientTopic.objects.bulk_create([RecipientTopic(recipient=recipient, topic=topic) for topic in topics])
    recipient.spheres.set(spheres)
    recipient.districts.set(districts)
    return recipient


def member_organization(name, email, *, agreed=True, **fields):
    """A directory organisation whose contact address was confirmed when it joined, and its recipient
    (to which a representative agreed, unless agreed=False)."""
    organization = directory.organization(
        name, confirmed_contact_email=email, contact_email_confirmed_at=timezone.now(), **fields
    )
    sync_organizations()
    recipient = Recipient.objects.get(organization=organization)
    if agreed:
        recipient.agreed_at = timezone.now()
        recipient.save(update_fields=["agreed_at"])
    return recipient


def emails(mailing) -> set[str]:
    return set(recipients_for(mailing).values_list("email", flat=True))


@pytest.fixture
def dojlidy(db):
    return directory.district("Dojlidy")


@pytest.fixture
def bojary(db):
    return directory.district("Bojary")


def test_all_organisations_reaches_every_active_organisation_and_no_subscriber(db):
    member_organization("Fundacja Alfa", "alfa@example.org")
    left = member_organization("Fundacja Beta", "beta@example.org")
    left.unsubscribed_at = timezone.now()
    left.save()
    subscriber("jan@example.org", topics=[Topic.NEWS])

    assert emails(Mailing(segment=Segment.ALL_ORGANIZATIONS)) == {"alfa@example.org"}


def test_all_organisations_leaves_out_an_organisation_no_representative_agreed_for(db):
    member_organization("Fundacja Alfa", "alfa@example.org")
    member_organization("Fundacja Gamma", "gamma@example.org", agreed=False)

    assert emails(Mailing(segment=Segment.ALL_ORGANIZATIONS)) == {"alfa@example.org"}
    assert emails(Mailing(segment=Segment.TOPIC, topic=Topic.GRANTS)) == {"alfa@example.org"}


def test_an_organisation_known_only_from_an_import_is_never_reached(db):
    directory.organization("Stowarzyszenie z KRS", email="krs@example.org")

    assert emails(Mailing(segment=Segment.ALL_ORGANIZATIONS)) == set()


def test_a_removed_organisation_is_not_reached(db):
    member_organization("Fundacja Wykreślona", "wykreslona@example.org", register_status="removed")

    assert emails(Mailing(segment=Segment.ALL_ORGANIZATIONS)) == set()


def test_a_topic_reaches_subscribers_and_organisations_that_chose_it(db):
    organization = member_organization("Fundacja Alfa", "alfa@example.org")
    organization.topics.all().delete()
    RecipientTopic.objects.create(recipient=organization, topic=Topic.GRANTS)
    subscriber("jan@example.org", topics=[Topic.GRANTS, Topic.NEWS])
    subscriber("ewa@example.org", topics=[Topic.NEWS])
    subscriber("niepotwierdzony@example.org", topics=[Topic.GRANTS], active=False)

    assert emails(Mailing(segment=Segment.TOPIC, topic=Topic.GRANTS)) == {"alfa@example.org", "jan@example.org"}


def test_a_sphere_reaches_organisations_working_in_it_and_subscribers_who_chose_it(db):
    culture = directory.sphere("culture")
    ecology = directory.sphere("ecology-animals")
    member_organization("Teatr Alfa", "teatr@example.org", spheres=[culture])
    chose = member_organization("Fundacja Beta", "beta@example.org")
    chose.spheres.set([culture])
    member_organization("Eko Gamma", "eko@example.org", spheres=[ecology])
    subscriber("jan@example.org", spheres=[culture])
    subscriber("ewa@example.org")  # narrowed nothing: asked for topics, not for every sphere's mailings
    subscriber("ola@example.org", spheres=[ecology])

    assert emails(Mailing(segment=Segment.SPHERE, sphere=culture)) == {
        "teatr@example.org", "beta@example.org", "jan@example.org",
    }


def test_a_district_reaches_organisations_there_and_subscribers_who_chose_it(dojlidy, bojary):
    member_organization("Fundacja z Dojlid", "dojlidy@example.org", district=dojlidy)
    member_organization("Fundacja z Bojar", "bojary@example.org", district=bojary)
    subscriber("jan@example.org", districts=[dojlidy])
    subscriber("ewa@example.org", districts=[bojary])

    assert emails(Mailing(segment=Segment.DISTRICT, district=dojlidy)) == {"dojlidy@example.org", "jan@example.org"}


def test_a_target_group_reaches_organisations_serving_it(db):
    children = directory.group("dzieci")
    member_organization("Przedszkole Alfa", "alfa@example.org", target_groups=[children])
    member_organization("Klub Seniora", "senior@example.org")
    subscriber("jan@example.org", topics=[Topic.NEWS])

    assert emails(Mailing(segment=Segment.TARGET_GROUP, target_group=children)) == {"alfa@example.org"}


def test_each_recipient_is_listed_once_even_when_it_matches_twice(db):
    culture = directory.sphere("culture")
    spheres = [culture, directory.sphere("ecology-animals")]
    organization = member_organization("Teatr Alfa", "teatr@example.org", spheres=spheres)
    organization.spheres.set([culture])

    assert list(recipients_for(Mailing(segment=Segment.SPHERE, sphere=culture))) == [organization]


def test_a_segment_without_its_parameter_reaches_nobody(db):
    subscriber("jan@example.org", topics=[Topic.NEWS])

    assert emails(Mailing(segment=Segment.TOPIC)) == set()
    assert emails(Mailing(segment="")) == set()


def test_the_size_counts_an_address_once_and_tells_how_many_are_suppressed(db):
    member_organization("Fundacja Alfa", "alfa@example.org")
    subscriber("alfa@example.org", topics=[Topic.GRANTS])
    RecipientTopic.objects.get_or_create(recipient=Recipient.objects.get(kind="organization"), topic=Topic.GRANTS)
    subscriber("jan@example.org", topics=[Topic.GRANTS])
    SuppressedAddress.objects.create(email="jan@example.org", reason="550 No such user")

    size = audience_size(Mailing(segment=Segment.TOPIC, topic=Topic.GRANTS))

    assert size == {"addresses": 2, "suppressed": 1, "reachable": 1}


def test_the_segment_is_described_with_its_parameter(dojlidy):
    assert describe(Mailing(segment=Segment.DISTRICT, district=dojlidy)) == "osiedle: Dojlidy"
    assert describe(Mailing(segment=Segment.TOPIC, topic=Topic.GRANTS)) == "subskrybenci tematu: konkursy dotacyjne"
    assert describe(Mailing(segment=Segment.ALL_ORGANIZATIONS)) == "wszystkie organizacje"
