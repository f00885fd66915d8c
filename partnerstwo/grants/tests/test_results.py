"""Published results: the notice on a competition's page, the bounds of the amounts, the CSV and XLSX
exports and the yearly totals by sphere and department."""

import csv
import importlib
import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.grants.committees import evaluation
from partnerstwo.grants.committees.models import CommitteeMember, Score
from partnerstwo.grants.competitions import lifecycle, results
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.tests import factories as make
from partnerstwo.organizations.tests import factories as directory

Status = Competition.Status
pytestmark = pytest.mark.django_db


def sphere(slug):
    return PublicTaskSphere.objects.get(slug=slug)


def score(offer, seat, criterion, points):
    Score.objects.create(offer=offer, member=seat, criterion=criterion, points=Decimal(points),
                         justification="Uzasadnienie.", submitted_at=timezone.now())


@pytest.fixture
def scored(department_x, official_x, official_y, team_member):
    """A competition in evaluation with three offers: two scored by two voting members (an expert's card does
    not count), one rejected on formal grounds."""
    made = make.competition(department=department_x, title="Kultura na osiedlach")
    _, quality, costs = make.criteria(made)
    alpha = make.offer(made, directory.organization("Fundacja Alfa"), title="Teatr podwórkowy",
                       formal=Offer.Formal.PASSED, requested=Decimal("30000"), with_file=False)
    beta = make.offer(made, directory.organization("=HYPERLINK(\"http://zly.example\")"), title="Kino plenerowe",
                      formal=Offer.Formal.PASSED, requested=Decimal("20000"), with_file=False)
    rejected = make.offer(made, directory.organization("Stowarzyszenie Spóźnione"), title="Festyn",
                          formal=Offer.Formal.REJECTED, requested=Decimal("10000"), with_file=False)
    first = make.member(made, official_x)
    second = make.member(made, official_y, role=CommitteeMember.Role.NGO)
    expert = make.member(made, team_member, role=CommitteeMember.Role.EXPERT)
    for seat, quality_points, cost_points in [(first, "8", "4"), (second, "7", "3.5")]:
        score(alpha, seat, quality, quality_points)
        score(alpha, seat, costs, cost_points)
    score(beta, first, quality, "9")
    score(beta, first, costs, "5")
    score(beta, expert, quality, "1")
    return {"competition": made, "alpha": alpha, "beta": beta, "rejected": rejected}


def publish(scored):
    lifecycle.publish_results(scored["competition"], note="Wyniki zatwierdzone.", amounts={
        scored["alpha"].pk: Decimal("25000"), scored["beta"].pk: Decimal("20000"), scored["rejected"].pk: None,
    })


# --- The notice --------------------------------------------------------------------------------


def test_the_notice_lists_organisation_task_amount_and_average_points_then_the_offers_without_a_grant(client, scored):
    publish(scored)
    body = client.get(scored["competition"].get_absolute_url()).content.decode()
    # Beta: one card of 14 points (the expert's card does not count); Alfa: cards of 12 and 10.5 → 11.25.
    beta_at, alpha_at, rejected_at = (body.index(text) for text in ("Kino plenerowe", "Teatr podwórkowy", "Festyn"))
    assert beta_at < alpha_at < rejected_at
    assert "14,00" in body and "11,25" in body
    assert "25" in body and "000,00" in body
    row = body[rejected_at:body.index("</tr>", rejected_at)]
    assert "nie przyznano" in row and "—" in row
    assert reverse("grants:competition_results_csv", args=[scored["competition"].slug]) in body
    assert reverse("grants:competition_results_xlsx", args=[scored["competition"].slug]) in body


def test_the_notice_points_match_the_committees_ranking(scored):
    publish(scored)
    ranking = {row.offer.pk: row.average for row in evaluation.ranking(scored["competition"])}
    awarded, not_awarded = results.notice(scored["competition"])
    assert {offer.pk: offer.points for offer in awarded} == ranking
    exported = {offer.pk: offer.points for offer in results.granted_offers()}
    assert exported == ranking


def test_a_suspended_members_cards_count_nowhere_the_ranking_the_notice_and_the_exports_agree(client, scored,
                                                                                                  official_x):
    # The first member is suspended (art. 15) after scoring: only the second member's card of Alfa counts.
    CommitteeMember.objects.filter(competition=scored["competition"], user=official_x).update(
        suspended_at=timezone.now(), suspension_reason="Członek zarządu oferenta.")
    publish(scored)
    ranking = {row.offer.pk: row.average for row in evaluation.ranking(scored["competition"])}
    assert ranking == {scored["alpha"].pk: Decimal("10.50"), scored["beta"].pk: None}
    awarded, _not_awarded = results.notice(scored["competition"])
    assert {offer.pk: offer.points for offer in awarded} == ranking
    exported = {offer.pk: offer.points for offer in results.granted_offers()}
    assert exported == ranking
    lines = read_csv(client.get(reverse("grants:competition_results_csv", args=[scored["competition"].slug])))
    assert {line[6]: line[9] for line in lines[1:]} == {"Teatr podwórkowy": "10.50", "Kino plenerowe": ""}


def test_the_points_are_stored_as_published_and_the_notice_reads_no_scores(client, scored):
    publish(scored)
    assert Offer.objects.get(pk=scored["alpha"].pk).points == Decimal("11.25")
    assert Offer.objects.get(pk=scored["rejected"].pk).points is None
    # A later change of the committee's data (a repair) does not change what was published.
    Score.objects.filter(offer=scored["alpha"]).update(points=0)
    with CaptureQueriesContext(connection) as queries:
        body = client.get(scored["competition"].get_absolute_url()).content.decode()
    assert "11,25" in body and not any("grants_score" in query["sql"] for query in queries.captured_queries)


def test_the_migration_fills_the_points_of_results_published_before_by_the_same_rule(scored, official_x):
    migration = importlib.import_module("partnerstwo.grants.migrations.0009_offer_points")
    CommitteeMember.objects.filter(competition=scored["competition"], user=official_x).update(
        suspended_at=timezone.now(), suspension_reason="Członek zarządu oferenta.")
    publish(scored)
    published = dict(Offer.objects.values_list("pk", "points"))
    Offer.objects.update(points=None)
    migration.store_published_points(apps, None)
    assert dict(Offer.objects.values_list("pk", "points")) == published
    assert published[scored["alpha"].pk] == Decimal("10.50") and published[scored["beta"].pk] is None


def test_the_notice_shows_fifty_offers_a_page_in_its_order_in_constant_queries(client, scored,
                                                                               django_assert_num_queries):
    competition = scored["competition"]
    publish(scored)
    url = competition.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    Offer.objects.bulk_create(
        Offer(competition=competition, organization=directory.organization(f"Organizacja {n:02d}"),
              title=f"Zadanie bez dotacji {n:02d}", requested_amount=Decimal("1000"), received_on=timezone.localdate(),
              formal_status=Offer.Formal.REJECTED)
        for n in range(50)
    )
    with django_assert_num_queries(len(few.captured_queries)):
        first = client.get(url).content.decode()
    # Granted first (Beta, then Alfa by points), then the 51 without a grant: the rejected "Festyn" and the 50.
    assert first.index("Kino plenerowe") < first.index("Teatr podwórkowy") < first.index("Zadanie bez dotacji 00")
    assert "(53)" in first and "?strona=2" in first and "Zadanie bez dotacji 48" not in first
    assert reverse("grants:competition_results_csv", args=[competition.slug]) in first
    second = client.get(url, {"strona": 2}).content.decode()
    assert "Zadanie bez dotacji 48" in second and "Zadanie bez dotacji 49" in second and "Kino plenerowe" not in second
    assert reverse("grants:competition_results_csv", args=[competition.slug]) in second
    assert client.get(url, {"strona": "x"}).status_code == 200


def test_a_competition_in_evaluation_shows_no_results(client, scored):
    body = client.get(scored["competition"].get_absolute_url()).content.decode()
    assert "Teatr podwórkowy" not in body and "Wyniki konkursu" not in body


# --- Bounds of the amounts ---------------------------------------------------------------------


def test_an_amount_above_the_requested_one_is_refused_and_nothing_is_saved(scored):
    with pytest.raises(ValidationError) as refused:
        lifecycle.publish_results(scored["competition"], amounts={scored["alpha"].pk: Decimal("30000.01")})
    assert "nie może przekraczać kwoty wnioskowanej" in refused.value.messages[0]
    assert "Teatr podwórkowy" in refused.value.messages[0]
    scored["competition"].refresh_from_db()
    scored["alpha"].refresh_from_db()
    assert scored["competition"].status == Status.EVALUATION and scored["alpha"].awarded_amount is None


def test_an_offer_rejected_on_formal_grounds_cannot_be_granted_a_subsidy(scored):
    with pytest.raises(ValidationError) as refused:
        lifecycle.publish_results(scored["competition"], amounts={scored["rejected"].pk: Decimal("100")})
    assert "odrzucona z przyczyn formalnych" in refused.value.messages[0]
    assert not Offer.objects.filter(awarded_amount__isnull=False).exists()


def test_the_requested_amount_itself_and_nothing_for_a_rejected_offer_are_accepted(scored):
    lifecycle.publish_results(scored["competition"], amounts={
        scored["alpha"].pk: Decimal("30000"), scored["rejected"].pk: Decimal("0"),
    })
    scored["alpha"].refresh_from_db()
    assert scored["alpha"].awarded_amount == Decimal("30000")


def test_the_panel_shows_the_refusal_next_to_the_amount_and_keeps_what_was_typed(client, scored, official_x):
    client.force_login(official_x)
    made = scored["competition"]
    field = f"amount_{scored['alpha'].pk}"
    response = client.post(reverse("panel:grants_panel:publish_results", args=[made.pk]),
                           {"note": "Wyniki konkursu.", field: "99999"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "nie może przekraczać kwoty wnioskowanej" in html
    assert f'id="id_{field}_error"' in html and 'value="99999"' in html and "Wyniki konkursu." in html
    made.refresh_from_db()
    assert made.status == Status.EVALUATION


# --- Exports -----------------------------------------------------------------------------------


def read_csv(response):
    data = b"".join(response.streaming_content)
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_competition_csv_has_a_header_one_row_per_grant_and_defused_formulas(client, scored):
    publish(scored)
    response = client.get(reverse("grants:competition_results_csv", args=[scored["competition"].slug]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = read_csv(response)
    assert lines[0] == ["rok", "konkurs", "wydział", "sfera zadań publicznych", "organizacja", "KRS",
                        "tytuł zadania", "kwota wnioskowana (zł)", "kwota przyznana (zł)", "punkty"]
    assert len(lines) == 3  # the rejected offer got nothing
    by_task = {line[6]: line for line in lines[1:]}
    assert by_task["Teatr podwórkowy"][4] == "Fundacja Alfa"
    assert by_task["Teatr podwórkowy"][7:] == ["30000.00", "25000.00", "11.25"]
    assert by_task["Kino plenerowe"][4] == "'=HYPERLINK(\"http://zly.example\")"
    assert by_task["Kino plenerowe"][1] == "Kultura na osiedlach"
    assert by_task["Kino plenerowe"][5] == scored["beta"].organization.krs


def test_the_competition_xlsx_opens_with_the_same_rows(client, scored):
    publish(scored)
    response = client.get(reverse("grants:competition_results_xlsx", args=[scored["competition"].slug]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "rok" and rows[0][-1] == "punkty"
    assert len(rows) == 3
    names = {row[4] for row in rows[1:]}
    assert "=HYPERLINK(\"http://zly.example\")" in names  # kept as text, not a formula
    assert sheet.cell(row=2, column=5).data_type == "s" and sheet.cell(row=3, column=5).data_type == "s"


def test_exports_of_a_competition_without_published_results_are_404(client, scored):
    slug = scored["competition"].slug
    assert client.get(reverse("grants:competition_results_csv", args=[slug])).status_code == 404
    assert client.get(reverse("grants:competition_results_xlsx", args=[slug])).status_code == 404


def test_the_yearly_export_has_only_published_results_of_that_year(client, scored, department_y):
    publish(scored)
    year = scored["competition"].year
    in_evaluation = make.competition(department=department_y, title="Sport w szkołach")
    make.offer(in_evaluation, title="Liga podwórkowa", awarded_amount=Decimal("5000"), with_file=False)
    earlier = make.competition(department=department_y, title="Konkurs sprzed roku", status=Status.RESULTS,
                               year=year - 1)
    make.offer(earlier, title="Zadanie zeszłoroczne", awarded_amount=Decimal("7000"), with_file=False)

    this_year = read_csv(client.get(reverse("grants:results_csv"), {"rok": year}))
    every_year = read_csv(client.get(reverse("grants:results_csv")))

    assert {line[6] for line in this_year[1:]} == {"Teatr podwórkowy", "Kino plenerowe"}
    assert {line[6] for line in every_year[1:]} == {"Teatr podwórkowy", "Kino plenerowe", "Zadanie zeszłoroczne"}
    sheet = load_workbook(io.BytesIO(b"".join(
        client.get(reverse("grants:results_xlsx"), {"rok": year}).streaming_content))).active
    assert len(list(sheet.iter_rows(values_only=True))) == 3


@pytest.mark.parametrize("value", ["abc", "99999999999999999999", "1800"])
def test_a_wrong_year_in_an_export_is_a_404(client, value):
    assert client.get(reverse("grants:results_csv"), {"rok": value}).status_code == 404


def many_results(department, count, year=2026):
    for n in range(count):
        made = make.competition(department=department, status=Status.RESULTS, year=year)
        make.offer(made, title=f"Zadanie {n}", awarded_amount=Decimal("1000"), with_file=False)


@pytest.mark.parametrize("name", ["grants:results_csv", "grants:results_xlsx"])
def test_the_yearly_exports_cost_the_same_queries_for_3_or_30_rows(client, department_x, name,
                                                                    django_assert_num_queries):
    many_results(department_x, 3)
    with django_assert_num_queries(1):
        b"".join(client.get(reverse(name), {"rok": 2026}).streaming_content)
    many_results(department_x, 27, year=2026)
    with django_assert_num_queries(1):
        b"".join(client.get(reverse(name), {"rok": 2026}).streaming_content)


def test_the_competition_export_costs_the_same_queries_for_any_number_of_offers(client, department_x,
                                                                               django_assert_num_queries):
    made = make.competition(department=department_x, status=Status.RESULTS)
    make.offer(made, awarded_amount=Decimal("1000"), with_file=False)
    with django_assert_num_queries(2):
        b"".join(client.get(reverse("grants:competition_results_csv", args=[made.slug])).streaming_content)
    for _ in range(20):
        make.offer(made, awarded_amount=Decimal("1000"), with_file=False)
    with django_assert_num_queries(2):
        b"".join(client.get(reverse("grants:competition_results_csv", args=[made.slug])).streaming_content)


# --- Yearly totals -----------------------------------------------------------------------------


@pytest.fixture
def year_of_results(department_x, department_y):
    """2025: culture 10 000 + 5 000 (department X) and sport 7 000 (department Y); 2024: 1 000 in sport."""
    culture = make.competition(department=department_x, status=Status.RESULTS, year=2025, sphere=sphere("culture"))
    make.offer(culture, awarded_amount=Decimal("10000"), with_file=False)
    make.offer(culture, awarded_amount=Decimal("5000"), with_file=False)
    make.offer(culture, awarded_amount=None, with_file=False)
    sport = make.competition(department=department_y, status=Status.RESULTS, year=2025, sphere=sphere("sport"))
    make.offer(sport, awarded_amount=Decimal("7000"), with_file=False)
    older = make.competition(department=department_y, status=Status.RESULTS, year=2024, sphere=sphere("sport"))
    make.offer(older, awarded_amount=Decimal("1000"), with_file=False)
    evaluating = make.competition(department=department_y, year=2025, sphere=sphere("sport"))
    make.offer(evaluating, awarded_amount=Decimal("99000"), with_file=False)


def test_totals_by_sphere_and_department_count_only_published_grants(year_of_results, department_x, department_y):
    by_sphere = [(t.label, t.amount, t.grants, t.width) for t in results.totals_by_sphere(2025)]
    assert by_sphere == [
        (sphere("culture").name_pl, Decimal("15000"), 2, "100.0"),
        (sphere("sport").name_pl, Decimal("7000"), 1, "46.7"),
    ]
    by_department = [(t.label, t.amount, t.grants) for t in results.totals_by_department(2025)]
    assert by_department == [(department_x.name, Decimal("15000"), 2), (department_y.name, Decimal("7000"), 1)]
    assert results.years_with_results() == [2025, 2024]


def test_the_results_page_shows_the_latest_year_with_its_chart_and_tables(client, year_of_results, department_x):
    body = client.get(reverse("grants:results")).content.decode()
    assert "Dotacje przyznane w 2025 roku" in body
    assert 'class="bar-chart" aria-hidden="true"' in body and '<rect width="100.0%"' in body
    assert "<caption" in body and 'scope="row"' in body
    assert department_x.name in body and "15" in body and "000,00" in body
    assert reverse("grants:results_csv") + "?rok=2025" in body


def test_the_results_page_shows_a_chosen_year(client, year_of_results):
    body = client.get(reverse("grants:results"), {"rok": "2024"}).content.decode()
    assert "Dotacje przyznane w 2024 roku" in body and "99" not in body.split("Dotacje przyznane w 2024")[1][:3000]


def test_a_year_without_results_is_an_error_next_to_the_field_and_the_latest_year_is_shown(client, year_of_results):
    response = client.get(reverse("grants:results"), {"rok": "1999"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Wybierz rok, w którym ogłoszono wyniki konkursów." in body
    assert "Dotacje przyznane w 2025 roku" in body


def test_the_results_page_costs_the_same_queries_for_few_or_many_competitions(client, department_x, department_y,
                                                                            django_assert_num_queries):
    many_results(department_x, 2)
    with django_assert_num_queries(6):
        client.get(reverse("grants:results"), {"rok": 2026})
    many_results(department_y, 12, year=2026)
    Department.objects.create(name="Departament Trzeci")
    with django_assert_num_queries(6):
        client.get(reverse("grants:results"), {"rok": 2026})


def test_a_resident_sees_no_competition_in_evaluation_on_the_results_page(client, resident, scored):
    client.force_login(resident)
    body = client.get(reverse("grants:results")).content.decode()
    assert "Kultura na osiedlach" not in body and "Teatr podwórkowy" not in body
    assert "Nie ogłoszono jeszcze wyników" in body


# --- Hostile GET parameters of the exports (the shared registry cannot read streamed bodies) --------------


def hostile_values():
    from tests.test_hostile_input import HOSTILE

    return [(kind, make_hostile("2026")) for kind, make_hostile in HOSTILE.items()]


@pytest.mark.parametrize(("kind", "value"), hostile_values(), ids=[kind for kind, _ in hostile_values()])
def test_hostile_years_and_slugs_never_break_the_exports(client, department_x, kind, value):
    many_results(department_x, 1)
    slug = Competition.objects.get().slug
    XSS_MARKS = ("<script>alert(1)</script>", "onerror=alert(1)>")
    for url, params in [
        (reverse("grants:results_csv"), {"rok": value}),
        (reverse("grants:results_xlsx"), {"rok": value}),
        (reverse("grants:competition_results_csv", args=[slug]), {"x": value}),
        (reverse("grants:competition_results_xlsx", args=[slug]), {"x": value}),
        (f"/konkursy/{str(value)[:200].replace('/', '')}/wyniki.csv", {}),
    ]:
        response = client.get(url, params)
        assert response.status_code in (200, 404), (url, response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert not any(mark.encode() in body for mark in XSS_MARKS)
