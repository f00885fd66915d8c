"""A signed-in person downloads everything the site holds about them as one JSON file (RODO art. 15 and 20)."""

import json

import pytest
from django.urls import reverse

from partnerstwo.accounts import data_rights
from partnerstwo.accounts.tests.personal_data_helpers import STRANGER, everything_of

pytestmark = pytest.mark.django_db


def download(client, user):
    client.force_login(user)
    return client.post(reverse("accounts:export"))


def test_the_export_is_a_json_attachment(client, resident):
    response = download(client, resident)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="partnerstwo-moje-dane-')
    assert response["Content-Disposition"].endswith('.json"')
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_it_holds_the_account_representations_subscriptions_consents_feedback_and_comments(client, resident):
    everything_of(resident)

    data = json.loads(download(client, resident).content)["data"]

    assert data["accounts"]["account"]["email"] == resident.email
    assert data["accounts"]["account"]["full_name"] == "Anna Mieszkańska"
    assert [r["organization"] for r in data["organizations"]["representations"]] == ["Fundacja Eksportowa"]
    [subscription] = data["newsletter"]["subscriptions"]
    assert subscription["email"] == resident.email and subscription["topics"] == ["grants"]
    [consent] = data["newsletter"]["consents"]
    assert consent["text"] == "Wyrażam zgodę." and consent["ip_address"] == "192.0.2.7"
    [message] = data["feedback"]["messages"]
    assert message["message"] == "Na stronie kontaktu brakuje godzin otwarcia."
    comments = data["small_grants"]["comments"]
    assert {c["text"] for c in comments} == {"Proszę o zajęcia w soboty.", "Druga uwaga."}


def test_it_holds_nothing_of_anyone_else(client, resident):
    everything_of(resident)

    body = download(client, resident).content.decode()

    assert STRANGER not in body
    assert "Uwaga kogoś innego." not in body and "Uwaga obcego." not in body


def test_it_holds_no_secrets(client, resident):
    body = download(client, resident).content.decode()

    assert resident.password not in body
    assert "password" not in body


def test_every_app_with_a_personal_data_module_is_in_the_export(resident):
    labels = {label for label, _module in data_rights.modules()}

    assert {"accounts", "organizations", "newsletter", "grants", "small_grants", "feedback"} <= labels
    assert labels <= set(data_rights.export_everything(resident)["data"])


def test_the_account_page_offers_the_download(client, resident):
    client.force_login(resident)

    html = client.get(reverse("accounts:profile")).content.decode()

    assert f'action="{reverse("accounts:export")}"' in html
    assert "Pobierz moje dane (JSON)" in html


def test_a_plain_link_cannot_start_the_download(client, resident):
    client.force_login(resident)

    assert client.get(reverse("accounts:export")).status_code == 405


def test_a_stranger_is_sent_to_sign_in(client, db):
    response = client.post(reverse("accounts:export"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
