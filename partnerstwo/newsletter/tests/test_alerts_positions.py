"""Alerts of the advisory body's positions: each adopted position reaches the subscribers of Topic.POSITIONS once,
when it is decided; a rejected one and a draft reach nobody."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from partnerstwo.newsletter.models import Mailing, Topic
from partnerstwo.newsletter.tests.alert_factories import mail_to, organization_recipient, recipient, texts_to
from partnerstwo.team.models import Body, Position
from partnerstwo.team.positions import voting
from partnerstwo.team.tests import factories as team

pytestmark = pytest.mark.django_db

READER = "stanowiska@example.org"


def decided(title="Stanowisko w sprawie lokali", choice="for") -> Position:
    seat = team.seat(name="Jan Członek")
    position = voting.save_draft(position=Position(body=Body.objects.the_body(), title=title, text="Treść."))
    voting.open_electronic_vote(position=position, until=timezone.now() + timedelta(hours=1))
    voting.cast(position=position, seat=seat, choice=choice)
    voting.close(position=position)
    position.refresh_from_db()
    return position


def position_alerts():
    return Mailing.objects.filter(kind=Mailing.Kind.ALERT, source="team_position")


def test_an_adopted_position_reaches_the_subscribers_of_the_topic_once_and_nobody_else(use_smtp, settings):
    recipient(READER, topics=[Topic.POSITIONS])
    recipient("aktualnosci@example.org", topics=[Topic.NEWS])
    organization_recipient("Fundacja Delta")
    call_command("send_alerts")  # the first run starts the cursor
    position = decided()

    for _run in range(3):
        call_command("send_alerts")

    [message] = mail_to(use_smtp, READER)
    assert " ".join(str(message["Subject"]).split()) == f"Stanowisko nr {position.register_label}: {position.title}"
    [text] = texts_to(use_smtp, READER)
    assert f"{settings.SITE_URL}{position.get_absolute_url()}" in text and "za 1, przeciw 0" in text
    assert mail_to(use_smtp, "aktualnosci@example.org") == []
    assert len(use_smtp.messages) == 1
    assert position_alerts().count() == 1


def test_a_rejected_position_and_a_draft_are_not_alerted(use_smtp):
    recipient(READER, topics=[Topic.POSITIONS])
    call_command("send_alerts")
    rejected = decided(choice="against")
    voting.save_draft(position=Position(body=Body.objects.the_body(), title="Projekt", text="Treść."))

    call_command("send_alerts")

    assert rejected.status == Position.Status.REJECTED
    assert not position_alerts().exists() and use_smtp.messages == []


def test_an_unsubscribed_reader_of_the_topic_gets_nothing(use_smtp):
    recipient(READER, topics=[Topic.POSITIONS], unsubscribed_at=timezone.now())
    call_command("send_alerts")
    decided()

    call_command("send_alerts")

    assert mail_to(use_smtp, READER) == []
