"""The whole way of a message, with a real SMTP server: form, confirmation e-mail, button, staff alert."""

import time

import pytest
from django.urls import reverse

from partnerstwo.feedback.models import FeedbackMessage
from partnerstwo.feedback.notifications import staff_recipients
from partnerstwo.feedback.tests.conftest import MESSAGE
from partnerstwo.lib.testing import first_link, message_text

pytestmark = pytest.mark.django_db


def submit(client, data, capture):
    with capture(execute=True):
        return client.post(reverse("feedback:create"), data)


def test_a_confirmed_message_reaches_staff_by_real_email(
    client, use_smtp, administrator, form_data, django_capture_on_commit_callbacks
):
    form = client.get(reverse("feedback:create"), {"strona": "/misja-i-cele/"})
    assert 'value="/misja-i-cele/"' in form.content.decode()

    response = submit(client, form_data(), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:sent")
    assert "Sprawdź skrzynkę" in client.get(response["Location"]).content.decode()
    message = FeedbackMessage.objects.get()
    assert message.status == FeedbackMessage.Status.UNCONFIRMED
    assert message.page == "/misja-i-cele/"

    [mail] = use_smtp.wait_for(1)
    assert mail["X-Envelope-To"] == "jan.nowak@example.org"
    assert "Potwierdź" in mail["Subject"]
    link = first_link(message_text(mail), "/uwagi/potwierdz/")

    # Opening the link (as a mail scanner would) shows a button and confirms nothing.
    path = link.removeprefix("http://127.0.0.1:8000")
    page = client.get(path)
    assert page.status_code == 200
    assert "Potwierdzam" in page.content.decode()
    message.refresh_from_db()
    assert message.status == FeedbackMessage.Status.UNCONFIRMED
    assert len(use_smtp.messages) == 1

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(path)

    assert confirmed.status_code == 302
    assert "Dziękujemy" in client.get(confirmed["Location"]).content.decode()
    message.refresh_from_db()
    assert message.status == FeedbackMessage.Status.NEW
    assert message.confirmed_at is not None

    alert = use_smtp.wait_for(2)[1]
    assert alert["X-Envelope-To"] == administrator.email
    assert alert["Reply-To"] == "jan.nowak@example.org"
    body = message_text(alert)
    assert MESSAGE in body
    assert "/misja-i-cele/" in body
    assert reverse("panel:feedback_panel:detail", args=[message.pk]) in body


def test_the_confirmation_email_does_not_repeat_the_typed_text(
    client, use_smtp, form_data, django_capture_on_commit_callbacks
):
    # Otherwise the form would send anyone's text to anyone's address.
    submit(client, form_data(message="Kup tanie zegarki na example.com"), django_capture_on_commit_callbacks)

    [mail] = use_smtp.wait_for(1)
    assert "zegarki" not in message_text(mail)
    assert "zegarki" not in mail.get_body(preferencelist=("html",)).get_content()


def test_the_confirmation_email_is_in_the_language_of_the_form(
    client, use_smtp, form_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en" + reverse("feedback:create"), form_data())

    [mail] = use_smtp.wait_for(1)
    assert "/en/uwagi/potwierdz/" in message_text(mail)


def test_pressing_the_button_twice_notifies_staff_once(
    client, use_smtp, administrator, form_data, django_capture_on_commit_callbacks
):
    submit(client, form_data(), django_capture_on_commit_callbacks)
    path = reverse("feedback:confirm", args=[FeedbackMessage.objects.get().confirmation_token()])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(path)
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(path)

    assert again.status_code == 200
    assert "już potwierdzona" in again.content.decode()
    assert len(use_smtp.wait_for(2)) == 2  # the confirmation request and one staff alert
    assert len(use_smtp.wait_for(3, timeout=0.3)) == 2


def test_a_forged_link_confirms_nothing(client, form_data, django_capture_on_commit_callbacks):
    submit(client, form_data(), django_capture_on_commit_callbacks)
    message = FeedbackMessage.objects.get()
    token = message.confirmation_token()
    forged = token[:-2] + ("aa" if not token.endswith("aa") else "bb")

    for bad in (forged, "1", "x" * 300):
        response = client.post(reverse("feedback:confirm", args=[bad]))
        assert response.status_code == 404
        assert "Link jest nieważny" in response.content.decode()
    message.refresh_from_db()
    assert message.status == FeedbackMessage.Status.UNCONFIRMED


def test_a_link_older_than_seven_days_confirms_nothing(client, form_data, monkeypatch, settings):
    client.post(reverse("feedback:create"), form_data())
    message = FeedbackMessage.objects.get()
    real_time = time.time()
    with monkeypatch.context() as patched:
        patched.setattr(time, "time", lambda: real_time - (settings.FEEDBACK_CONFIRMATION_DAYS * 86400 + 60))
        token = message.confirmation_token()

    response = client.post(reverse("feedback:confirm", args=[token]))

    assert response.status_code == 404
    message.refresh_from_db()
    assert message.status == FeedbackMessage.Status.UNCONFIRMED


def test_staff_alerts_go_to_the_configured_addresses_when_set(settings, administrator):
    assert staff_recipients() == [administrator.email]
    settings.FEEDBACK_NOTIFY_EMAILS = ["uwagi@um.example.org"]
    assert staff_recipients() == ["uwagi@um.example.org"]


def test_staff_alerts_fall_back_to_the_centre_when_nobody_runs_the_site(settings, official_x):
    # An official without admin access is not on the list; nobody else is, so the Centre is.
    assert staff_recipients() == [settings.CITY["centre"]["email"]]
