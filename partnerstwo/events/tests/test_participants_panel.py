"""Participants for organisers and officials: who may see them, the exports, the sheet and attendance."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from conftest import PASSWORD
from partnerstwo.events.models import Registration, RegistrationMode
from partnerstwo.events.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def occurrence(organization_a):
    occurrence = factories.occurrence(factories.event(
        title="Szkolenie RODO", organization=organization_a, registration_mode=RegistrationMode.HERE, capacity=2,
    ))
    factories.registration(occurrence, name="Jan Kowalski", email="jan@example.org", organization=organization_a,
                           needs="Tłumacz PJM")
    factories.registration(occurrence, name="=HYPERLINK(\"http://zly.example\")", email="ewa@example.org")
    factories.registration(occurrence, name="Zofia Rezerwowa", email="zofia@example.org", status="waiting")
    factories.registration(occurrence, name="Piotr Zrezygnował", email="piotr@example.org", status="cancelled")
    return occurrence


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)


def urls(occurrence):
    return [
        reverse(f"panel:registrations_panel:{name}", args=[occurrence.pk])
        for name in ("detail", "export_csv", "export_xlsx", "attendance_sheet")
    ]


def test_a_stranger_is_sent_to_log_in(client, occurrence):
    for url in urls(occurrence) + [reverse("panel:registrations_panel:index")]:
        response = client.get(url)
        assert response.status_code == 302 and "/konto/" in response["Location"]


@pytest.mark.parametrize("role", ["representative_b", "team_member", "official_x", "official_y"])
def test_people_who_do_not_organise_the_event_see_nothing(client, occurrence, request, role):
    """Not every official: reviewing an organisation's events gives no sight of its participants."""
    login(client, request.getfixturevalue(role))
    for url in urls(occurrence):
        assert client.get(url).status_code == 404
    index = client.get(reverse("panel:registrations_panel:index"))
    assert "Szkolenie RODO" not in index.content.decode()


def test_residents_cannot_reach_the_participants_panel_at_all(client, occurrence, resident):
    login(client, resident)
    assert client.get(reverse("panel:registrations_panel:index")).status_code == 403
    for url in urls(occurrence):
        assert client.get(url).status_code == 404


def test_the_organisations_representative_sees_the_participants_and_their_needs(client, occurrence,
                                                                                representative_a):
    login(client, representative_a)
    index = client.get(reverse("panel:registrations_panel:index")).content.decode()
    assert "Szkolenie RODO" in index
    page = client.get(urls(occurrence)[0]).content.decode()
    for text in ("Jan Kowalski", "jan@example.org", "Tłumacz PJM", "Fundacja Alfa", "Zofia Rezerwowa",
                 "Piotr Zrezygnował"):
        assert text in page


def test_an_administrator_sees_the_list_but_not_the_needs_in_the_page_or_the_exports(
    client, occurrence, administrator
):
    login(client, administrator)
    page = client.get(urls(occurrence)[0]).content.decode()
    assert "Jan Kowalski" in page and "jan@example.org" in page
    assert "Tłumacz PJM" not in page and "widzi tylko organizator" in page
    rows = list(csv.reader(io.StringIO(client.get(urls(occurrence)[1]).content.decode("utf-8-sig"))))
    assert "Potrzeby" not in rows[0] and "Tłumacz PJM" not in sum(rows, [])
    sheet = load_workbook(io.BytesIO(client.get(urls(occurrence)[2]).content)).active
    assert "Potrzeby" not in list(sheet.values)[0]


def test_a_representative_whose_representation_ends_loses_the_list_at_once(
    client, occurrence, organization_a, representative_a
):
    login(client, representative_a)
    assert client.get(urls(occurrence)[0]).status_code == 200
    organization_a.representations.all().delete()
    for url in urls(occurrence):
        assert client.get(url).status_code == 404


def test_the_team_sees_the_participants_of_the_advisory_bodys_events_until_leaving_it(client, team_member):
    occurrence = factories.occurrence(factories.event(
        organizer_kind="advisory_body", registration_mode=RegistrationMode.HERE,
    ))
    factories.registration(occurrence, name="Jan Kowalski", needs="Dieta bezglutenowa")
    login(client, team_member)
    page = client.get(urls(occurrence)[0]).content.decode()
    assert "Jan Kowalski" in page and "Dieta bezglutenowa" in page
    team_member.role = "resident"
    team_member.save()
    assert client.get(urls(occurrence)[0]).status_code == 404


def test_an_officials_own_event_is_hidden_from_an_official_of_another_department(
    client, official_x, official_y, department_x
):
    occurrence = factories.occurrence(factories.event(
        organizer_kind="city", department=department_x, registration_mode=RegistrationMode.HERE,
    ))
    login(client, official_y)
    assert client.get(urls(occurrence)[0]).status_code == 404
    login(client, official_x)
    assert client.get(urls(occurrence)[0]).status_code == 200


def test_the_list_of_dates_takes_a_constant_number_of_queries(
    client, organization_a, representative_a, django_assert_num_queries
):
    for _ in range(6):
        event = factories.event(organization=organization_a, registration_mode=RegistrationMode.HERE)
        occurrence = factories.occurrence(event)
        factories.registration(occurrence)
    login(client, representative_a)
    client.get(reverse("panel:registrations_panel:index"))  # warm the session and the user
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("panel:registrations_panel:index"))
    for _ in range(6):
        factories.occurrence(factories.event(organization=organization_a, registration_mode=RegistrationMode.HERE))
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(reverse("panel:registrations_panel:index"))
    assert response.content.decode().count("/panel/zapisy/") >= 12


def test_the_csv_export_has_a_header_row_every_registration_and_no_live_formulas(client, occurrence,
                                                                                 representative_a):
    login(client, representative_a)
    response = client.get(urls(occurrence)[1])
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Lp.", "Imię i nazwisko", "E-mail", "Organizacja", "Potrzeby", "Status", "Zapisano", "Obecność"]
    assert [row[1] for row in rows[1:]] == [
        "Jan Kowalski", "'=HYPERLINK(\"http://zly.example\")", "Zofia Rezerwowa", "Piotr Zrezygnował",
    ]
    assert rows[1][3:6] == ["Fundacja Alfa", "Tłumacz PJM", "zapisany"]


def test_the_xlsx_export_opens_in_a_spreadsheet_with_a_header_row(client, occurrence, representative_a):
    login(client, representative_a)
    response = client.get(urls(occurrence)[2])
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][:3] == ("Lp.", "Imię i nazwisko", "E-mail")
    assert [row[1] for row in values[1:]][0] == "Jan Kowalski"
    assert len(values) == 5


def test_the_attendance_sheet_lists_confirmed_people_for_printing(client, occurrence, representative_a):
    login(client, representative_a)
    page = client.get(urls(occurrence)[3]).content.decode()
    assert "Lista obecności: Szkolenie RODO" in page and "Podpis" in page
    assert "Jan Kowalski" in page
    assert "Zofia Rezerwowa" not in page and "Piotr Zrezygnował" not in page


def test_attendance_is_marked_only_after_the_event_has_started(client, occurrence, representative_a):
    login(client, representative_a)
    jan = Registration.objects.get(email="jan@example.org")
    before = client.post(urls(occurrence)[0], {f"r{jan.pk}": "on"})
    assert "Zapisz obecność" not in before.content.decode()
    jan.refresh_from_db()
    assert jan.attended is None

    occurrence.starts_at = timezone.now() - datetime.timedelta(hours=1)
    occurrence.save()
    page = client.get(urls(occurrence)[0]).content.decode()
    assert "Zapisz obecność" in page
    response = client.post(urls(occurrence)[0], {f"r{jan.pk}": "on", "r999999": "on"})
    assert response.status_code == 302
    attended = dict(Registration.objects.values_list("email", "attended"))
    assert attended == {
        "jan@example.org": True, "ewa@example.org": False, "zofia@example.org": None, "piotr@example.org": None,
    }
    rows = list(csv.reader(io.StringIO(client.get(urls(occurrence)[1]).content.decode("utf-8-sig"))))
    assert rows[1][7] == "tak" and rows[2][7] == "nie"


def test_places_held_for_unconfirmed_addresses_are_shown_apart(client, occurrence, representative_a):
    from partnerstwo.events import registration

    occurrence.event.capacity = 5
    occurrence.event.save()
    registration.register(occurrence=occurrence, name="Ola Nowa", email="ola@example.org", confirmed=False)
    login(client, representative_a)
    index = client.get(reverse("panel:registrations_panel:index")).content.decode()
    assert "1 miejsce czeka na potwierdzenie adresu" in index
    page = client.get(urls(occurrence)[0]).content.decode()
    assert "Czekają na potwierdzenie adresu e-mail" in page and "Ola Nowa" in page
