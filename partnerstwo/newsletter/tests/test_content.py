"""What a mailing's e-mail says: both parts, absolute links, the sender, the footer, one-click unsubscribe."""

import email
import email.policy
import re

import pytest
from django.utils import timezone

from partnerstwo.lib.testing import message_text
from partnerstwo.newsletter import content, delivery, digest_rendering, links
from partnerstwo.newsletter.models import Delivery, Mailing, Recipient
from partnerstwo.organizations.tests import factories as directory

BODY = "Zapraszamy na **szkolenie** z rozliczania dotacji: [kalendarz](/wydarzenia/).\n\nDo zobaczenia!"


@pytest.fixture
def subscriber(db):
    return Recipient.objects.create(email="ola@example.org", confirmed_at=timezone.now())


@pytest.fixture
def one_off(db):
    return Mailing.objects.create(subject="Szkolenie z dotacji & rozliczeń", body=BODY)


def delivery_to(mailing, recipient) -> Delivery:
    return Delivery.objects.create(mailing=mailing, recipient=recipient, email=recipient.email,
                                   language=recipient.language)


def html_of(message) -> str:
    return next(body for body, mimetype in message.alternatives if mimetype == "text/html")


def parsed(data: bytes):
    return email.message_from_bytes(data, policy=email.policy.default)


def test_a_one_off_message_has_both_parts_absolute_links_and_the_sender_named(one_off, subscriber, settings):
    message = content.build_message(delivery_to(one_off, subscriber))

    assert message.subject == "Szkolenie z dotacji & rozliczeń"
    assert message.from_email == settings.DEFAULT_FROM_EMAIL and message.to == ["ola@example.org"]
    assert "**szkolenie**" in message.body  # the Markdown source reads as plain text
    html = html_of(message)
    assert "<strong>szkolenie</strong>" in html
    assert f'href="{settings.SITE_URL}/wydarzenia/"' in html
    assert 'href="/' not in html
    assert settings.CITY["centre"]["name"] in message.body and settings.CITY["centre"]["street"] in html
    assert "<title>Szkolenie z dotacji &amp; rozliczeń</title>" in html
    assert "@@" not in message.body + html + message.subject  # no stand-in left behind


def test_every_message_carries_one_click_unsubscribe_and_a_preferences_link(one_off, subscriber):
    message = content.build_message(delivery_to(one_off, subscriber))
    unsubscribe = links.unsubscribe_url(subscriber)

    assert unsubscribe.startswith("http") and subscriber.token in unsubscribe
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    for part in (message.body, html_of(message)):
        assert unsubscribe in part and links.preferences_url(subscriber) in part


def test_the_footer_says_why_an_organisation_receives_it(one_off):
    organization = directory.organization("Fundacja Beta", slug="fundacja-beta", legal_form="fundacja")
    recipient = Recipient.objects.create(kind=Recipient.Kind.ORGANIZATION, organization=organization,
                                         email="beta@example.org", confirmed_at=timezone.now())

    message = content.build_message(delivery_to(one_off, recipient))

    assert "adres kontaktowy organizacji" in message.body


def test_the_html_part_is_in_the_recipients_language(one_off):
    recipient = Recipient.objects.create(email="john@example.org", confirmed_at=timezone.now(), language="en")

    assert '<html lang="en">' in html_of(content.build_message(delivery_to(one_off, recipient)))


def test_an_english_recipients_message_names_the_city_in_english_too(one_off):
    recipient = Recipient.objects.create(email="john@example.org", confirmed_at=timezone.now(), language="en")

    message = content.build_message(delivery_to(one_off, recipient))

    for part in (message.body, html_of(message)):
        assert "NGO Cooperation Centre" in part and "Białystok City Hall" in part
        assert "Centrum Współpracy" not in part and "Urząd Miejski" not in part


def test_a_mailing_is_rendered_once_however_many_recipients(one_off, monkeypatch):
    calls = []
    render = content.render_to_string
    # An empty cache: an earlier test's rolled-back mailing can come back with the same id and, on the test
    # clock, the same times and text, and its frames would be reused.
    monkeypatch.setattr(content, "_frames", {})
    monkeypatch.setattr(content, "render_to_string", lambda *a, **k: calls.append(a[0]) or render(*a, **k))
    recipients = [Recipient.objects.create(email=f"r{n}@example.org", confirmed_at=timezone.now()) for n in range(5)]

    messages = [content.build_message(delivery_to(one_off, recipient)) for recipient in recipients]

    assert len(calls) == 3  # subject, text and HTML frames, once
    assert len({message.extra_headers["List-Unsubscribe"] for message in messages}) == 5


def test_an_edited_mailing_is_rendered_anew(one_off, subscriber):
    row = delivery_to(one_off, subscriber)
    content.build_message(row)
    one_off.body = "Nowa treść."
    one_off.save()

    assert "Nowa treść." in content.build_message(row).body


def test_the_bytes_sent_by_the_worker_match_the_built_message(one_off, subscriber):
    row = delivery_to(one_off, subscriber)

    sender, recipient, data = content.message_bytes(row)
    fast, slow = parsed(data), parsed(content.build_message(row).message().as_bytes(linesep="\r\n"))

    assert content.bytes_template(row) is not None  # the fast way was taken
    assert recipient == "ola@example.org" and "@" in sender
    for header in ("Subject", "From", "To", "List-Unsubscribe", "List-Unsubscribe-Post"):
        assert fast[header] == slow[header], header
    assert fast["Message-ID"] and fast["Date"]
    assert message_text(fast) == message_text(slow)
    assert fast.get_body(("html",)).get_content() == slow.get_body(("html",)).get_content()


def test_two_recipients_get_their_own_links_and_message_ids(one_off, subscriber):
    other = Recipient.objects.create(email="jan@example.org", confirmed_at=timezone.now())

    first = parsed(content.message_bytes(delivery_to(one_off, subscriber))[2])
    second = parsed(content.message_bytes(delivery_to(one_off, other))[2])

    assert subscriber.token in first["List-Unsubscribe"] and other.token in second["List-Unsubscribe"]
    assert second["To"] == "jan@example.org" and subscriber.token not in message_text(second)
    assert first["Message-ID"] != second["Message-ID"]


def test_digests_and_alerts_bring_their_own_part_and_get_the_footer(subscriber, monkeypatch):
    own_part = ("Wydarzenia na 14 dni", "Lista", "<p>Lista</p>")
    monkeypatch.setattr(digest_rendering, "render_digest", lambda mailing, row: own_part)
    mailing = Mailing.objects.create(kind=Mailing.Kind.DIGEST, subject="", period_start=timezone.localdate())
    row = delivery_to(mailing, subscriber)

    message = content.build_message(row)
    data = content.message_bytes(row)[2]

    assert message.subject == "Wydarzenia na 14 dni" and message.body.startswith("Lista")
    assert "<p>Lista</p>" in html_of(message) and links.unsubscribe_url(subscriber) in message.body
    assert parsed(data)["Subject"] == "Wydarzenia na 14 dni"


@pytest.mark.django_db
def test_the_message_that_arrives_has_the_headers_and_links(use_smtp, one_off, subscriber):
    delivery.enqueue(one_off, Recipient.objects.all())
    delivery.start(one_off)

    (received,) = use_smtp.wait_for(1)
    assert received["Subject"] == "Szkolenie z dotacji & rozliczeń"
    # A long header is folded onto the next line; unfolded, it is the same value.
    assert received["List-Unsubscribe"].strip() == f"<{links.unsubscribe_url(subscriber)}>"
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert links.preferences_url(subscriber) in message_text(received)
    assert "<strong>szkolenie</strong>" in received.get_body(("html",)).get_content()


def test_relative_links_and_images_in_the_plain_text_part_are_absolute(subscriber, settings):
    mailing = Mailing.objects.create(subject="Linki", body=(
        "Zobacz [kalendarz](/wydarzenia/) i ![plakat](/media/plakat.png \"Plakat\").\n\n"
        "Więcej: [konkursy][k], [strona miasta](https://www.bialystok.pl/), [bez hosta](//example.org/x).\n\n"
        "[k]: /konkursy/\n"
    ))
    delivered = delivery_to(mailing, subscriber)

    text = content.build_message(delivered).body
    site = settings.SITE_URL
    assert f"[kalendarz]({site}/wydarzenia/)" in text
    assert f"![plakat]({site}/media/plakat.png \"Plakat\")" in text
    assert f"[k]: {site}/konkursy/" in text
    assert "[strona miasta](https://www.bialystok.pl/)" in text and "[bez hosta](//example.org/x)" in text
    assert not re.search(r"\]\(/(?!/)|\]: /", text)
    # The bytes the worker sends say the same.
    assert f"[kalendarz]({site}/wydarzenia/)" in message_text(parsed(content.message_bytes(delivered)[2]))
