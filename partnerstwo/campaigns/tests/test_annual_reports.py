"""The annual-report campaign (issue 16): the page that says what is due and who published last year's report,
the share over time from the reports' dates, and the Centre's reminder to those that did not, sent as a mailing
of the newsletter (by its workers, never in the request) to the organisations' confirmed addresses."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerstwo.campaigns import annual_reports
from partnerstwo.newsletter import one_off
from partnerstwo.newsletter.audience import describe, recipients_for
from partnerstwo.newsletter.models import Delivery, Mailing
from partnerstwo.newsletter.tests.test_audience import member_organization
from partnerstwo.newsletter.tests.test_panel_mailings import form_data
from partnerstwo.organizations.models import AnnualReport, LegalForm, RegisterStatus
from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
YEAR = 2025  # the fixed clock stands in 2026


def report(organization, year=YEAR, added=None, kind=AnnualReport.Kind.ANNUAL_REPORT):
    row = AnnualReport.objects.create(organization=organization, year=year, kind=kind,
                                      url=f"https://example.org/{organization.slug}/{year}.pdf")
    if added:
        AnnualReport.objects.filter(pk=row.pk).update(added_at=dt.datetime(*added, 10, tzinfo=WARSAW))
    return row


# The public page -------------------------------------------------------------------------------------------


def test_the_page_lists_who_published_last_years_report_and_who_did_not(client):
    alfa, beta, gamma = (make.organization(name) for name in ("Alfa", "Beta", "Gamma"))
    report(alfa)
    report(beta, year=YEAR - 1)  # an older year does not count
    make.organization("Grupa", legal_form=LegalForm.INFORMAL_GROUP, krs="")  # outside the KRS: not counted
    make.organization("Wykreślona", register_status=RegisterStatus.REMOVED)
    make.organization("Ukryta", is_published=False)

    response = client.get(reverse("annual_reports:index"))
    page = response.content.decode()
    assert response.context["year"] == YEAR
    assert [o.name for o in response.context["page_obj"].object_list] == ["Beta", "Gamma"]
    assert "1 z 3 organizacji (33%)" in page and "15 lipca 2026" in page
    published = client.get(reverse("annual_reports:index"), {"pokaz": "opublikowane"})
    assert [o.name for o in published.context["page_obj"].object_list] == ["Alfa"]


def test_a_bad_choice_is_reported_and_the_page_still_shows(client):
    make.organization("Alfa")
    response = client.get(reverse("annual_reports:index"), {"pokaz": "<b>", "strona": "x"})
    assert response.status_code == 200 and 'href="#id_pokaz"' in response.content.decode()


def test_the_deadline_is_a_setting(client, settings):
    settings.ANNUAL_REPORT_DEADLINE = (10, 1)
    assert annual_reports.deadline(YEAR) == dt.date(2026, 10, 1)
    assert "1 października 2026" in client.get(reverse("annual_reports:index")).content.decode()


def test_the_page_runs_a_constant_number_of_queries(client):
    for n in range(3):
        report(make.organization(f"Z raportem {n}"))
    make.organization("Bez raportu")
    client.get(reverse("annual_reports:index"))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("annual_reports:index"))
    for n in range(20):
        organization = make.organization(f"Więcej {n}")
        if n % 2:
            report(organization)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("annual_reports:index"))
    assert len(large) == len(small)


# The share over time ---------------------------------------------------------------------------------------


def test_the_share_rises_week_by_week_from_the_dates_reports_were_added():
    alfa, beta, gamma, delta = (make.organization(name) for name in ("Alfa", "Beta", "Gamma", "Delta"))
    report(alfa, added=(2026, 3, 2))
    report(alfa, added=(2026, 3, 20), kind=AnnualReport.Kind.FINANCIAL_STATEMENT)  # the first one counts
    report(beta, added=(2026, 3, 10))
    report(gamma, added=(2026, 7, 14))

    points = annual_reports.history(YEAR, dt.date(2026, 12, 2))

    assert points[0].day == dt.date(2026, 1, 4)  # the first Sunday of the year after
    assert points[-1] == annual_reports.Point(dt.date(2026, 12, 2), 3, 75)
    by_day = {point.day: point for point in points}
    assert by_day[dt.date(2026, 3, 1)].published == 0
    assert by_day[dt.date(2026, 3, 8)].published == 1
    assert by_day[dt.date(2026, 3, 15)].percent == 50
    assert [p.percent for p in points] == sorted(p.percent for p in points)


def test_there_is_no_history_before_the_year_ended():
    make.organization("Alfa")
    assert annual_reports.history(2026, dt.date(2026, 12, 2)) == []


# The reminder ----------------------------------------------------------------------------------------------


def test_the_reminder_segment_reaches_organisations_without_the_report_only():
    late = member_organization("Spóźniona", "spozniona@example.org")
    done = member_organization("Gotowa", "gotowa@example.org")
    member_organization("Bez zgody", "bezzgody@example.org", agreed=False)
    report(done.organization)
    mailing = Mailing(segment=Mailing.Segment.WITHOUT_ANNUAL_REPORT, report_year=YEAR)
    assert set(recipients_for(mailing).values_list("email", flat=True)) == {late.email}
    assert describe(mailing) == "organizacje bez sprawozdania rocznego za rok: 2025"
    assert not recipients_for(Mailing(segment=Mailing.Segment.WITHOUT_ANNUAL_REPORT)).exists()


@pytest.mark.parametrize(("role", "status"), [
    ("resident", 403), ("representative_a", 403), ("team_member", 403), ("official_x", 200), ("administrator", 200),
])
def test_only_the_centre_opens_the_campaign_panel(client, request, role, status):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("panel:campaigns_panel:annual_reports")).status_code == status
    response = client.post(reverse("panel:campaigns_panel:prepare_reminder"))
    assert response.status_code == (302 if status == 200 else 403)
    assert Mailing.objects.exists() == (status == 200)


def test_preparing_a_reminder_twice_makes_one_draft_and_a_sent_one_is_not_reused(client, official_x):
    client.force_login(official_x)
    assert client.get(reverse("panel:campaigns_panel:prepare_reminder")).status_code == 405
    first = client.post(reverse("panel:campaigns_panel:prepare_reminder"))
    client.post(reverse("panel:campaigns_panel:prepare_reminder"))
    mailing = Mailing.objects.get()
    assert first["Location"] == reverse("panel:newsletter_panel:detail", args=[mailing.pk])
    assert (mailing.segment, mailing.report_year, mailing.status) == (
        Mailing.Segment.WITHOUT_ANNUAL_REPORT, YEAR, Mailing.Status.DRAFT)
    assert "/sprawozdania-roczne/" in mailing.body and "2025" in mailing.subject
    Mailing.objects.update(status=Mailing.Status.DONE)
    client.post(reverse("panel:campaigns_panel:prepare_reminder"))
    assert Mailing.objects.count() == 2


def test_the_reminder_goes_through_the_mailings_workers_to_confirmed_addresses(client, official_x):
    late = member_organization("Spóźniona", "spozniona@example.org")
    done = member_organization("Gotowa", "gotowa@example.org")
    report(done.organization)
    client.force_login(official_x)
    client.post(reverse("panel:campaigns_panel:prepare_reminder"))
    mailing = Mailing.objects.get()
    assert not mail.outbox  # preparing sends nothing

    one_off.send_now(mailing)

    assert list(Delivery.objects.values_list("email", flat=True)) == [late.email]
    assert [message.to for message in mail.outbox] == [[late.email]]
    page = client.get(reverse("panel:campaigns_panel:annual_reports")).content.decode()
    assert mailing.subject in page


def test_the_mailing_form_asks_for_the_year_of_the_segment(client, official_x):
    client.force_login(official_x)
    url = reverse("panel:newsletter_panel:create")
    segment = Mailing.Segment.WITHOUT_ANNUAL_REPORT
    missing = client.post(url, form_data(segment=segment, report_year=""))
    assert "Podaj rok" in missing.context["form"].errors["report_year"][0]
    for bad in ("1999", "2027", "abc", "-5"):
        response = client.post(url, form_data(segment=segment, report_year=bad))
        assert "report_year" in response.context["form"].errors
        assert response.context["form"]["subject"].value() == "Szkolenie z pisania ofert"  # kept
    assert not Mailing.objects.exists()
    client.post(url, form_data(segment=segment, report_year="2025"))
    assert Mailing.objects.get().report_year == 2025
    client.post(url, form_data(segment=Mailing.Segment.ALL_ORGANIZATIONS, report_year="2025", subject="Inna"))
    assert Mailing.objects.get(subject="Inna").report_year is None


def test_the_panel_page_runs_a_constant_number_of_queries(client, official_x):
    client.force_login(official_x)
    report(make.organization("Alfa"), added=(2026, 2, 3))
    client.get(reverse("panel:campaigns_panel:annual_reports"))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("panel:campaigns_panel:annual_reports"))
    for n in range(15):
        report(make.organization(f"Org {n}"), added=(2026, 3, 1 + n))
    client.post(reverse("panel:campaigns_panel:prepare_reminder"))
    Mailing.objects.update(status=Mailing.Status.DONE)
    client.post(reverse("panel:campaigns_panel:prepare_reminder"))
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("panel:campaigns_panel:annual_reports"))
    assert len(large) == len(small)
