"""The demo's mailings: a sent one with failures and uncertain deliveries, and a draft; loading twice adds nothing."""

import io

from django.urls import reverse

from partnerstwo.newsletter import demo_mailings
from partnerstwo.newsletter.models import Delivery, Mailing, SuppressedAddress


def test_the_demo_loads_a_sent_mailing_with_problems_and_a_draft_once(db, client, official_x):
    demo_mailings.load(io.StringIO())
    demo_mailings.load(io.StringIO())

    sent = Mailing.objects.get(subject=demo_mailings.SENT_SUBJECT)
    assert Mailing.objects.filter(status=Mailing.Status.DRAFT).count() == 1
    assert sent.deliveries.filter(status=Delivery.Status.FAILED).count() == 2
    assert sent.deliveries.filter(status=Delivery.Status.UNCERTAIN).count() == 2
    assert sent.deliveries.filter(status=Delivery.Status.SENT).exists()
    assert SuppressedAddress.objects.count() == 1

    client.force_login(official_x)
    html = client.get(reverse("panel:newsletter_panel:detail", args=[sent.pk])).content.decode()
    assert "Niepewne: 2" in html
