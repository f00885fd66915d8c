"""Results: counts per option and per scale value, free text in the panel only, filters by sphere and district,
CSV and XLSX exports, the public summary after the close when the survey says so; a constant number of queries."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from partnerstwo.organizations.tests import factories as directory
from partnerstwo.surveys import results

from . import factories


@pytest.fixture
def survey(db):
    return factories.survey()


def organizations(count, **fields):
    return [directory.organization(**fields) for _index in range(count)]


def test_the_counts_come_from_the_answers(survey):
    factories.answer_many(survey, organizations(6))
    found = results.summary(survey)
    assert found["total"] == 6
    rows = {row.question.kind: row for _section, section_rows in found["sections"] for row in section_rows}
    assert [(bar.label, bar.value) for bar in rows["single"].chart.bars] == [("Tak", 3), ("Nie", 3)]
    assert [(bar.label, bar.value) for bar in rows["multiple"].chart.bars] == [
        ("Księgowość", 2), ("Pozyskiwanie środków", 0), ("RODO", 6)]
    assert [bar.value for bar in rows["scale"].chart.bars] == [2, 1, 1, 1, 1]
    assert rows["scale"].average == pytest.approx((1 + 2 + 3 + 4 + 5 + 1) / 6)
    assert rows["text"].answered == 6 and len(rows["text"].texts) == results.TEXT_PREVIEW


def test_filters_narrow_by_the_organisations_sphere_and_district(survey):
    dojlidy = directory.district("Dojlidy")
    sphere = directory.sphere("ecology-animals")
    factories.answer_many(survey, organizations(2, district=dojlidy, spheres=[sphere]) + organizations(3))
    assert results.summary(survey, district=dojlidy)["total"] == 2
    assert results.summary(survey, sphere=sphere)["total"] == 2
    header, rows = results.export_rows(survey, district=dojlidy)
    assert len(list(rows)) == 2


def test_the_results_page_runs_the_same_queries_at_any_size(client, official_x, django_assert_num_queries):
    client.force_login(official_x)
    small = factories.survey("Małe")
    factories.answer_many(small, organizations(2))
    large = factories.survey("Duże")
    section = large.sections.first()
    for number in range(10):  # more questions too
        large.questions.create(section=section, text=f"Dodatkowe {number}", kind="text", position=10 + number)
    factories.answer_many(large, organizations(40))

    def queries(survey):
        url = reverse("panel:surveys_panel:results", args=[survey.pk])
        client.get(url)  # sessions and the like settle
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"sfera": directory.sphere("ecology-animals").pk}).status_code == 200
        return len(captured)

    assert queries(small) == queries(large)


def test_the_panel_results_list_free_text_with_a_paged_list(client, survey, official_x):
    factories.answer_many(survey, organizations(60))
    client.force_login(official_x)
    page = client.get(reverse("panel:surveys_panel:results", args=[survey.pk])).content.decode()
    assert "Uwaga numer 0" in page and "<svg" in page and "<table" in page
    text = factories.questions(survey)["text"]
    url = reverse("panel:surveys_panel:text_answers", args=[survey.pk, text.pk])
    first = client.get(url).content.decode()
    second = client.get(url, {"strona": 2}).content.decode()
    assert "Uwaga numer 49" in first and "Uwaga numer 50" not in first
    assert "Uwaga numer 50" in second
    assert client.get(reverse("panel:surveys_panel:text_answers",
                              args=[survey.pk, factories.questions(survey)["single"].pk])).status_code == 404


def test_the_exports_hold_one_row_per_organisation(client, survey, official_x):
    orgs = organizations(3)
    factories.answer_many(survey, orgs)
    client.force_login(official_x)
    csv = b"".join(client.get(reverse("panel:surveys_panel:export", args=[survey.pk, "csv"])).streaming_content)
    lines = csv.decode("utf-8-sig").splitlines()
    assert len(lines) == 4
    assert "Jakie szkolenia są potrzebne?" in lines[0]
    assert "RODO; Księgowość" in lines[1] or "Księgowość; RODO" in lines[1]
    response = client.get(reverse("panel:surveys_panel:export", args=[survey.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 4 and rows[1][0] == orgs[0].name
    assert rows[1][rows[0].index("Jak oceniasz współpracę z miastem?")] == 1


def test_the_public_summary_waits_for_the_close_and_shows_no_free_text(client, survey, fixed_clock):
    factories.answer_many(survey, organizations(3))
    url = reverse("surveys:summary", args=[survey.pk])
    assert client.get(url).status_code == 404
    fixed_clock.move_to(dt.datetime.combine(survey.closes_on + dt.timedelta(days=1), dt.time(12)))
    page = client.get(url).content.decode()
    assert "<svg" in page and "Uwaga numer" not in page and "Stowarzyszenie Testowe" not in page
    assert survey.title in client.get(reverse("surveys:list")).content.decode()
    survey.results_public = False
    survey.save()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", ["resident", "representative_a"])
def test_residents_and_representatives_see_no_panel_results(client, survey, role, request):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("panel:surveys_panel:results", args=[survey.pk])).status_code == 403


def test_a_bad_filter_is_reported_and_the_results_stay_whole(client, survey, official_x):
    factories.answer_many(survey, organizations(2))
    client.force_login(official_x)
    response = client.get(reverse("panel:surveys_panel:results", args=[survey.pk]), {"sfera": "abc", "osiedle": "0"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Formularz zawiera błędy" in page and "Odpowiedziały 2 organizacje." in page
