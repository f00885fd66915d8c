"""Organisations as recipients: only confirmed addresses, pulled on a schedule, chosen by representatives."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.newsletter.models import Recipient, Topic
from partnerstwo.newsletter.organization_recipients import DEFAULT_ORGANIZATION_TOPICS, sync_organization_recipients
from partnerstwo.organizations.models import Representation
from partnerstwo.organizations.tests.factories import organization, represent

pytestmark = pytest.mark.django_db


def confirmed_organization(name="Fundacja Alfa", **fields):
    """An organisation whose contact address was confirmed a month ago."""
    email = fields.pop("email", f"biuro@{slugify(name)}.example.org")
    moment = timezone.now() - timedelta(days=30)
    return organization(name, email=email, confirmed_contact_email=email.lower(), contact_email_confirmed_at=moment,
                        **fields)


def test_an_organisation_with_a_confirmed_address_becomes_a_recipient_with_default_topics_but_unmailed():
    org = confirmed_organization()

    call_command("sync_organization_recipients")

    recipient = Recipient.objects.get()
    assert recipient.kind == Recipient.Kind.ORGANIZATION
    assert recipient.organization == org
    assert recipient.email == org.confirmed_contact_email
    assert recipient.confirmed_at == org.contact_email_confirmed_at
    assert not recipient.is_active  # until a representative agrees
    assert recipient.topic_set() == set(DEFAULT_ORGANIZATION_TOPICS)
    assert Topic.EVENT_NOTICES not in recipient.topic_set()
    assert Topic.NEWS not in recipient.topic_set()


def test_addresses_that_only_came_from_imports_are_never_recipients():
    organization("Stowarzyszenie z KRS", email="z.krs@example.org")  # an address, never confirmed
    organization("Stowarzyszenie z wykazu", email="opp@example.org", contact_email_confirmed_at=timezone.now())

    sync_organization_recipients()

    assert not Recipient.objects.exists()


def test_the_sync_is_idempotent_and_keeps_the_representatives_choices():
    org = confirmed_organization()
    sync_organization_recipients()
    recipient = Recipient.objects.get()
    recipient.topics.all().delete()
    recipient.topics.create(topic=Topic.GRANTS)

    assert sync_organization_recipients() == {"created": 0, "updated": 0, "deactivated": 0}

    assert Recipient.objects.get(organization=org).topic_set() == {"grants"}


def test_a_changed_confirmed_address_moves_the_recipient_and_revokes_old_links():
    org = confirmed_organization()
    sync_organization_recipients()
    old_token = Recipient.objects.get().token
    org.confirmed_contact_email = "nowy@fundacja-alfa.example.org"
    org.contact_email_confirmed_at = timezone.now()
    org.save()

    sync_organization_recipients()

    recipient = Recipient.objects.get()
    assert recipient.email == "nowy@fundacja-alfa.example.org"
    assert recipient.confirmed_at == org.contact_email_confirmed_at
    assert recipient.token != old_token


def test_an_organisation_that_loses_its_confirmed_address_or_is_unpublished_stops_receiving():
    org = confirmed_organization()
    other = confirmed_organization("Stowarzyszenie Beta")
    sync_organization_recipients()
    org.confirmed_contact_email = ""
    org.save()
    other.is_published = False
    other.save()

    sync_organization_recipients()

    assert not Recipient.objects.active().exists()


def test_an_organisation_without_own_spheres_choice_is_matched_by_its_directory_spheres():
    culture, sport, health = PublicTaskSphere.objects.all()[:3]
    cultural = confirmed_organization("Fundacja Kultury")
    cultural.spheres.set([culture])
    everything = confirmed_organization("Fundacja Wszystkiego")  # no spheres in the directory
    chooser = confirmed_organization("Fundacja Sportu")
    chooser.spheres.set([culture])
    sync_organization_recipients()
    Recipient.objects.get(organization=chooser).spheres.set([sport])
    Recipient.objects.organizations().update(agreed_at=timezone.now())
    subscriber = Recipient.objects.create(email="ewa@example.org", confirmed_at=timezone.now())

    def matched(sphere):
        return set(Recipient.objects.active().matching(sphere_ids=[sphere.pk]).values_list("email", flat=True))

    assert matched(culture) == {cultural.confirmed_contact_email, everything.confirmed_contact_email, subscriber.email}
    assert matched(sport) == {chooser.confirmed_contact_email, everything.confirmed_contact_email, subscriber.email}
    assert matched(health) == {everything.confirmed_contact_email, subscriber.email}


def test_districts_match_when_chosen_and_all_when_not():
    bojary = District.objects.create(name="Bojary", slug="bojary")
    piaski = District.objects.create(name="Piaski", slug="piaski")
    narrow = Recipient.objects.create(email="bojary@example.org", confirmed_at=timezone.now())
    narrow.districts.set([bojary])
    Recipient.objects.create(email="wszedzie@example.org", confirmed_at=timezone.now())

    matched = Recipient.objects.matching(district_ids=[piaski.pk]).values_list("email", flat=True)

    assert list(matched) == ["wszedzie@example.org"]


@pytest.fixture
def represented(representative_a):
    org = confirmed_organization()
    represent(representative_a, org)
    return org


def page(org):
    return reverse("newsletter:organization", args=[org.slug])


def test_a_representative_chooses_the_organisations_topics_spheres_and_districts(client, representative_a, represented):
    sphere = PublicTaskSphere.objects.first()
    client.force_login(representative_a)
    assert "aktualności" in client.get(page(represented)).content.decode()  # the default is explained

    response = client.post(page(represented), {
        "receive": "on", "topics": ["grants", "news"], "spheres": [sphere.pk], "language": "pl",
    })

    assert response.status_code == 302
    recipient = Recipient.objects.get(organization=represented)
    assert recipient.topic_set() == {"grants", "news"}
    assert list(recipient.spheres.all()) == [sphere]


def test_a_representative_opts_the_organisation_out_and_back_in(client, representative_a, represented):
    client.force_login(representative_a)
    client.post(page(represented), {"receive": "on", "topics": ["grants"], "language": "pl"})
    assert Recipient.objects.active().get().organization == represented

    client.post(page(represented), {"topics": ["grants"], "language": "pl"})
    assert not Recipient.objects.active().exists()
    assert "jest wypisana" in client.get(page(represented)).content.decode()

    client.post(page(represented), {"receive": "on", "topics": ["grants"], "language": "pl"})
    assert Recipient.objects.active().get().organization == represented


def test_receiving_without_any_topic_is_refused_with_a_message(client, representative_a, represented):
    client.force_login(representative_a)
    response = client.post(page(represented), {"receive": "on", "language": "pl"})
    assert "Wybierz co najmniej jeden temat albo odznacz" in response.content.decode()


@pytest.mark.parametrize("who", ["representative_b", "resident", "official_x", "administrator"])
def test_nobody_else_may_see_the_organisations_choices(client, request, represented, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(page(represented)).status_code == 404
    assert client.post(page(represented), {"topics": ["news"], "language": "pl"}).status_code == 404


def test_a_pending_representative_gets_404_and_a_visitor_is_asked_to_log_in(client, representative_b, represented):
    represent(representative_b, represented, status=Representation.Status.PENDING)
    client.force_login(representative_b)
    assert client.get(page(represented)).status_code == 404
    client.logout()
    assert client.get(page(represented)).status_code == 302


def test_an_organisation_without_a_confirmed_address_is_told_why_it_receives_nothing(client, representative_a):
    org = organization("Stowarzyszenie z KRS")
    represent(representative_a, org)
    client.force_login(representative_a)

    response = client.get(page(org))

    assert response.status_code == 200
    assert "nie ma potwierdzonego adresu" in response.content.decode()
    assert not Recipient.objects.exists()


def test_my_organisations_links_to_the_mailing_choices(client, representative_a, represented):
    client.force_login(representative_a)
    assert page(represented) in client.get(reverse("my_organizations:index")).content.decode()


def test_unsubscribing_an_organisation_opts_it_out_and_says_representatives_can_return(client, represented):
    sync_organization_recipients()
    recipient = Recipient.objects.get()

    response = client.post(reverse("newsletter:unsubscribe", args=[recipient.token]))

    assert "Przedstawiciele organizacji" in response.content.decode()
    assert not Recipient.objects.active().exists()
