"""The panel's indicators and manual values, role by role and with bad input: officials of the programme's
department and administrators manage them; nobody else."""

from decimal import Decimal

import pytest

from partnerstwo.programme.models import Indicator, IndicatorValue
from partnerstwo.programme.tests import monitoring_factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(department_x):
    return f.programme(department_x, slug="program-2026")


@pytest.fixture
def manual(programme):
    return f.indicator(programme, name="Wolontariusze")


def pages(programme, manual):
    base = f"/panel/program-wspolpracy/{programme.slug}"
    return [f"{base}/wskazniki/", f"{base}/wskazniki/nowy/", f"{base}/wskazniki/{manual.pk}/",
            f"{base}/wskazniki/{manual.pk}/usun/", f"{base}/wskazniki/{manual.pk}/wartosci/",
            f"{base}/sprawozdanie/{programme.year_from}/"]


def test_the_anonymous_visitor_is_sent_to_the_login(client, programme, manual):
    for path in [*pages(programme, manual), "/panel/program-wspolpracy/monitoring/"]:
        response = client.get(path)
        assert response.status_code == 302 and "/konto/login/" in response["Location"], path


@pytest.mark.parametrize("who", ["resident", "representative_a", "team_member"])
def test_people_without_a_staff_role_get_403(request, client, programme, manual, who):
    client.force_login(request.getfixturevalue(who))
    for path in [*pages(programme, manual), "/panel/program-wspolpracy/monitoring/"]:
        assert client.get(path).status_code == 403, path
    assert client.post(pages(programme, manual)[3]).status_code == 403
    assert Indicator.objects.filter(pk=manual.pk).exists()


def test_an_official_of_another_department_finds_nothing(client, programme, manual, official_y):
    client.force_login(official_y)
    for path in pages(programme, manual):
        assert client.get(path).status_code == 404, path
    assert client.post(pages(programme, manual)[3]).status_code == 404
    assert client.post(pages(programme, manual)[4], {"year": "2026", "value": "5"}).status_code == 404
    assert Indicator.objects.filter(pk=manual.pk).exists() and not IndicatorValue.objects.exists()
    assert programme.title not in client.get("/panel/program-wspolpracy/monitoring/").content.decode()


@pytest.mark.parametrize("who", ["official_x", "administrator"])
def test_the_departments_official_and_the_administrator_open_every_page(request, client, programme, manual, who):
    client.force_login(request.getfixturevalue(who))
    for path in pages(programme, manual):
        assert client.get(path).status_code == 200, path
    assert programme.title in client.get("/panel/program-wspolpracy/monitoring/").content.decode()


def test_the_official_adds_changes_and_removes_an_indicator(client, official_x, programme):
    client.force_login(official_x)
    base = f"/panel/program-wspolpracy/{programme.slug}/wskazniki/"
    response = client.post(f"{base}nowy/", {
        "name": "Konkursy w ekologii", "unit": "konkursów", "source": "computed", "measure": "competitions",
        "sphere": f.sphere().pk, "baseline": "2", "baseline_year": "2025", "target": "4", "position": "1",
    })
    assert response.status_code == 302
    indicator = Indicator.objects.get(name="Konkursy w ekologii")
    assert indicator.measure == "competitions" and indicator.sphere == f.sphere() and indicator.target == 4
    client.post(f"{base}{indicator.pk}/", {"name": "Konkursy", "source": "computed", "measure": "competitions",
                                           "target": "5", "position": "1"})
    indicator.refresh_from_db()
    assert indicator.name == "Konkursy" and indicator.target == 5 and indicator.sphere is None
    assert client.post(f"{base}{indicator.pk}/usun/").status_code == 302
    assert not Indicator.objects.filter(pk=indicator.pk).exists()


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"source": "computed", "measure": ""}, "measure", "potrzebuje miary"),
    ({"source": "manual", "measure": "offers", "source_description": "x"}, "measure", "nie ma miary"),
    ({"source": "manual", "measure": ""}, "source_description", "skąd pochodzą"),
    ({"source": "computed", "measure": "body_meetings", "sphere": "SPHERE"}, "sphere", "nie liczy się według sfer"),
    ({"source": "computed", "measure": "offers", "baseline": "3"}, "baseline_year", "rok, z którego"),
    ({"source": "computed", "measure": "offers", "target": "-1"}, "target", ""),
    ({"source": "computed", "measure": "offers", "target": "dużo"}, "target", ""),
    ({"source": "computed", "measure": "nie-ma-takiej"}, "measure", ""),
])
def test_bad_input_is_reported_next_to_the_field_and_nothing_is_saved(client, official_x, programme, data, field,
                                                                       message):
    client.force_login(official_x)
    data = {"name": "Nowy wskaźnik", "position": "0", **data}
    if data.get("sphere") == "SPHERE":
        data["sphere"] = f.sphere().pk
    response = client.post(f"/panel/program-wspolpracy/{programme.slug}/wskazniki/nowy/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field])
    page = response.content.decode()
    assert 'class="error-summary' in page or "errorlist" in page
    assert 'value="Nowy wskaźnik"' in page  # what was typed is kept
    assert not Indicator.objects.exists()


def test_the_official_enters_and_corrects_a_manual_value_who_and_when_are_kept(client, official_x, administrator,
                                                                           programme, manual):
    path = f"/panel/program-wspolpracy/{programme.slug}/wskazniki/{manual.pk}/wartosci/"
    client.force_login(official_x)
    assert client.post(path, {"year": "2026", "value": "120", "note": "z wydziałów"}).status_code == 302
    entry = IndicatorValue.objects.get(indicator=manual, year=2026)
    assert entry.value == Decimal(120) and entry.entered_by == official_x and entry.entered_at
    client.force_login(administrator)
    client.post(path, {"year": "2026", "value": "130"})
    entry.refresh_from_db()
    assert entry.value == Decimal(130) and entry.entered_by == administrator
    assert IndicatorValue.objects.count() == 1
    for bad in ({"year": "1999", "value": "1"}, {"year": "2026", "value": "-5"}, {"year": "", "value": "x"}):
        response = client.post(path, bad)
        assert response.status_code == 200 and response.context["form"].errors
    entry.refresh_from_db()
    assert entry.value == Decimal(130) and IndicatorValue.objects.count() == 1


def test_a_computed_indicator_takes_no_manual_values(client, official_x, programme):
    computed = f.indicator(programme, "offers")
    client.force_login(official_x)
    response = client.post(f"/panel/program-wspolpracy/{programme.slug}/wskazniki/{computed.pk}/wartosci/",
                           {"year": "2026", "value": "3"})
    assert response.status_code == 302 and not IndicatorValue.objects.exists()
