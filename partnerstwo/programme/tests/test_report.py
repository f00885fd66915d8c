"""The yearly report (art. 5a ust. 3): generated from the data, written and published by the official, read as a
page, a tagged PDF and an XLSX of its tables; the day it was published for the programme's calendar of duties."""

import datetime as dt
import io
import re
import zlib
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from partnerstwo.grants.agreements.models import Agreement
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.reports.models import Report
from partnerstwo.lib.testing import assert_tagged_pdf
from partnerstwo.programme import yearly_report
from partnerstwo.programme.models import IndicatorValue, YearReport
from partnerstwo.programme.tests import monitoring_factories as f

pytestmark = pytest.mark.django_db

YEAR = 2025


@pytest.fixture
def programme(department_x, official_x):
    item = f.programme(department_x, year=YEAR, slug="program-2025")
    f.priority(item, planned="5000", title="Ochrona zwierząt i przyrody")
    f.indicator(item, "competitions", name="Konkursy", target=Decimal(2))
    manual = f.indicator(item, name="Wolontariusze", target=Decimal(100))
    IndicatorValue.objects.create(indicator=manual, year=YEAR, value=Decimal(80), entered_by=official_x)
    f.year_of_grants(department_x, YEAR, competitions=2, offers=3)
    return item


def _report_fields(**fields):
    return {"introduction": "Program **realizowano** przez cały rok.", "priorities_text": "", "cooperation_text": "",
            "indicators_text": "", "funds_text": "", "competitions_text": "", "conclusions": "Dalej tak.",
            "submitted_to_council_on": "", "published_in_bip_on": "", **fields}


def test_the_tables_are_generated_from_the_years_data(programme):
    offer = Offer.objects.filter(awarded_amount__gt=0).first()
    agreement = Agreement.objects.create(offer=offer, status=Agreement.Status.SIGNED, title="Zadanie",
                                         task_start=dt.date(YEAR, 3, 1), task_end=dt.date(YEAR, 9, 30),
                                         amount=Decimal("1000"), requested_amount=Decimal("1000"),
                                         signed_on=dt.date(YEAR, 2, 20))
    Report.objects.create(agreement=agreement, kind=Report.Kind.FINAL, period_end=dt.date(YEAR, 9, 30),
                          due_on=dt.date(YEAR, 10, 30), status=Report.Status.ACCEPTED, grant_spent=Decimal("950"),
                          first_submitted_at=dt.datetime(YEAR, 10, 20, tzinfo=dt.UTC))
    tables = yearly_report.build(programme, YEAR)
    [priority] = tables["priorities"]
    assert len(priority.competitions) == 2 and priority.awarded == Decimal("4000") and priority.planned == 5000
    [funds] = tables["funds"]
    assert (funds.planned, funds.awarded, funds.contracted, funds.settled) == (5000, 4000, 1000, 950)
    assert funds.awarded_share == Decimal("80.0")
    assert [c.granted_count for c in tables["competitions"]] == [2, 2]
    values = {item.indicator.name: (item.value, item.target_met) for item in tables["indicators"]}
    assert values == {"Konkursy": (2, True), "Wolontariusze": (80, False)}
    numbers = {measure.key: number for _label, items in tables["forms"] for measure, number in items}
    assert numbers["competitions"] == 2 and numbers["offers"] == 6 and numbers["funds_awarded"] == 4000


def test_the_official_writes_and_publishes_it_and_anyone_reads_page_pdf_and_xlsx(client, official_x, programme):
    public = f"/program-wspolpracy/{programme.slug}/sprawozdanie/{YEAR}/"
    assert client.get(public).status_code == 404
    assert yearly_report.report_published_on(programme, YEAR) is None
    client.force_login(official_x)
    panel = f"/panel/program-wspolpracy/{programme.slug}/sprawozdanie/{YEAR}/"
    assert client.get(panel).status_code == 200
    response = client.post(panel, _report_fields(submitted_to_council_on="2026-04-20",
                                                 published_in_bip_on="2026-05-10", publish="on"))
    assert response.status_code == 302
    report = YearReport.objects.get()
    assert report.is_published and report.updated_by == official_x
    assert yearly_report.report_published_on(programme, YEAR) == dt.date(2026, 5, 10)
    client.logout()
    page = client.get(public).content.decode()
    assert "<strong>realizowano</strong>" in page and "Ochrona zwierząt i przyrody" in page
    assert "20 kwietnia 2026" in page and "10 maja 2026" in page
    pdf = client.get(f"{public}sprawozdanie.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert_tagged_pdf(pdf.content)
    xlsx = client.get(f"{public}sprawozdanie.xlsx")
    workbook = load_workbook(io.BytesIO(xlsx.content), read_only=True)
    assert workbook.sheetnames == ["Zadania priorytetowe", "Formy współpracy", "Wskaźniki", "Środki", "Konkursy"]
    competitions = list(workbook["Konkursy"].iter_rows(values_only=True))
    assert len(competitions) == 3 and competitions[1][5] == 3
    funds = list(workbook["Środki"].iter_rows(values_only=True))
    assert funds[-1][0] == "Razem" and Decimal(str(funds[-1][2])) == 4000


def test_the_pdf_is_tagged_with_headings_and_tables_and_its_text_can_be_extracted(programme):
    YearReport.objects.create(programme=programme, year=YEAR, published_at=dt.datetime(2026, 5, 1, tzinfo=dt.UTC))
    content = yearly_report.pdf(YearReport.objects.get(), yearly_report.build(programme, YEAR))
    assert_tagged_pdf(content)
    unpacked = content + b"".join(zlib.decompress(m.group(1)) for m in re.finditer(
        rb"stream\r?\n(.*?)endstream", content, re.S) if _inflates(m.group(1)))
    # Headings and tables in the structure tree; the fonts map their glyphs to text (copy, search, read aloud).
    for tag in (b"/H1", b"/H2", b"/Table", b"/TH", b"/TD", b"/ToUnicode"):
        assert tag in unpacked, tag
    assert b"/Lang (pl)" in unpacked


def _inflates(data: bytes) -> bool:
    try:
        zlib.decompress(data)
    except zlib.error:
        return False
    return True


@pytest.mark.parametrize(("fields", "field"), [
    ({"publish": "on"}, "submitted_to_council_on"),
    ({"submitted_to_council_on": "2026-05-20", "published_in_bip_on": "2026-05-10"}, None),
    ({"submitted_to_council_on": "20 maja"}, "submitted_to_council_on"),
])
def test_bad_input_is_reported_and_nothing_is_saved(client, official_x, programme, fields, field):
    client.force_login(official_x)
    response = client.post(f"/panel/program-wspolpracy/{programme.slug}/sprawozdanie/{YEAR}/",
                           _report_fields(**fields))
    assert response.status_code == 200
    form = response.context["form"]
    assert (field in form.errors) if field else form.non_field_errors()
    assert "realizowano" in response.content.decode()
    assert not YearReport.objects.exists()


def test_a_year_outside_the_programme_has_no_report(client, official_x, programme):
    client.force_login(official_x)
    assert client.get(f"/panel/program-wspolpracy/{programme.slug}/sprawozdanie/{YEAR + 3}/").status_code == 404


def test_the_day_of_publication_is_the_bip_day_else_the_day_it_was_published_here(programme):
    report = YearReport.objects.create(programme=programme, year=YEAR,
                                       published_at=dt.datetime(2026, 5, 2, 10, tzinfo=dt.UTC))
    assert yearly_report.report_published_on(programme, YEAR) == dt.date(2026, 5, 2)
    report.submitted_to_council_on, report.published_in_bip_on = dt.date(2026, 4, 1), dt.date(2026, 5, 20)
    report.save()
    assert yearly_report.report_published_on(programme, YEAR) == dt.date(2026, 5, 20)
    assert yearly_report.report_published_on(programme, YEAR + 1) is None


def test_unpublishing_hides_it_again(client, official_x, programme):
    client.force_login(official_x)
    panel = f"/panel/program-wspolpracy/{programme.slug}/sprawozdanie/{YEAR}/"
    client.post(panel, _report_fields(submitted_to_council_on="2026-04-20", publish="on"))
    client.post(panel, _report_fields(submitted_to_council_on="2026-04-20"))
    assert not YearReport.objects.get().is_published
    assert client.get(f"/program-wspolpracy/{programme.slug}/sprawozdanie/{YEAR}/").status_code == 404


def test_the_pdf_is_made_once_by_the_worker_and_a_reader_waits_on_a_page_meanwhile(client, programme, settings):
    YearReport.objects.create(programme=programme, year=YEAR, published_at=dt.datetime(2026, 5, 1, tzinfo=dt.UTC))
    path = f"/program-wspolpracy/{programme.slug}/sprawozdanie/{YEAR}/sprawozdanie.pdf"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    pending = client.get(path)
    assert pending.status_code == 202 and pending["Retry-After"] == "30"
    assert f"/program-wspolpracy/{programme.slug}/sprawozdanie/{YEAR}/" in pending.content.decode()
    yearly_report.store_pdf(YearReport.objects.get())  # what the worker does
    made = client.get(path)
    assert made.status_code == 200 and made.content.startswith(b"%PDF")
    # A change of the data names a new file: until the worker makes it, the reader waits again.
    f.year_of_grants(programme.department, YEAR, competitions=1)
    assert client.get(path).status_code == 202


def test_the_report_page_takes_the_same_number_of_queries_for_little_data_as_for_much(client, programme,
                                                                                     department_x):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    YearReport.objects.create(programme=programme, year=YEAR, published_at=dt.datetime(2026, 5, 1, tzinfo=dt.UTC))
    path = f"/program-wspolpracy/{programme.slug}/sprawozdanie/{YEAR}/"

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    few = queries()
    f.year_of_grants(department_x, YEAR, competitions=4, offers=5)
    f.year_of_grants(department_x, YEAR, competitions=2, sphere_slug="culture")
    f.priority(programme, sphere_slug="culture", title="Kultura")
    assert queries() == few
