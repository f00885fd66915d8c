"""Nominating someone to a committee never tells the nominator whether the address has an account (or anything about
that account): every address gets the same answer, the nominated address is told by e-mail, and the official sees
the account, or its absence, when deciding."""

import re

import pytest
from django.contrib.messages import get_messages
from django.db import transaction
from django.urls import reverse

from conftest import make_user
from partnerstwo.grants.committees import appointment
from partnerstwo.grants.committees.models import CommitteeMember, Nomination
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.tests import factories
from partnerstwo.lib.testing import first_link, message_text
from partnerstwo.organizations.tests import factories as directory

UNKNOWN = "nikt.jeszcze@example.org"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def competition(department_x):
    return factories.competition(department=department_x, status=Competition.Status.CLOSED)


def answer(client, url, email, **extra):
    """What the nominator sees: status, where they are sent, the messages and the page they land on. Rolled back,
    so that each address is tried from the same state (the Team's page lists its nominations)."""
    with transaction.atomic():
        seen = _answer(client, url, email, **extra)
        transaction.set_rollback(True)
    return seen


def _answer(client, url, email, **extra):
    response = client.post(url, {"candidate": email, "justification": "Zna środowisko.", **extra})
    landing = client.get(response["Location"]) if response.status_code == 302 else response
    page = landing.content.decode()
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
    page = re.sub(re.escape(email), "ADDRESS", page, flags=re.IGNORECASE)
    return response.status_code, response.get("Location"), [str(m) for m in get_messages(landing.wsgi_request)], page


@pytest.fixture
def known_addresses(competition, resident, official_y, representative_a, team_member):
    """Addresses whose accounts the old form betrayed, each in its own way."""
    factories.member(competition, official_y)  # already on the committee
    offering = directory.organization("Fundacja Oferująca")
    directory.represent(representative_a, offering)
    factories.offer(competition, offering)  # represents an organisation that offered
    # Already nominated, by someone else.
    appointment.nominate(competition, candidate=resident, by=None)
    return {
        "an account": make_user("konto@example.org", "resident").email,
        "a committee member": official_y.email,
        "a representative of an offering organisation": representative_a.email,
        "a person already nominated": resident.email,
        "an account written in capitals": "KONTO@EXAMPLE.ORG",
    }


@pytest.mark.parametrize("case", [
    "an account", "a committee member", "a representative of an offering organisation", "a person already nominated",
    "an account written in capitals",
])
def test_the_team_gets_the_same_answer_for_an_unknown_address_and_for(client, team_member, competition,
                                                                      known_addresses, case):
    client.force_login(team_member)
    url = reverse("panel:grants_panel:committee_nominate", args=[competition.slug])
    for_unknown = answer(client, url, UNKNOWN)
    for_known = answer(client, url, known_addresses[case])
    assert for_known == for_unknown
    assert for_unknown[0] == 302


def test_a_representative_gets_the_same_answer_for_an_unknown_and_a_known_address(
    client, representative_b, organization_b, competition, resident
):
    client.force_login(representative_b)
    url = reverse("grants:committee_nominate", args=[competition.slug])
    assert answer(client, url, UNKNOWN, organization=organization_b.pk) == answer(
        client, url, resident.email, organization=organization_b.pk
    )


def test_a_form_error_reads_the_same_for_both_addresses(client, team_member, competition, resident):
    client.force_login(team_member)
    url = reverse("panel:grants_panel:committee_nominate", args=[competition.slug])
    unknown = answer(client, url, UNKNOWN, justification="")
    known = answer(client, url, resident.email, justification="")
    assert unknown == known and unknown[0] == 200


def test_the_nominated_address_is_told_by_e_mail_with_or_without_an_account(
    client, team_member, competition, resident, use_smtp, django_capture_on_commit_callbacks
):
    client.force_login(team_member)
    url = reverse("panel:grants_panel:committee_nominate", args=[competition.slug])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"candidate": UNKNOWN, "justification": "Tekst nominującego."})
        client.post(url, {"candidate": resident.email, "justification": "Tekst nominującego."})
    messages = {message["To"]: message_text(message) for message in use_smtp.wait_for(2)}
    assert set(messages) == {UNKNOWN, resident.email}
    assert first_link(messages[UNKNOWN], reverse("account_signup"))
    assert first_link(messages[resident.email], reverse("account_login"))
    for text in messages.values():
        assert competition.title in text
        assert "Tekst nominującego." not in text  # the nominator cannot mail arbitrary words


def test_the_official_sees_an_address_without_an_account_and_appoints_it_once_the_account_exists(
    client, team_member, official_x, competition
):
    nomination = appointment.nominate(competition, email=UNKNOWN, by=team_member, justification="Ekspertka.")
    assert nomination.candidate is None
    client.force_login(official_x)
    detail = reverse("panel:grants_panel:committee_detail", args=[competition.slug])
    assert "bez konta w serwisie" in client.get(detail).content.decode()

    decide = reverse("panel:grants_panel:committee_nomination", args=[competition.slug, nomination.pk])
    response = client.post(decide, {"decision": "appoint", "role": "expert"}, follow=True)
    assert "nie ma jeszcze konta w serwisie" in response.content.decode()
    assert not CommitteeMember.objects.exists()

    person = make_user(UNKNOWN, "resident", full_name="Nina Nowa")
    client.post(decide, {"decision": "appoint", "role": "city"})
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.APPOINTED and nomination.candidate == person
    assert competition.committee.get().user == person


def test_the_teams_list_of_its_nominations_names_only_the_typed_address(client, team_member, competition, resident):
    appointment.nominate(competition, email=resident.email, by=team_member)
    client.force_login(team_member)
    page = client.get(reverse("panel:grants_panel:committee_index")).content.decode()
    assert resident.email in page
    assert resident.full_name not in page


def test_nominations_are_rate_limited_per_nominator_with_the_same_words_for_every_address(
    client, team_member, competition, monkeypatch
):
    monkeypatch.setattr(appointment, "NOMINATION_RATE", "1/h")
    client.force_login(team_member)
    url = reverse("panel:grants_panel:committee_nominate", args=[competition.slug])
    client.post(url, {"candidate": "pierwsza@example.org", "justification": "Tak."})
    refused = client.post(url, {"candidate": "druga@example.org", "justification": "Tak."})
    assert "zbyt wiele zgłoszeń" in refused.content.decode()
    assert list(Nomination.objects.values_list("email", flat=True)) == ["pierwsza@example.org"]
