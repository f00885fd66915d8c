"""An organisation is mailed only after a representative agreed for it, with topics, recorded like a
subscriber's consent."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnerstwo.newsletter import one_off
from partnerstwo.newsletter.models import ConsentRecord, Mailing, Recipient
from partnerstwo.newsletter.organization_recipients import sync_organization_recipients
from partnerstwo.newsletter.tests.test_organization_recipients import confirmed_organization
from partnerstwo.organizations.models import Representation
from partnerstwo.organizations.tests.factories import represent

pytestmark = pytest.mark.django_db

QUESTION = "chce otrzymywać wiadomości e-mail?"


@pytest.fixture
def org(representative_a):
    organization = confirmed_organization("Fundacja Alfa")
    represent(representative_a, organization)
    return organization


def agree(client, org, **extra):
    data = {"receive": "on", "topics": ["grants", "trainings"], "language": "pl", **extra}
    return client.post(reverse("newsletter:organization", args=[org.slug]), data, HTTP_USER_AGENT="Testowa/1.0")


def all_organisations_mailing(subject):
    return Mailing.objects.create(subject=subject, body="Treść.", segment=Mailing.Segment.ALL_ORGANIZATIONS)


def test_an_organisation_with_a_confirmed_address_but_no_consent_gets_no_mailing_and_does_after_it(
    client, representative_a, org, use_smtp
):
    with pytest.raises(ValidationError):
        one_off.send_now(all_organisations_mailing("Przed zgodą"))
    assert use_smtp.wait_for(1, timeout=0.5) == []

    client.force_login(representative_a)
    agree(client, org)
    one_off.send_now(all_organisations_mailing("Po zgodzie"), confirmed_count=1)

    [message] = use_smtp.wait_for(1)
    assert message["X-Envelope-To"] == org.confirmed_contact_email
    assert "Po zgodzie" in message["Subject"]


def test_the_consent_is_recorded_with_its_text_topics_time_address_and_who_gave_it(client, representative_a, org):
    client.force_login(representative_a)

    agree(client, org)

    consent = ConsentRecord.objects.get()
    recipient = Recipient.objects.get(organization=org)
    assert consent.recipient == recipient
    assert consent.email == org.confirmed_contact_email
    assert consent.given_by == representative_a
    assert consent.confirmed_at is not None and consent.withdrawn_at is None
    assert consent.ip_address == "127.0.0.1"
    assert consent.user_agent == "Testowa/1.0"
    assert "W imieniu organizacji wyrażam zgodę" in consent.text
    assert "Fundacja Alfa" in consent.text and "Adam Alfa" in consent.text
    assert "konkursy dotacyjne" in consent.text and "szkolenia" in consent.text
    assert recipient.agreed_at is not None and recipient.is_active
    assert recipient.topic_set() == {"grants", "trainings"}


def test_other_topics_are_a_new_consent_and_the_old_one_is_withdrawn(client, representative_a, org):
    client.force_login(representative_a)
    agree(client, org)

    agree(client, org, topics=["grants"])

    old, new = ConsentRecord.objects.order_by("pk")
    assert old.withdrawn_at is not None
    assert new.withdrawn_at is None and "szkolenia" not in new.text.split("Wybrane tematy:")[1].split("\n")[0]


def test_saving_the_same_choices_again_records_no_second_consent(client, representative_a, org):
    client.force_login(representative_a)
    agree(client, org)
    agree(client, org)

    assert ConsentRecord.objects.count() == 1


def test_withdrawing_on_the_organisation_page_stops_the_mailings_and_keeps_the_record(client, representative_a, org):
    client.force_login(representative_a)
    agree(client, org)

    client.post(reverse("newsletter:organization", args=[org.slug]), {"topics": ["grants"], "language": "pl"})

    recipient = Recipient.objects.get(organization=org)
    assert not recipient.is_active and recipient.agreed_at is None
    assert ConsentRecord.objects.get().withdrawn_at is not None


def test_the_unsubscribe_link_withdraws_the_organisations_consent_like_a_subscribers(client, representative_a, org):
    client.force_login(representative_a)
    agree(client, org)
    recipient = Recipient.objects.get(organization=org)
    client.logout()

    client.post(reverse("newsletter:unsubscribe", args=[recipient.token]))

    recipient.refresh_from_db()
    assert recipient.agreed_at is None and not Recipient.objects.active().exists()
    assert ConsentRecord.objects.get().withdrawn_at is not None


def test_a_new_confirmed_address_needs_a_new_consent(client, representative_a, org):
    client.force_login(representative_a)
    agree(client, org)
    org.confirmed_contact_email = "nowy@fundacja-alfa.example.org"
    org.save()

    sync_organization_recipients()

    assert not Recipient.objects.active().exists()
    assert ConsentRecord.objects.get().withdrawn_at is not None


def test_the_representative_is_asked_on_my_organisations_and_on_the_profile(client, representative_a, org):
    client.force_login(representative_a)

    mine = client.get(reverse("my_organizations:index")).content.decode()
    profile = client.get(org.get_absolute_url()).content.decode()

    for html in (mine, profile):
        assert QUESTION in html
        assert 'name="receive"' in html and "checked" not in html.split('name="receive"')[1].split(">")[0]


def test_answering_on_the_profile_records_the_consent_and_returns_to_the_profile(client, representative_a, org):
    client.force_login(representative_a)

    response = agree(client, org, next=org.get_absolute_url())

    assert response.status_code == 302 and response.url == org.get_absolute_url()
    assert Recipient.objects.active().get().organization == org
    assert QUESTION not in client.get(org.get_absolute_url()).content.decode()


def test_a_next_address_on_another_site_is_ignored(client, representative_a, org):
    client.force_login(representative_a)

    response = agree(client, org, next="https://evil.example.org/")

    assert response.url == reverse("newsletter:organization", args=[org.slug])


def test_after_a_withdrawal_the_question_is_not_asked_again(client, representative_a, org):
    client.force_login(representative_a)
    agree(client, org)
    client.post(reverse("newsletter:organization", args=[org.slug]), {"topics": ["grants"], "language": "pl"})

    assert QUESTION not in client.get(org.get_absolute_url()).content.decode()


@pytest.mark.parametrize("who", ["representative_b", "resident", "official_x"])
def test_nobody_but_its_representatives_is_asked(client, request, org, who):
    client.force_login(request.getfixturevalue(who))

    assert QUESTION not in client.get(org.get_absolute_url()).content.decode()


def test_a_pending_representative_is_not_asked(client, representative_b, org):
    represent(representative_b, org, status=Representation.Status.PENDING)
    client.force_login(representative_b)

    assert QUESTION not in client.get(org.get_absolute_url()).content.decode()
