"""The report as handed in is a tagged PDF, made at each submission and kept with its SHA-256 (partial and final),
which every party to the agreement and the department's officials read from the report's pages; nobody else."""

import datetime as dt
import hashlib

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from conftest import make_user
from partnerstwo.grants.offers.models import OfferPartner
from partnerstwo.grants.reports import document, reporting
from partnerstwo.grants.reports.models import Report
from partnerstwo.grants.tests import agreement_factories as factories
from partnerstwo.grants.tests.test_reports import fill
from partnerstwo.lib.testing import assert_tagged_pdf
from partnerstwo.organizations.tests import factories as organization_factories


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def agreement(department_x, organization_a, representative_a, official_x, organization_b, representative_b):
    """A joint offer's signed agreement: Fundacja Alfa leads, Stowarzyszenie Beta confirmed as its partner."""
    received = factories.granted(department_x, organization_a, representative_a)
    OfferPartner.objects.create(offer=received.online, organization=organization_b, confirmed_by=representative_b,
                                confirmed_at=timezone.now())
    return factories.signed(official_x, representative_a, received)


@pytest.fixture
def report(agreement):
    return agreement.reports.get()


@pytest.fixture
def stranger(db):
    user = make_user("cezary@fundacja-gamma.example.org", "representative", full_name="Cezary Gamma")
    organization_factories.represent(user, organization_factories.organization("Fundacja Gamma"))
    return user


def handed_in(client, report, representative) -> Report:
    client.force_login(representative)
    fill(client, report)
    return reporting.submit(report, by=representative, expected_version=report.version)


def downloaded(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_handed_in_the_report_is_kept_as_a_tagged_pdf_with_its_checksum(client, report, representative_a,
                                                                        official_x):
    report = handed_in(client, report, representative_a)
    assert report.pdf and len(report.pdf_sha256) == 64
    mine = reverse("my_grants:report_pdf", args=[report.pk])
    page = client.get(reverse("my_grants:report", args=[report.pk])).content.decode()
    assert mine in page and report.pdf_sha256 in page
    pdf = downloaded(client.get(mine))
    assert_tagged_pdf(pdf)
    assert hashlib.sha256(pdf).hexdigest() == report.pdf_sha256
    # The official reads the same document from the panel, before and after accepting it.
    client.force_login(official_x)
    panel = reverse("panel:grants_panel:report_pdf", args=[report.pk])
    page = client.get(reverse("panel:grants_panel:report", args=[report.pk])).content.decode()
    assert panel in page and report.pdf_sha256 in page
    reporting.accept(report, by=official_x)
    assert hashlib.sha256(downloaded(client.get(panel))).hexdigest() == report.pdf_sha256


def test_the_document_holds_the_parties_the_agreement_and_every_part(client, report, representative_a):
    report = handed_in(client, report, representative_a)
    html = document.html(report)
    for text in ("Sprawozdanie końcowe z wykonania zadania publicznego", "Fundacja Alfa", "Stowarzyszenie Beta",
                 "ZS.524.1.2027", "Część I. Sprawozdanie merytoryczne", "Uczestnicy spacerów", "130",
                 "Część II. Sprawozdanie z wykonania wydatków", "Rozliczenie ze względu na źródło finansowania",
                 "Część III. Dodatkowe informacje i oświadczenia", "Oświadczenia złożone.",
                 timezone.localtime(report.submitted_at).strftime("%d.%m.%Y, %H:%M")):
        assert text in html, text
    assert '<html lang="pl">' in html


def test_every_party_and_the_department_read_it_and_nobody_else(
        client, report, representative_a, representative_b, stranger, official_x, official_y, resident,
        team_member, administrator):
    draft_urls = (reverse("my_grants:report_pdf", args=[report.pk]),
                  reverse("panel:grants_panel:report_pdf", args=[report.pk]))
    client.force_login(representative_a)
    assert client.get(draft_urls[0]).status_code == 404  # not handed in: no document yet
    report = handed_in(client, report, representative_a)
    mine, panel = draft_urls
    for user, mine_status, panel_status in [
        (representative_a, 200, 403), (representative_b, 200, 403), (stranger, 404, 403), (resident, 404, 403),
        (team_member, 404, 403), (official_x, 404, 200), (official_y, 404, 404), (administrator, 404, 200),
    ]:
        client.force_login(user)
        response = client.get(mine)
        assert response.status_code == mine_status, user
        if mine_status == 200:
            assert downloaded(response).startswith(b"%PDF")
        assert client.get(panel).status_code == panel_status, user
    client.logout()
    assert client.get(mine)["Location"].startswith(reverse(settings.LOGIN_URL))


def test_handed_in_again_after_a_return_the_new_document_replaces_the_returned_one(
        client, report, representative_a, official_x, django_capture_on_commit_callbacks):
    report = handed_in(client, report, representative_a)
    first_name, first_sha = report.pdf.name, report.pdf_sha256
    reporting.return_for_correction(report, by=official_x, reason="Dołączcie listy obecności.")
    report.refresh_from_db()
    # While it is corrected, the returned version is what both sides read.
    page = client.get(reverse("my_grants:report", args=[report.pk])).content.decode()
    assert "Sprawozdanie w wersji zwróconej do poprawy (PDF)" in page
    assert client.get(reverse("my_grants:report_pdf", args=[report.pk])).status_code == 200
    client.post(reverse("my_grants:report_section", args=[report.pk, "oswiadczenia"]), {
        "version": report.version, "statements_accepted": "on", "additional_info": "Listy obecności w załączniku."})
    report.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        report = reporting.submit(report, by=representative_a, expected_version=report.version)
    assert report.pdf_sha256 != first_sha and report.pdf.name != first_name
    assert not report.pdf.storage.exists(first_name) and report.pdf.storage.exists(report.pdf.name)
    assert "Listy obecności w załączniku." in document.html(report)


def test_a_partial_report_has_its_document_too(client, agreement, representative_a, official_x):
    today = timezone.localdate()
    partial = reporting.demand_partial(agreement, by=official_x, period_end=agreement.task_start,
                                       due_on=today + dt.timedelta(days=40))
    partial = handed_in(client, partial, representative_a)
    assert partial.kind == "partial" and partial.pdf and len(partial.pdf_sha256) == 64
    assert "Sprawozdanie częściowe z wykonania zadania publicznego" in document.html(partial)
    assert_tagged_pdf(downloaded(client.get(reverse("my_grants:report_pdf", args=[partial.pk]))))


def test_a_report_handed_in_before_documents_were_kept_gets_one_made_on_request(client, report, representative_a):
    report = handed_in(client, report, representative_a)
    Report.objects.filter(pk=report.pk).update(pdf="", pdf_sha256="")
    response = client.get(reverse("my_grants:report_pdf", args=[report.pk]))
    assert response.status_code == 200
    assert_tagged_pdf(downloaded(response))
    # Returned, it may have changed since: no document is made from it.
    Report.objects.filter(pk=report.pk).update(status=Report.Status.RETURNED)
    assert client.get(reverse("my_grants:report_pdf", args=[report.pk])).status_code == 404
