"""A published issue goes once, through the newsletter's alerts and delivery rows, to the subscribers of the bulletin
topic and to the media contacts; nobody else, never twice, and never from the request."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from partnerstwo.bulletin.models import MediaContact
from partnerstwo.bulletin.tests.factories import issue, item
from partnerstwo.newsletter.models import Delivery, Mailing, Recipient, Topic
from partnerstwo.newsletter.tests.alert_factories import mail_to, recipient, texts_to
from partnerstwo.orgnews.tests.factories import post

pytestmark = pytest.mark.django_db


@pytest.fixture
def audience():
    recipient("czytelniczka@example.org", topics=[Topic.BULLETIN])
    recipient("aktualnosci@example.org", topics=[Topic.NEWS])
    recipient("wypisana@example.org", topics=[Topic.BULLETIN], unsubscribed_at=timezone.now())
    recipient("dziennikarz@example.org", topics=[Topic.NEWS])  # a subscriber who is also a media contact
    MediaContact.objects.create(name="Anna Nowak", outlet="Kurier", email="anna@kurier.example.org")
    MediaContact.objects.create(name="Jan Kowal", outlet="Radio", email="dziennikarz@example.org")


def publish_by_click(client, official_x, organization_a):
    draft = issue(published=False, title="Jesień w organizacjach")
    item(draft, post=post(organization_a, "Sprzątanie parku"))
    client.force_login(official_x)
    for _click in range(2):
        client.post(reverse("panel:bulletin_panel:publish", args=[draft.pk]))
    return draft


def test_publishing_sends_nothing_in_the_request(client, official_x, organization_a, audience):
    publish_by_click(client, official_x, organization_a)
    assert not Mailing.objects.exists() and not Delivery.objects.exists()


def test_a_published_issue_is_delivered_once_to_the_topic_and_the_media(client, official_x, organization_a,
                                                                         audience):
    draft = publish_by_click(client, official_x, organization_a)
    for _run in range(3):
        call_command("send_alerts")
    [mailing] = Mailing.objects.filter(source="bulletin")
    assert mailing.source_id == draft.pk and mailing.topic == Topic.BULLETIN
    assert sorted(mailing.deliveries.values_list("email", flat=True)) == [
        "anna@kurier.example.org", "czytelniczka@example.org", "dziennikarz@example.org"]
    # The contact without an address of its own got a recipient row, so its message can be unsubscribed from.
    assert Recipient.objects.get(email="anna@kurier.example.org").topic_set() == set()


def test_the_message_names_the_issue_and_its_items(use_smtp, client, official_x, organization_a, audience,
                                                   settings):
    draft = publish_by_click(client, official_x, organization_a)
    call_command("send_alerts")
    [message] = mail_to(use_smtp, "anna@kurier.example.org")
    assert " ".join(str(message["Subject"]).split()) == "Biuletyn miejski nr 4/2026: Jesień w organizacjach"
    assert message["List-Unsubscribe"]
    [text] = texts_to(use_smtp, "anna@kurier.example.org")
    assert "Sprzątanie parku" in text and f"{settings.SITE_URL}{draft.get_pdf_url()}" in text
    for other in ("aktualnosci@example.org", "wypisana@example.org"):  # the news topic hears of the news item only
        assert not [m for m in mail_to(use_smtp, other) if "Biuletyn" in str(m["Subject"])]


def test_a_media_contact_who_unsubscribed_is_not_mailed_again(client, official_x, organization_a, audience):
    Recipient.objects.filter(email="czytelniczka@example.org").update(unsubscribed_at=timezone.now())
    publish_by_click(client, official_x, organization_a)
    call_command("send_alerts")
    first = set(Mailing.objects.get(source="bulletin").deliveries.values_list("email", flat=True))
    assert "czytelniczka@example.org" not in first
    Recipient.objects.filter(email="anna@kurier.example.org").update(unsubscribed_at=timezone.now())
    later = issue(2027, 1, title="Zima", published_at=timezone.now())
    item(later, post=post(organization_a, "Kulig"))
    call_command("send_alerts")
    second = set(Mailing.objects.get(source="bulletin", source_id=later.pk).deliveries.values_list("email", flat=True))
    assert second == {"dziennikarz@example.org"}


def test_an_old_issue_is_not_mailed(organization_a, audience):
    old = issue(2025, 4, published_at=timezone.now() - datetime.timedelta(days=30))
    item(old, post=post(organization_a))
    call_command("send_alerts")
    assert not Mailing.objects.filter(source="bulletin").exists()
