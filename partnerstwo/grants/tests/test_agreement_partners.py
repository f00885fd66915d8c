"""The partners of a joint offer are parties to its agreement (art. 14 ust. 2): their representatives read the
agreement, its PDF and the reports on it, beside the lead offerer's; only the lead offerer's representatives fill
in the organisation's parts, send it for signature and write and hand in the reports. Role by role."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from conftest import make_user
from partnerstwo.grants.offers.models import OfferPartner
from partnerstwo.grants.tests import agreement_factories as factories
from partnerstwo.organizations.tests import factories as organization_factories


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def received(department_x, organization_a, representative_a, organization_b, representative_b):
    """A joint offer of Fundacja Alfa (the lead offerer) with Stowarzyszenie Beta, which confirmed it."""
    received = factories.granted(department_x, organization_a, representative_a)
    OfferPartner.objects.create(offer=received.online, organization=organization_b, confirmed_by=representative_b,
                                confirmed_at=timezone.now())
    return received


@pytest.fixture
def stranger(db):
    """The representative of an organisation that has nothing to do with the offer."""
    user = make_user("cezary@fundacja-gamma.example.org", "representative", full_name="Cezary Gamma")
    organization_factories.represent(user, organization_factories.organization("Fundacja Gamma"))
    return user


def roles(representative_a, representative_b, stranger, official_x, official_y, resident):
    """(user, reads on the representatives' pages, reads on the panel, writes) for every role."""
    return [
        (representative_a, 200, 403, True), (representative_b, 200, 403, False), (stranger, 404, 403, False),
        (official_x, 404, 200, False), (official_y, 404, 404, False), (resident, 404, 403, False),
    ]


def test_every_party_reads_the_agreement_and_its_pdf_and_only_the_lead_offerer_writes_it(
        client, official_x, received, representative_a, representative_b, stranger, official_y, resident):
    agreement = factories.drafted(official_x, received)
    mine = reverse("my_grants:agreement", args=[agreement.pk])
    panel = reverse("panel:grants_panel:agreement", args=[agreement.pk])
    pdf = reverse("my_grants:agreement_pdf", args=[agreement.pk])
    account = reverse("my_grants:agreement_section", args=[agreement.pk, "rachunek"])
    send = reverse("my_grants:agreement_send", args=[agreement.pk])
    for user, mine_status, panel_status, writes in roles(
            representative_a, representative_b, stranger, official_x, official_y, resident):
        client.force_login(user)
        page = client.get(mine)
        assert page.status_code == mine_status, user
        assert client.get(panel).status_code == panel_status, user
        response = client.get(pdf)
        assert response.status_code == mine_status, user
        if mine_status == 200:
            assert response["Content-Type"] == "application/pdf"
            assert b"".join(response.streaming_content if response.streaming else [response.content]
                            ).startswith(b"%PDF")
            html = page.content.decode()
            assert (account in html) is writes, user
            assert (send in html) is writes, user
            assert ("jako partner oferty wspólnej" in html) is not writes, user
        assert client.get(account).status_code == (200 if writes else 404), user
        assert client.post(send, {"version": agreement.version}).status_code == (302 if writes else 404), user
    agreement.refresh_from_db()
    assert agreement.status == "preparing"  # the lead offerer's try was refused: its part is not filled in
    client.logout()
    for url in (mine, pdf, account):
        assert client.get(url)["Location"].startswith(reverse(settings.LOGIN_URL)), url


def test_a_partner_writes_nothing_through_the_pages(client, official_x, received, representative_b):
    agreement = factories.drafted(official_x, received)
    client.force_login(representative_b)
    response = client.post(reverse("my_grants:agreement_section", args=[agreement.pk, "rachunek"]), {
        "version": agreement.version, "organization_representatives": "Beata Beta", "bank_account": factories.IBAN,
        "bank_name": ""})
    assert response.status_code == 404
    agreement.refresh_from_db()
    assert (agreement.bank_account, agreement.organization_representatives, agreement.version) == ("", "", 1)


def test_an_unconfirmed_partner_is_no_party(client, official_x, received, representative_b):
    agreement = factories.drafted(official_x, received)
    OfferPartner.objects.update(confirmed_by=None, confirmed_at=None)
    client.force_login(representative_b)
    assert client.get(reverse("my_grants:agreement", args=[agreement.pk])).status_code == 404
    assert client.get(reverse("my_grants:agreement_pdf", args=[agreement.pk])).status_code == 404


def test_the_partner_sees_the_agreement_among_its_offers(client, official_x, received, representative_b):
    agreement = factories.drafted(official_x, received)
    client.force_login(representative_b)
    assert reverse("my_grants:agreement", args=[agreement.pk]) in client.get(
        reverse("my_grants:index")).content.decode()


def test_every_party_reads_the_reports_and_only_the_lead_offerer_writes_them(
        client, official_x, received, representative_a, representative_b, stranger, official_y, resident):
    agreement = factories.signed(official_x, representative_a, received)
    report = agreement.reports.get()
    mine = reverse("my_grants:report", args=[report.pk])
    panel = reverse("panel:grants_panel:report", args=[report.pk])
    merit = reverse("my_grants:report_section", args=[report.pk, "merytoryczne"])
    submit = reverse("my_grants:report_submit", args=[report.pk])
    for user, mine_status, panel_status, writes in roles(
            representative_a, representative_b, stranger, official_x, official_y, resident):
        client.force_login(user)
        page = client.get(mine)
        assert page.status_code == mine_status, user
        assert client.get(panel).status_code == panel_status, user
        if mine_status == 200:
            html = page.content.decode()
            assert (merit in html) is writes, user
            assert (submit in html) is writes, user
            assert report.agreement.title in html
            # The partner reaches the reports from the agreement's page.
            assert mine in client.get(reverse("my_grants:agreement", args=[agreement.pk])).content.decode()
        assert client.get(merit).status_code == (200 if writes else 404), user
        assert client.post(merit, {"version": report.version, "results_description": "Zmiana"}).status_code in (
            (200, 302) if writes else (404,)), user
        assert client.post(submit, {"version": report.version}).status_code == (302 if writes else 404), user
    report.refresh_from_db()
    assert report.status == "draft" and report.results_description != "Zmiana"
    client.logout()
    for url in (mine, merit):
        assert client.get(url)["Location"].startswith(reverse(settings.LOGIN_URL)), url
