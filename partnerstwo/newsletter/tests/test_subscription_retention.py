"""Unsubscribed subscribers are deleted after the retention period; the proof of consent stays."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from partnerstwo.newsletter import subscriptions
from partnerstwo.newsletter.models import ConsentRecord, Recipient, Topic
from partnerstwo.newsletter.tests.alert_factories import organization_recipient, recipient

pytestmark = pytest.mark.django_db


def left(email, days_ago, **fields):
    person = recipient(email, topics=[Topic.NEWS], **fields)
    ConsentRecord.objects.create(recipient=person, email=email, text_version="1", text="Zgoda",
                                 confirmed_at=timezone.now() - timedelta(days=400))
    subscriptions.unsubscribe(person)
    Recipient.objects.filter(pk=person.pk).update(unsubscribed_at=timezone.now() - timedelta(days=days_ago))
    return person


def test_subscribers_unsubscribed_longer_than_the_retention_are_deleted_and_their_consents_kept():
    left("dawno@example.org", 31)
    left("niedawno@example.org", 29)
    still = recipient("zostaje@example.org", topics=[Topic.NEWS])

    call_command("purge_unsubscribed")
    call_command("purge_unsubscribed")  # idempotent

    assert set(Recipient.objects.values_list("email", flat=True)) == {"niedawno@example.org", still.email}
    proof = ConsentRecord.objects.get(email="dawno@example.org")
    assert proof.recipient is None
    assert proof.text == "Zgoda"
    assert proof.confirmed_at is not None and proof.withdrawn_at is not None


def test_the_sending_log_of_a_deleted_subscriber_keeps_no_address():
    from partnerstwo.newsletter.models import Delivery, Mailing

    person = left("dawno@example.org", 31)
    kept = recipient("zostaje@example.org", topics=[Topic.NEWS])
    mailing = Mailing.objects.create(subject="Nowości", body="Treść", status=Mailing.Status.DONE)
    Delivery.objects.create(mailing=mailing, recipient=person, email=person.email, status="failed",
                            last_error="550 dawno@example.org: skrzynka nie istnieje")
    Delivery.objects.create(mailing=mailing, recipient=kept, email=kept.email, status="sent")

    call_command("purge_unsubscribed")

    emails = set(Delivery.objects.values_list("email", flat=True))
    assert "zostaje@example.org" in emails and "dawno@example.org" not in emails
    forgotten = Delivery.objects.exclude(email="zostaje@example.org").get()
    assert forgotten.email.endswith("@adres-usuniety.invalid") and forgotten.last_error == ""
    assert forgotten.status == "failed"  # the counts of the mailing stay true


def test_the_retention_is_a_setting(settings):
    settings.NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS = 5
    left("szesc-dni@example.org", 6)

    assert subscriptions.purge_unsubscribed() == 1
    assert not Recipient.objects.exists()


def test_an_organisation_that_opted_out_is_kept_for_its_representatives_to_opt_back_in():
    organization = organization_recipient("Fundacja Beta")
    subscriptions.unsubscribe(organization)
    Recipient.objects.filter(pk=organization.pk).update(unsubscribed_at=timezone.now() - timedelta(days=365))

    assert subscriptions.purge_unsubscribed() == 0
    assert Recipient.objects.filter(pk=organization.pk).exists()


def test_the_information_clause_says_what_is_kept_after_deletion_and_for_how_long(client, settings):
    settings.NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS = 30

    page = client.get(reverse("newsletter:subscribe")).content.decode()

    assert "usuwamy je po 30 dniach" in page
    assert "zachowujemy wyłącznie zapis zgody" in page
    assert "art. 7 ust. 1 RODO" in page
    assert "do upływu okresu przedawnienia" in page


def test_a_link_of_a_deleted_subscriber_shows_the_polish_404(client):
    gone = left("usuniety@example.org", 40)
    subscriptions.purge_unsubscribed()

    response = client.get(reverse("newsletter:preferences", args=[gone.token]))

    assert response.status_code == 404
