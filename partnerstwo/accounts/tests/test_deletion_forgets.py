"""Deleting an account removes or anonymises the person's data in every app; proof of consent stays, minimised."""

import pytest
from django.urls import reverse

from conftest import PASSWORD
from partnerstwo.accounts import deletion
from partnerstwo.accounts.tests.personal_data_helpers import STRANGER, everything_of
from partnerstwo.feedback.models import FeedbackMessage
from partnerstwo.newsletter.models import ConsentRecord, Delivery, Mailing, Recipient
from partnerstwo.organizations.models import Organization, Representation
from partnerstwo.small_grants.models import SmallGrantComment

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(resident):
    return everything_of(resident)


def test_subscriptions_go_and_consents_stay_withdrawn_without_ip_or_browser(resident, data):
    deletion.delete_account(user=resident)

    assert not Recipient.objects.filter(email=resident.email).exists()
    consent = ConsentRecord.objects.get(pk=data["consent"].pk)
    assert consent.recipient is None
    assert consent.email == resident.email and consent.text == "Wyrażam zgodę."
    assert consent.withdrawn_at is not None
    assert consent.ip_address is None and consent.user_agent == ""
    assert Recipient.objects.filter(email=STRANGER).exists()
    assert ConsentRecord.objects.get(email=STRANGER).ip_address == "192.0.2.7"


def test_the_sending_log_keeps_its_rows_but_not_the_address(resident, data):
    mailing = Mailing.objects.create(subject="Wiadomość")
    sent = Delivery.objects.create(mailing=mailing, recipient=data["recipient"], email=resident.email,
                                   status=Delivery.Status.SENT)

    deletion.delete_account(user=resident)

    sent.refresh_from_db()
    assert resident.email not in sent.email


def test_feedback_from_the_persons_address_is_deleted(resident, data):
    deletion.delete_account(user=resident)

    assert not FeedbackMessage.objects.filter(email=resident.email).exists()
    assert FeedbackMessage.objects.filter(email=STRANGER).exists()


def test_comments_lose_name_and_address_and_unconfirmed_ones_go(resident, data):
    deletion.delete_account(user=resident)

    assert not SmallGrantComment.objects.filter(pk=data["unconfirmed_comment"].pk).exists()
    kept = SmallGrantComment.objects.get(pk=data["confirmed_comment"].pk)
    assert kept.text == "Proszę o zajęcia w soboty."
    assert kept.author_name != "Anna Mieszkańska" and resident.email not in kept.email
    assert SmallGrantComment.objects.get(email=STRANGER).author_name == "Obcy"


def test_representations_go_and_the_organisation_stays(resident, data):
    deletion.delete_account(user=resident)

    assert not Representation.objects.exists()
    assert Organization.objects.filter(pk=data["organization"].pk).exists()


def test_an_organisations_consent_loses_who_gave_it_as_an_account(client, representative_a):
    from partnerstwo.newsletter.tests.test_organization_recipients import confirmed_organization
    from partnerstwo.organizations.tests.factories import represent

    org = confirmed_organization("Fundacja Zgody")
    represent(representative_a, org)
    client.force_login(representative_a)
    client.post(reverse("newsletter:organization", args=[org.slug]),
                {"receive": "on", "topics": ["grants"], "language": "pl"})

    deletion.delete_account(user=representative_a)

    consent = ConsentRecord.objects.get()
    assert consent.given_by is None and consent.ip_address is None
    assert consent.withdrawn_at is None  # the organisation's consent stands; another representative may withdraw it
    assert Recipient.objects.active().get().organization == org


def test_a_failure_in_one_app_keeps_everything(resident, data, monkeypatch):
    from partnerstwo.feedback import personal_data

    def broken(user):
        raise RuntimeError("awaria")

    monkeypatch.setattr(personal_data, "forget", broken)

    with pytest.raises(RuntimeError):
        deletion.delete_account(user=resident)

    assert Recipient.objects.filter(email=resident.email).exists()
    assert SmallGrantComment.objects.filter(pk=data["unconfirmed_comment"].pk).exists()


def test_a_committee_members_seat_and_declaration_stay_with_the_name_only(client, official_x):
    from partnerstwo.grants.committees import appointment
    from partnerstwo.grants.committees.models import CommitteeMember, Nomination
    from partnerstwo.grants.tests import factories

    competition = factories.competition()
    seat = factories.member(competition, official_x, declared=True)
    Nomination.objects.create(competition=competition, email=official_x.email, candidate=None)
    client.force_login(official_x)

    page = client.get(reverse("accounts:delete")).content.decode()
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})

    assert "komisji konkursowej" in page and "tylko Twoje imię i nazwisko" in page
    assert response.status_code == 302
    assert not type(official_x).objects.filter(pk=official_x.pk).exists()
    seat = CommitteeMember.objects.select_related("declaration").get(pk=seat.pk)
    assert (seat.user_id, seat.name, str(seat)) == (None, "Ksawery Urzędnik", "Ksawery Urzędnik")
    assert seat.declaration.signed_at is not None
    assert not Nomination.objects.filter(competition=competition).exists()
    assert appointment.seat_of(official_x, competition) is None


def test_the_deletion_page_says_what_goes_what_stays_and_why(client, resident):
    client.force_login(resident)

    html = client.get(reverse("accounts:delete")).content.decode()

    assert "zapisy na wydarzenia" in html
    assert "zapis zgody" in html
    assert "dowód" in html
