"""Consultation alerts: an announced consultation reaches the subscribers of Topic.CONSULTATIONS once."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from partnerstwo.consultations.tests import factories as consultations
from partnerstwo.newsletter.models import Mailing, Topic
from partnerstwo.newsletter.tests.alert_factories import mail_to, recipient, texts_to

pytestmark = pytest.mark.django_db

READER = "konsultacje@example.org"


def test_an_announced_consultation_reaches_its_subscribers_once(use_smtp, settings, department_x, official_x):
    recipient(READER, topics=[Topic.CONSULTATIONS])
    recipient("aktualnosci@example.org", topics=[Topic.NEWS])
    call_command("send_alerts")  # the cursor starts now
    draft = consultations.consultation(department_x, by=official_x, announced=False)
    call_command("send_alerts")
    assert mail_to(use_smtp, READER) == []

    draft.announced_at = timezone.now()
    draft.save()
    for _run in range(3):
        call_command("send_alerts")

    [message] = mail_to(use_smtp, READER)
    assert "Konsultacje: Program współpracy" in " ".join(str(message["Subject"]).split())
    [text] = texts_to(use_smtp, READER)
    assert f"{settings.SITE_URL}{draft.get_absolute_url()}" in text
    assert mail_to(use_smtp, "aktualnosci@example.org") == []
    assert Mailing.objects.filter(source="consultation").count() == 1
