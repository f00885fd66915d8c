"""The programme's panel, role by role and object by object, and bad input on every form: a clear message, the
typed values kept, nothing saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from partnerstwo.programme.models import PlannedFunds, Priority, Programme
from partnerstwo.programme.tests import factories as f

pytestmark = pytest.mark.django_db

PAGES = ["", "tresc/", "zadania/", "srodki/", "konsultacje/", "przyjecie/", "wersje/porownanie/"]


@pytest.fixture
def programme(department_x, official_x):
    return f.programme(department_x, by=official_x)


def paths(programme):
    return [f"/panel/program-wspolpracy/{programme.pk}/{page}" for page in PAGES]


def test_the_anonymous_visitor_is_sent_to_the_login(client, programme):
    for path in [*paths(programme), "/panel/program-wspolpracy/", "/panel/program-wspolpracy/nowy/"]:
        response = client.get(path)
        assert response.status_code == 302 and "/konto/login/" in response["Location"], path


@pytest.mark.parametrize("who", ["resident", "representative_a", "team_member"])
def test_people_without_a_staff_role_get_403(request, client, programme, who):
    client.force_login(request.getfixturevalue(who))
    for path in [*paths(programme), "/panel/program-wspolpracy/", "/panel/program-wspolpracy/nowy/"]:
        assert client.get(path).status_code == 403, path
    assert client.post(paths(programme)[1], {"title": "X"}).status_code == 403


def test_an_official_of_another_department_may_not_edit_it(client, programme, official_y):
    client.force_login(official_y)
    for path in paths(programme):
        assert client.get(path).status_code == 404, path
        assert client.post(path, {"title": "Przejęty"}).status_code in (404, 405), path
    assert programme.title not in client.get("/panel/program-wspolpracy/").content.decode()
    programme.refresh_from_db()
    assert programme.title != "Przejęty"


@pytest.mark.parametrize("who", ["official_x", "administrator"])
def test_the_departments_official_and_the_administrator_open_every_page(request, client, programme, who):
    client.force_login(request.getfixturevalue(who))
    for path in paths(programme):
        assert client.get(path).status_code == 200, path
    assert programme.title in client.get("/panel/program-wspolpracy/").content.decode()


def test_the_panel_needs_the_second_factor(programme, official_x):
    from django.test import Client

    plain = Client()
    plain.force_login(official_x)  # signed in without the second factor
    response = plain.get(paths(programme)[0])
    assert response.status_code == 302 and "/panel/" not in response["Location"]


def test_an_official_creates_a_programme_of_their_department(client, official_x, department_x):
    client.force_login(official_x)
    assert 'name="department"' not in client.get("/panel/program-wspolpracy/nowy/").content.decode()
    response = client.post("/panel/program-wspolpracy/nowy/", {
        "title": "Program na rok 2027", "year_from": "2027", "year_to": "2027"})
    programme = Programme.objects.get()
    assert response.status_code == 302 and programme.department == department_x
    assert programme.slug == "program-na-rok-2027" and programme.versions.count() == 1


def test_the_administrator_chooses_the_department(client, administrator, department_y):
    client.force_login(administrator)
    response = client.post("/panel/program-wspolpracy/nowy/", {
        "title": "Program", "year_from": "2027", "year_to": "2027"})
    assert response.status_code == 400 and "Wybierz wydział odpowiedzialny." in response.content.decode()
    client.post("/panel/program-wspolpracy/nowy/", {
        "title": "Program", "year_from": "2027", "year_to": "2027", "department": department_y.pk})
    assert Programme.objects.get().department == department_y


@pytest.mark.parametrize(("data", "message"), [
    ({"title": "", "year_from": "2027", "year_to": "2027"}, "Podaj tytuł programu."),
    ({"title": "P", "year_from": "2028", "year_to": "2027"}, "Ostatni rok nie może być wcześniejszy niż pierwszy."),
    ({"title": "P", "year_from": "1999", "year_to": "2027"}, "Podaj rok nie wcześniejszy niż 2000."),
    ({"title": "P", "year_from": "dwa", "year_to": "2027"}, "Wpisz liczbę całkowitą."),
    ({"title": "P", "year_from": "2027", "year_to": "2040"}, "Program wieloletni może obejmować najwyżej 10 lat."),
])
def test_bad_input_on_the_new_programme(client, official_x, data, message):
    client.force_login(official_x)
    response = client.post("/panel/program-wspolpracy/nowy/", data)
    html = response.content.decode()
    assert response.status_code == 400 and message in html and "error-summary" in html
    assert f'value="{data["year_from"]}"' in html
    assert not Programme.objects.exists()


def test_the_sections_form_saves_a_version_and_refuses_bad_input(client, programme, official_x):
    client.force_login(official_x)
    url = paths(programme)[1]
    response = client.post(url, {"title": "", "objectives": "Mój nowy cel", "forms": ["nieznana"]})
    html = response.content.decode()
    assert response.status_code == 400 and "Podaj tytuł programu." in html and "Wybierz formy z listy." in html
    assert "Mój nowy cel" in html and programme.versions.count() == 1
    response = client.post(url, {"title": programme.title, "objectives": "x" * 20001})
    assert response.status_code == 400 and "najwyżej 20000 znaków" in response.content.decode()
    response = client.post(url, {"title": programme.title, "objectives": "Nowy cel", "forms": ["commissioning"],
                                 "spheres": [f.sphere("sport").pk], "note": "Cel"})
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.objectives == "Nowy cel" and programme.forms == ["commissioning"]
    assert programme.versions.first().note == "Cel" and programme.versions.count() == 2


def rows(items, *, initial, prefix="rows"):
    data = {f"{prefix}-TOTAL_FORMS": str(len(items)), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for index, item in enumerate(items):
        data.update({f"{prefix}-{index}-{key}": value for key, value in item.items()})
    return data


def test_priorities_are_added_changed_ordered_and_removed_in_one_save(client, programme, official_x):
    client.force_login(official_x)
    existing = programme.priorities.get()
    sport = f.sphere("sport")
    response = client.post(paths(programme)[2], rows([
        {"id": existing.pk, "position": "2", "sphere": existing.sphere_id, "title": "Festiwal", "DELETE": ""},
        {"position": "1", "sphere": sport.pk, "title": "Sport dzieci"},
    ], initial=1))
    assert response.status_code == 302
    assert [p.title for p in programme.priorities.all()] == ["Sport dzieci", "Festiwal"]
    response = client.post(paths(programme)[2], rows([
        {"id": existing.pk, "position": "2", "sphere": existing.sphere_id, "title": "Festiwal", "DELETE": "on"},
    ], initial=1) | {"note": "Bez festiwalu"})
    assert response.status_code == 302 and not Priority.objects.filter(pk=existing.pk).exists()
    assert programme.versions.first().note == "Bez festiwalu"


def test_bad_priority_input_saves_nothing(client, programme, official_x):
    client.force_login(official_x)
    existing = programme.priorities.get()
    response = client.post(paths(programme)[2], rows([
        {"id": existing.pk, "position": "1", "sphere": existing.sphere_id, "title": "Zmieniony tytuł"},
        {"position": "-1", "sphere": "", "title": ""},
    ], initial=1))
    html = response.content.decode()
    assert response.status_code == 400 and "error-summary" in html
    assert "Wybierz sferę zadań publicznych." in html and "Podaj nazwę zadania priorytetowego." in html
    assert "Kolejność nie może być ujemna." in html and "Zmieniony tytuł" in html
    existing.refresh_from_db()
    assert existing.title == "Festiwal kultury" and programme.priorities.count() == 1
    assert programme.versions.count() == 1


def test_planned_funds_are_validated_and_saved_whole(client, programme, official_x):
    client.force_login(official_x)
    funds = programme.planned_funds.get()
    culture, sport = f.sphere("culture"), f.sphere("sport")
    priority = programme.priorities.get()
    bad = [
        {"id": funds.pk, "year": "2027", "sphere": culture.pk, "priority": priority.pk, "amount": "150 000,00"},
        {"year": "2031", "sphere": culture.pk, "priority": "", "amount": "-5"},
        {"year": "2027", "sphere": sport.pk, "priority": priority.pk, "amount": "dużo"},
    ]
    response = client.post(paths(programme)[3], rows(bad, initial=1))
    html = response.content.decode()
    assert response.status_code == 400 and "error-summary" in html
    assert "Wybierz rok, który obejmuje program." in html and "Kwota nie może być ujemna." in html
    assert "Podaj kwotę liczbą" in html and "To zadanie priorytetowe należy do innej sfery" in html
    assert 'value="150 000,00"' in html and 'value="dużo"' in html
    funds.refresh_from_db()
    assert funds.amount == 100000 and PlannedFunds.objects.count() == 1  # nothing half-saved

    twice = [
        {"id": funds.pk, "year": "2027", "sphere": culture.pk, "priority": priority.pk, "amount": "1"},
        {"year": "2027", "sphere": culture.pk, "priority": priority.pk, "amount": "2"},
    ]
    response = client.post(paths(programme)[3], rows(twice, initial=1))
    assert response.status_code == 400 and "mogą wystąpić tylko raz" in response.content.decode()

    good = [
        {"id": funds.pk, "year": "2027", "sphere": culture.pk, "priority": priority.pk, "amount": "150 000,00"},
        {"year": "2027", "sphere": sport.pk, "priority": "", "amount": "20000"},
    ]
    assert client.post(paths(programme)[3], rows(good, initial=1)).status_code == 302
    assert sorted(PlannedFunds.objects.values_list("amount", flat=True)) == [20000, 150000]
    assert "150\xa0000,00 zł" in programme.versions.first().contents["funds"]


def test_the_consultation_is_started_from_the_programme_and_refuses_bad_dates(client, programme, official_x):
    client.force_login(official_x)
    url = paths(programme)[4]
    form = {"title": "Projekt programu", "legal_basis": "art. 5a", "summary": "Projekt", "for_ngos": "on",
            "for_body": "on", "form_site": "on", "starts_on": "2026-12-10", "ends_on": "2026-12-12",
            "contact_name": "Ksawery", "contact_email": "k@example.org"}
    response = client.post(url, form)
    assert response.status_code == 400 and "art. 41i ust. 2" in response.content.decode()
    assert 'value="Projekt programu"' in response.content.decode()
    programme.refresh_from_db()
    assert programme.consultation is None and programme.status == Programme.Status.DRAFT
    response = client.post(url, form | {"ends_on": "2026-12-31"})
    programme.refresh_from_db()
    consultation = programme.consultation
    assert response.status_code == 302 and response["Location"] == f"/panel/konsultacje/{consultation.pk}/"
    assert consultation.kind == "programme" and programme.status == Programme.Status.CONSULTATION
    assert client.get(url)["Location"] == f"/panel/konsultacje/{consultation.pk}/"
    # Announced in the consultations panel: the body's opinion opens, the programme becomes public.
    assert client.post(f"/panel/konsultacje/{consultation.pk}/ogloszenie/").status_code == 302
    consultation.refresh_from_db()
    assert consultation.team_position is not None
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert programme.get_absolute_url() in page
    assert client.get(programme.get_absolute_url()).status_code == 200


def pdf(name="uchwala.pdf", content=f.PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_adoption_refuses_a_bad_file_and_a_future_date_then_records_the_resolution(client, programme, official_x):
    client.force_login(official_x)
    url = paths(programme)[5]
    response = client.post(url, {"number": "LX/1/26", "day": "2026-12-24", "document": pdf("uchwala.docx")})
    html = response.content.decode()
    assert response.status_code == 400 and "Dodaj plik PDF" in html and "nie może być w przyszłości" in html
    assert 'value="LX/1/26"' in html
    response = client.post(url, {"number": "", "day": "wczoraj", "document": pdf(content=b"nie pdf")})
    html = response.content.decode()
    assert "Podaj numer uchwały." in html and "Podaj datę w postaci RRRR-MM-DD." in html
    assert "Ten plik nie jest dokumentem PDF." in html
    programme.refresh_from_db()
    assert not programme.is_adopted
    response = client.post(url, {"number": "LX/1/26", "day": "2026-11-25", "document": pdf(),
                                 "consulted_on": "2026-09-20"})
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.is_adopted and str(programme.consulted_on) == "2026-09-20"
    # The text is fixed now: the edit pages send back to the programme.
    for path in paths(programme)[1:6]:
        assert client.get(path).status_code == 302, path
    page = client.get(programme.get_absolute_url()).content.decode()
    assert "LX/1/26" in page and "tekst uchwały (PDF)" in page
