"""News alerts: each published news item reaches the subscribers of Topic.NEWS once, when it becomes public."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from partnerstwo.news.editing import save_news_item
from partnerstwo.news.models import NewsItem
from partnerstwo.newsletter import alert_sources, alerts
from partnerstwo.newsletter.models import Mailing, Topic
from partnerstwo.newsletter.tests.alert_factories import mail_to, organization_recipient, recipient, texts_to

pytestmark = pytest.mark.django_db

READER = "aktualnosci@example.org"


def news(slug="nabor-do-zespolu", *, published_at=None, is_published=True, **fields):
    return NewsItem.objects.create(
        slug=slug,
        title=fields.pop("title", "Nabór do Zespołu Konsultacyjnego"),
        lead=fields.pop("lead", "Organizacje mogą zgłaszać kandydatów do 15 grudnia."),
        published_at=published_at or timezone.now(),
        is_published=is_published,
        **fields,
    )


def news_alerts():
    return Mailing.objects.filter(kind=Mailing.Kind.ALERT, source="news")


def test_a_published_news_item_reaches_news_subscribers_once_with_title_lead_and_link(use_smtp, settings):
    recipient(READER, topics=[Topic.NEWS])
    recipient("konkursy@example.org", topics=[Topic.GRANTS])
    organization_recipient("Fundacja Delta")  # organisations get no news unless they choose it
    item = news()

    for _run in range(3):
        call_command("send_alerts")

    [message] = mail_to(use_smtp, READER)
    assert " ".join(str(message["Subject"]).split()) == "Aktualność: Nabór do Zespołu Konsultacyjnego"
    [text] = texts_to(use_smtp, READER)
    assert "Organizacje mogą zgłaszać kandydatów do 15 grudnia." in text
    assert f"{settings.SITE_URL}{item.get_absolute_url()}" in text
    assert mail_to(use_smtp, "konkursy@example.org") == []
    assert len(use_smtp.messages) == 1
    assert news_alerts().count() == 1


def test_a_draft_is_sent_only_once_an_editor_publishes_it(use_smtp, administrator):
    recipient(READER, topics=[Topic.NEWS])
    item = news(is_published=False, published_at=timezone.now() - timedelta(days=2))
    call_command("send_alerts")
    assert not news_alerts().exists()

    item.is_published = True
    save_news_item(item, editor=administrator)
    call_command("send_alerts")

    assert len(mail_to(use_smtp, READER)) == 1


def test_a_scheduled_item_is_sent_when_its_publication_time_comes(use_smtp):
    recipient(READER, topics=[Topic.NEWS])
    now = timezone.now()
    news(published_at=now + timedelta(hours=1))

    alerts.run(now)
    assert not news_alerts().exists()
    alerts.run(now + timedelta(hours=2))

    assert news_alerts().count() == 1
    assert len(mail_to(use_smtp, READER)) == 1


def test_editing_an_old_news_item_sends_nothing(use_smtp, administrator):
    recipient(READER, topics=[Topic.NEWS])
    item = news(published_at=timezone.now() - timedelta(days=200))

    item.title = "Poprawiony tytuł"
    save_news_item(item, editor=administrator)
    call_command("send_alerts")

    assert not news_alerts().exists()


def test_an_item_withdrawn_after_the_alert_was_created_is_not_disclosed(db):
    item = news()
    mailing = Mailing.objects.create(kind=Mailing.Kind.ALERT, source="news", source_id=item.pk,
                                     source_version="published", subject="x")
    NewsItem.objects.filter(pk=item.pk).update(is_published=False)

    _subject, text, _html = alert_sources.NewsSource().render(mailing, None)

    assert "Nabór" not in text
    assert "została usunięta" in text
