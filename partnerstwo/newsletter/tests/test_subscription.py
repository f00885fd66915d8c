"""Signing up at /newsletter/: double opt-in, the consent record, the information clause and the limits."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.lib.testing import first_link, message_text
from partnerstwo.newsletter import subscriptions
from partnerstwo.newsletter.models import ConsentRecord, Recipient, Topic

pytestmark = pytest.mark.django_db
SITE = "http://127.0.0.1:8000"


def sign_up(client, capture, **overrides):
    data = {"email": "ewa.nowak@example.org", "topics": ["grants", "trainings"], "consent": "on"}
    data.update(overrides)
    with capture(execute=True):
        return client.post(reverse("newsletter:subscribe"), data, REMOTE_ADDR="203.0.113.7",
                           HTTP_USER_AGENT="Testowa przeglądarka")


@pytest.fixture
def signed_up(client, django_capture_on_commit_callbacks):
    def run(**overrides):
        return sign_up(client, django_capture_on_commit_callbacks, **overrides)
    return run


def test_the_form_shows_the_information_clause_and_nothing_is_ticked(client):
    page = client.get(reverse("newsletter:subscribe")).content.decode()
    assert "Prezydent Miasta Białegostoku" in page
    assert "iod@um.bialystok.pl" in page
    assert "art. 6 ust. 1 lit. a RODO" in page
    assert "Prezesa Urzędu Ochrony Danych Osobowych" in page
    assert "dobrowolne" in page
    assert "checked" not in page


def test_it_sends_only_the_confirmation_until_the_address_confirms(
    client, use_smtp, django_capture_on_commit_callbacks
):
    response = sign_up(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:subscribed")
    recipient = Recipient.objects.get()
    assert recipient.email == "ewa.nowak@example.org"
    assert recipient.topic_set() == {"grants", "trainings"}
    assert not recipient.is_active
    assert not Recipient.objects.active().exists()
    [message] = use_smtp.wait_for(1)
    assert message["X-Envelope-To"] == "ewa.nowak@example.org"
    assert "Potwierdź" in message["Subject"]
    assert message.get_body(preferencelist=("html",)) is not None
    link = first_link(message_text(message), "/newsletter/potwierdz/")

    # Opening the link (a mail scanner does) confirms nothing.
    page = client.get(link.removeprefix(SITE))
    assert page.status_code == 200
    assert "Potwierdzam" in page.content.decode()
    recipient.refresh_from_db()
    assert recipient.confirmed_at is None

    response = client.post(link.removeprefix(SITE))
    assert response.status_code == 302
    assert "Zapis potwierdzony" in client.get(response["Location"]).content.decode()
    recipient.refresh_from_db()
    assert recipient.is_active
    assert recipient.consents.get().confirmed_at is not None
    assert len(use_smtp.messages) == 1


def test_it_stores_the_consent_with_version_text_time_ip_and_browser(signed_up):
    signed_up()

    consent = ConsentRecord.objects.get()
    assert consent.email == "ewa.nowak@example.org"
    assert consent.text_version == subscriptions.CONSENT_TEXT_VERSION
    assert "Wyrażam zgodę" in consent.text
    assert "konkursy dotacyjne" in consent.text
    assert "Prezesa Urzędu Ochrony Danych Osobowych" in consent.text
    assert consent.ip_address == "203.0.113.7"
    assert consent.user_agent == "Testowa przeglądarka"
    assert timezone.now() - consent.given_at < timedelta(minutes=1)
    assert consent.confirmed_at is None


def test_the_consent_is_in_the_language_of_the_page(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/newsletter/", {"email": "john@example.org", "topics": ["grants"], "consent": "on"})
    assert Recipient.objects.get().language == "en"


def test_it_stores_spheres_and_districts_and_no_choice_means_all(signed_up):
    sphere = PublicTaskSphere.objects.first()
    district = District.objects.create(name="Bojary", slug="bojary")
    signed_up(spheres=[sphere.pk], districts=[district.pk])
    signed_up(email="druga@example.org")

    narrowed = Recipient.objects.get(email="ewa.nowak@example.org")
    assert list(narrowed.spheres.all()) == [sphere]
    assert list(narrowed.districts.all()) == [district]
    assert not Recipient.objects.get(email="druga@example.org").spheres.exists()


def test_it_requires_the_consent_a_topic_and_a_valid_address_and_keeps_what_was_typed(signed_up):
    response = signed_up(email="to nie adres", topics=[], consent="")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Formularz zawiera błędy" in page
    assert "Wpisz poprawny adres e-mail." in page
    assert "Wybierz co najmniej jeden temat." in page
    assert "Bez zgody nie możemy wysyłać wiadomości" in page
    assert 'value="to nie adres"' in page
    assert not Recipient.objects.exists()


def test_a_second_sign_up_of_a_subscribed_address_looks_the_same_and_mails_its_preferences_link(
    client, use_smtp, django_capture_on_commit_callbacks
):
    recipient = Recipient.objects.create(email="ewa.nowak@example.org", confirmed_at=timezone.now())
    recipient.topics.create(topic=Topic.GRANTS)

    response = sign_up(client, django_capture_on_commit_callbacks, topics=["news"])

    assert response["Location"] == reverse("newsletter:subscribed")
    [message] = use_smtp.wait_for(1)
    assert "już zapisany" in message["Subject"]
    assert first_link(message_text(message), "/newsletter/ustawienia/") == SITE + reverse(
        "newsletter:preferences", args=[recipient.token]
    )
    assert recipient.topic_set() == {"grants"}  # nothing changed by a stranger
    assert Recipient.objects.count() == 1
    assert not ConsentRecord.objects.exists()


def test_signing_up_again_before_confirming_keeps_one_recipient(signed_up):
    signed_up()
    signed_up(topics=["news"])

    recipient = Recipient.objects.get()
    assert recipient.topic_set() == {"news"}
    assert recipient.consents.count() == 2
    assert len(mail.outbox) == 2


def test_the_sign_up_is_rate_limited_per_ip_with_a_polish_message(signed_up, settings):
    settings.NEWSLETTER_SIGNUP_RATE = "2/h"
    signed_up(email="a@example.org")
    signed_up(email="b@example.org")

    response = signed_up(email="c@example.org")

    assert response.status_code == 429
    assert "zbyt wiele zapisów" in response.content.decode()
    assert 'value="c@example.org"' in response.content.decode()
    assert not Recipient.objects.filter(email="c@example.org").exists()


def test_unconfirmed_sign_ups_and_their_consents_are_deleted_after_seven_days(signed_up):
    signed_up(email="stary@example.org")
    signed_up(email="nowy@example.org")
    confirmed = Recipient.objects.create(email="stały@example.org", confirmed_at=timezone.now())
    eight_days_ago = timezone.now() - timedelta(days=8)
    Recipient.objects.filter(email__in=["stary@example.org", "stały@example.org"]).update(created_at=eight_days_ago)
    ConsentRecord.objects.filter(email="stary@example.org").update(given_at=eight_days_ago)

    call_command("expire_newsletter_signups")
    call_command("expire_newsletter_signups")  # idempotent

    assert set(Recipient.objects.values_list("email", flat=True)) == {"nowy@example.org", confirmed.email}
    assert set(ConsentRecord.objects.values_list("email", flat=True)) == {"nowy@example.org"}


def test_an_expired_confirmation_link_shows_a_polish_404(client, signed_up):
    signed_up()
    recipient = Recipient.objects.get()
    ConsentRecord.objects.update(given_at=timezone.now() - timedelta(days=8))

    response = client.get(reverse("newsletter:confirm", args=[recipient.token]))

    assert response.status_code == 404
    assert "Link jest nieważny" in response.content.decode()


def test_signing_up_while_logged_in_links_the_own_address_to_the_account(client, resident, signed_up):
    client.force_login(resident)
    assert f'value="{resident.email}"' in client.get(reverse("newsletter:subscribe")).content.decode()

    signed_up(email=resident.email.upper())
    signed_up(email="ktos.inny@example.org")

    assert Recipient.objects.get(email=resident.email).user == resident
    assert Recipient.objects.get(email="ktos.inny@example.org").user is None


def test_a_confirmation_link_of_an_active_subscription_says_so(client):
    recipient = Recipient.objects.create(email="ewa@example.org", confirmed_at=timezone.now())
    response = client.get(reverse("newsletter:confirm", args=[recipient.token]))
    assert "Zapis potwierdzony" in response.content.decode()


def test_unknown_tokens_get_a_polish_404(client):
    for name in ("confirm", "preferences", "unsubscribe"):
        response = client.get(reverse(f"newsletter:{name}", args=["nie-ma-takiego"]))
        assert response.status_code == 404
        assert "Link jest nieważny" in response.content.decode()


def test_an_address_that_left_signs_up_again_only_by_confirming_anew(client, use_smtp, signed_up):
    recipient = Recipient.objects.create(
        email="ewa.nowak@example.org", confirmed_at=timezone.now() - timedelta(days=90),
        unsubscribed_at=timezone.now() - timedelta(days=30),
    )
    ConsentRecord.objects.create(recipient=recipient, email=recipient.email, text_version="0", text="Dawna zgoda",
                                 confirmed_at=recipient.confirmed_at, withdrawn_at=recipient.unsubscribed_at)

    signed_up()

    recipient.refresh_from_db()
    assert not recipient.is_active
    [message] = use_smtp.wait_for(1)
    link = first_link(message_text(message), "/newsletter/potwierdz/").removeprefix(SITE)
    client.post(link)
    recipient.refresh_from_db()
    assert recipient.is_active
    new, old = recipient.consents.order_by("-given_at")
    assert new.confirmed_at is not None and new.withdrawn_at is None
    assert old.withdrawn_at is not None  # the history stays


def test_an_old_confirmation_link_does_not_bring_back_an_address_that_left(client):
    recipient = Recipient.objects.create(email="ewa@example.org", confirmed_at=timezone.now(),
                                         unsubscribed_at=timezone.now())

    response = client.post(reverse("newsletter:confirm", args=[recipient.token]))

    recipient.refresh_from_db()
    assert recipient.unsubscribed_at is not None
    assert "Wypisano" in response.content.decode()


def test_the_confirmation_to_an_english_subscriber_is_english_throughout(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/newsletter/", {"email": "john@example.org", "topics": ["grants"], "consent": "on"})

    [message] = mail.outbox
    html = next(body for body, mimetype in message.alternatives if mimetype == "text/html")
    for part in (message.subject, message.body, html):
        for polish in ("Dzień dobry", "zapisał", "Potwierdź", "Wybrane tematy", "Link działa", "konkursy",
                       "Centrum Współpracy"):
            assert polish not in part, (polish, part)
    assert "/en/newsletter/" in message.body and "NGO Cooperation Centre" in message.body
