"""Public comments on a small-grant offer: captcha, e-mail confirmation, the period, expiry, rate limit."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from partnerstwo.lib.testing import first_link, message_text, solved_captcha
from partnerstwo.small_grants import procedure
from partnerstwo.small_grants.models import SmallGrantComment, SmallGrantOffer
from partnerstwo.small_grants.tests import factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cheap_work(settings):
    settings.ALTCHA_COST = 20
    settings.SMALL_GRANT_COMMENT_RATE = "100/h"


def comment_data(client, **overrides):
    data = {
        "author_name": "Maria Sąsiadka",
        "email": "maria.sasiadka@example.org",
        "text": "Warto dodać zajęcia dla seniorów z osiedla.",
        "altcha": solved_captcha(client),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_a_confirmed_comment_reaches_the_official(client, use_smtp, official_x, django_capture_on_commit_callbacks):
    offer = make.offer(published_days_ago=2, department=official_x.department)
    page = client.get(offer.get_absolute_url())
    assert page.status_code == 200
    assert "data-captcha" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(offer.get_absolute_url(), comment_data(client))

    assert response.status_code == 302
    assert response["Location"] == reverse("small_grants:sent")
    comment = SmallGrantComment.objects.get()
    assert comment.confirmed_at is None
    [mail] = use_smtp.wait_for(1)
    assert mail["X-Envelope-To"] == "maria.sasiadka@example.org"
    body = message_text(mail)
    assert offer.title in body
    assert "seniorów" not in body  # the typed text never travels in the e-mail
    link = first_link(body, "/konkursy/male-granty/potwierdz/")
    path = link.removeprefix("http://127.0.0.1:8000")

    # The official does not see it yet.
    client.force_login(official_x)
    panel = client.get(reverse("panel:small_grants_panel:detail", args=[offer.pk])).content.decode()
    assert "Maria Sąsiadka" not in panel
    client.logout()

    # Opening the link (as a mail scanner would) confirms nothing.
    assert "Potwierdzam" in client.get(path).content.decode()
    comment.refresh_from_db()
    assert comment.confirmed_at is None

    confirmed = client.post(path)
    assert confirmed.status_code == 302
    assert "Dziękujemy" in client.get(confirmed["Location"]).content.decode()
    comment.refresh_from_db()
    assert comment.confirmed_at is not None

    client.force_login(official_x)
    panel = client.get(reverse("panel:small_grants_panel:detail", args=[offer.pk])).content.decode()
    assert "Maria Sąsiadka" in panel and "seniorów" in panel

    # A second click says it is already there.
    client.logout()
    assert "już potwierdzona" in client.post(path).content.decode()


def test_a_comment_without_a_solved_captcha_is_refused_and_the_text_kept(client):
    offer = make.offer(published_days_ago=1)
    response = client.post(offer.get_absolute_url(), comment_data(client, altcha=None))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nie jestem robotem" in body
    assert "Warto dodać zajęcia dla seniorów z osiedla." in body
    assert not SmallGrantComment.objects.exists()


def test_a_captcha_solution_works_once(client):
    offer = make.offer(published_days_ago=1)
    data = comment_data(client)
    assert client.post(offer.get_absolute_url(), data).status_code == 302
    again = client.post(offer.get_absolute_url(), data)
    assert again.status_code == 200
    assert SmallGrantComment.objects.count() == 1


def test_a_comment_on_the_7th_day_is_taken(client):
    offer = make.offer(published_days_ago=7)
    assert client.post(offer.get_absolute_url(), comment_data(client)).status_code == 302
    assert SmallGrantComment.objects.filter(offer=offer).count() == 1


def test_on_the_8th_day_the_form_is_closed_with_a_clear_message(client):
    offer = make.offer(published_days_ago=8)
    page = client.get(offer.get_absolute_url()).content.decode()
    assert "<textarea" not in page
    assert "Termin na uwagi minął" in page
    refused = client.post(offer.get_absolute_url(), comment_data(client))
    assert refused.status_code == 409
    assert not SmallGrantComment.objects.exists()


def test_too_many_comments_from_one_address_are_refused_keeping_the_text(client, settings):
    settings.SMALL_GRANT_COMMENT_RATE = "1/h"
    offer = make.offer(published_days_ago=1)
    assert client.post(offer.get_absolute_url(), comment_data(client)).status_code == 302
    refused = client.post(offer.get_absolute_url(), comment_data(client, text="Druga uwaga tej samej osoby."))
    assert refused.status_code == 429
    assert "Druga uwaga tej samej osoby." in refused.content.decode()
    assert SmallGrantComment.objects.count() == 1


def test_a_forged_or_expired_link_confirms_nothing(client):
    offer = make.offer(published_days_ago=1)
    comment = make.comment(offer, confirmed=False)
    assert client.post(reverse("small_grants:confirm", args=["1:abc:def"])).status_code == 404
    token = procedure.confirmation_token(comment)
    SmallGrantComment.objects.filter(pk=comment.pk).delete()
    assert client.post(reverse("small_grants:confirm", args=[token])).status_code == 404


def test_a_comment_cannot_be_confirmed_once_the_offer_is_decided(client):
    offer = make.offer(published_days_ago=9)
    comment = make.comment(offer, confirmed=False)
    SmallGrantOffer.objects.filter(pk=offer.pk).update(status=SmallGrantOffer.Status.ACCEPTED)
    response = client.post(reverse("small_grants:confirm", args=[procedure.confirmation_token(comment)]))
    assert response.status_code == 410
    comment.refresh_from_db()
    assert comment.confirmed_at is None


def test_unconfirmed_comments_are_deleted_after_seven_days_and_confirmed_ones_kept():
    offer = make.offer(published_days_ago=8)
    stale = make.comment(offer, confirmed=False, days_ago=8)
    fresh = make.comment(offer, confirmed=False, days_ago=6)
    kept = make.comment(offer, confirmed=True, days_ago=8)
    call_command("expire_small_grant_comments")
    remaining = set(SmallGrantComment.objects.values_list("pk", flat=True))
    assert remaining == {fresh.pk, kept.pk}
    assert stale.pk not in remaining
    call_command("expire_small_grant_comments")  # running again does no harm
    assert SmallGrantComment.objects.count() == 2


def test_the_public_page_counts_only_confirmed_comments(client):
    offer = make.offer(published_days_ago=3)
    make.comment(offer, confirmed=True)
    make.comment(offer, confirmed=False, author_name="Niepotwierdzony Autor")
    body = client.get(offer.get_absolute_url()).content.decode()
    assert "Potwierdzone uwagi: 1" in body
    assert "Niepotwierdzony Autor" not in body
    assert "jan.sasiad@example.org" not in body


def test_the_confirmation_link_lapses_after_seven_days(client):
    offer = make.offer(published_days_ago=1)
    comment = make.comment(offer, confirmed=False)
    token = procedure.confirmation_token(comment)
    later = timezone.now() + timedelta(days=procedure.CONFIRMATION_DAYS, minutes=1)
    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        assert procedure.comment_from_token(token) is None
    assert procedure.comment_from_token(token) == comment
