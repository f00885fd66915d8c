"""Leaving with one click: a confirmation page for people, the RFC 8058 POST for mail clients."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerstwo.newsletter.models import ConsentRecord, Recipient, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber(db):
    recipient = Recipient.objects.create(email="ewa@example.org", confirmed_at=timezone.now())
    recipient.topics.create(topic=Topic.GRANTS)
    ConsentRecord.objects.create(recipient=recipient, email=recipient.email, text_version="1", text="Zgoda",
                                 confirmed_at=timezone.now())
    return recipient


def url(recipient):
    return reverse("newsletter:unsubscribe", args=[recipient.token])


def test_opening_the_link_only_shows_a_button(client, subscriber):
    response = client.get(url(subscriber))

    assert response.status_code == 200
    assert "Wypisz mnie" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.is_active


def test_pressing_the_button_unsubscribes_at_once_and_withdraws_the_consent(client, subscriber):
    response = client.post(url(subscriber))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Wypisano z newslettera" in page
    assert reverse("newsletter:preferences", args=[subscriber.token]) in page  # the way back
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None
    assert not Recipient.objects.active().exists()
    assert ConsentRecord.objects.get().withdrawn_at is not None


def test_the_one_click_post_of_a_mail_client_works_without_a_csrf_token(subscriber):
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(url(subscriber), "List-Unsubscribe=One-Click",
                                content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None


def test_other_newsletter_forms_still_require_the_csrf_token(subscriber):
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(reverse("newsletter:preferences", args=[subscriber.token]), {"topics": ["news"]})
    assert response.status_code == 403


def test_unsubscribing_twice_keeps_the_first_moment(client, subscriber):
    client.post(url(subscriber))
    subscriber.refresh_from_db()
    first = subscriber.unsubscribed_at

    client.post(url(subscriber))

    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at == first
    assert "Wypisano" in client.get(url(subscriber)).content.decode()


def test_an_unknown_token_gets_a_polish_404(client):
    response = client.post(reverse("newsletter:unsubscribe", args=["stary-token"]))
    assert response.status_code == 404
    assert "Link jest nieważny" in response.content.decode()


def test_a_token_with_a_nul_byte_is_simply_unknown(client):
    response = client.get("/newsletter/wypisz/abc%00def/")
    assert response.status_code == 404
