"""Changing what one receives without an account (the link from every e-mail) and from the account page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.newsletter.models import ConsentRecord, Recipient, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber(db):
    recipient = Recipient.objects.create(email="ewa@example.org", confirmed_at=timezone.now())
    recipient.topics.create(topic=Topic.GRANTS)
    return recipient


def url(recipient):
    return reverse("newsletter:preferences", args=[recipient.token])


def test_the_link_shows_the_current_choices(client, subscriber):
    page = client.get(url(subscriber)).content.decode()
    assert "ewa@example.org" in page
    assert 'value="grants" id="id_topics_3" checked' in page
    assert page.count(" checked") == 1


def test_changing_topics_by_link_stores_a_new_confirmed_consent(client, subscriber):
    sphere = PublicTaskSphere.objects.first()
    district = District.objects.create(name="Piaski", slug="piaski")

    response = client.post(url(subscriber), {
        "topics": ["grants", "consultations"], "spheres": [sphere.pk], "districts": [district.pk], "language": "en",
    }, REMOTE_ADDR="198.51.100.4")

    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.topic_set() == {"grants", "consultations"}
    assert list(subscriber.spheres.all()) == [sphere]
    assert list(subscriber.districts.all()) == [district]
    assert subscriber.language == "en"
    consent = ConsentRecord.objects.get()
    assert consent.confirmed_at is not None
    assert consent.ip_address == "198.51.100.4"
    assert "konsultacje" in consent.text
    assert "Zapisano ustawienia" in client.get(response["Location"]).content.decode()


def test_changing_only_spheres_or_language_stores_no_new_consent(client, subscriber):
    client.post(url(subscriber), {"topics": ["grants"], "language": "en"})
    assert not ConsentRecord.objects.exists()


def test_at_least_one_topic_is_required(client, subscriber):
    response = client.post(url(subscriber), {"topics": [], "language": "pl"})
    assert response.status_code == 200
    assert "Wybierz co najmniej jeden temat." in response.content.decode()
    assert subscriber.topic_set() == {"grants"}


def test_an_unconfirmed_address_is_sent_to_the_confirmation_page(client):
    recipient = Recipient.objects.create(email="nowa@example.org")
    response = client.get(url(recipient))
    assert response["Location"] == reverse("newsletter:confirm", args=[recipient.token])


def test_coming_back_after_leaving_needs_the_consent_again(client, subscriber):
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save()

    refused = client.post(url(subscriber), {"topics": ["grants"], "language": "pl"})
    assert "Aby zapisać się ponownie, zaznacz zgodę." in refused.content.decode()
    subscriber.refresh_from_db()
    assert not subscriber.is_active

    client.post(url(subscriber), {"topics": ["grants"], "language": "pl", "consent": "on"})
    subscriber.refresh_from_db()
    assert subscriber.is_active
    assert ConsentRecord.objects.get().confirmed_at is not None


def test_the_account_page_shows_the_own_subscription_with_a_link_to_manage_it(client, resident):
    recipient = Recipient.objects.create(email=resident.email, confirmed_at=timezone.now())
    recipient.topics.create(topic=Topic.TRAININGS)
    client.force_login(resident)

    page = client.get(reverse("accounts:profile")).content.decode()

    assert "Newsletter" in page
    assert "szkolenia" in page
    assert url(recipient) in page


def test_the_account_page_finds_a_subscription_linked_to_the_account_under_another_address(client, resident):
    recipient = Recipient.objects.create(email="inny@example.org", user=resident, confirmed_at=timezone.now())
    client.force_login(resident)
    assert url(recipient) in client.get(reverse("accounts:profile")).content.decode()


def test_the_account_page_offers_sign_up_and_shows_no_one_elses_subscription(client, resident):
    other = Recipient.objects.create(email="ktos@example.org", confirmed_at=timezone.now())
    client.force_login(resident)

    page = client.get(reverse("accounts:profile")).content.decode()

    assert reverse("newsletter:subscribe") in page
    assert other.token not in page


def test_the_sign_up_page_shows_a_logged_in_person_their_own_subscription(client, resident):
    recipient = Recipient.objects.create(email=resident.email, confirmed_at=timezone.now())
    client.force_login(resident)

    page = client.get(reverse("newsletter:subscribe")).content.decode()

    assert "Twój adres jest już zapisany" in page
    assert url(recipient) in page
