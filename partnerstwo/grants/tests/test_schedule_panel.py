"""The schedule in the staff panel, role by role: who edits which rows, who comments when, who sees nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerstwo.grants.schedule.models import (
    PlannedCompetition,
    PlannedCompetitionChange,
    ScheduleComment,
    ScheduleYear,
)
from partnerstwo.grants.tests import factories
from partnerstwo.lib.testing import first_link, message_text

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"panel:grants_panel:{name}", args=args)


def row_data(**overrides):
    data = {"task": "Kluby seniora na osiedlach", "sphere": "", "mode": "support", "planned_month": "4",
            "planned_amount": "50000", "notes": ""}
    data.update(overrides)
    return data


@pytest.fixture
def culture():
    from partnerstwo.city.models import PublicTaskSphere

    return PublicTaskSphere.objects.get(slug="culture")


# --- Officials and their own department ---


def test_an_official_adds_a_row_for_their_own_department(client, official_x, culture):
    year = factories.schedule_year(2027, status="draft")
    client.force_login(official_x)
    response = client.post(url("schedule_row_create", 2027), row_data(sphere=culture.pk))
    assert response.status_code == 302
    row = PlannedCompetition.objects.get(schedule=year)
    assert row.department == official_x.department
    assert row.planned_month == 4 and row.planned_amount == 50000


def test_an_official_cannot_choose_another_department(client, official_x, department_y, culture):
    factories.schedule_year(2027, status="draft")
    client.force_login(official_x)
    client.post(url("schedule_row_create", 2027), row_data(sphere=culture.pk, department=department_y.pk))
    assert PlannedCompetition.objects.get().department == official_x.department


def test_an_official_edits_their_departments_row(client, official_x):
    row = factories.planned(factories.schedule_year(2027, status="draft"), official_x.department, month=3)
    client.force_login(official_x)
    response = client.post(url("schedule_row_edit", row.pk), row_data(sphere=row.sphere_id, planned_month="5"))
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.planned_month == 5
    assert not PlannedCompetitionChange.objects.exists()  # a draft keeps no public change record


def test_an_official_of_another_department_cannot_edit_or_withdraw_the_row(client, official_y, department_x):
    row = factories.planned(factories.schedule_year(2027), department_x, month=3)
    client.force_login(official_y)
    assert client.get(url("schedule_row_edit", row.pk)).status_code == 404
    assert client.post(url("schedule_row_edit", row.pk), row_data(sphere=row.sphere_id)).status_code == 404
    assert client.post(url("schedule_row_withdraw", row.pk)).status_code == 404
    row.refresh_from_db()
    assert row.planned_month == 3 and not row.is_withdrawn


def test_an_official_sees_edit_links_only_on_their_own_rows(client, official_x, department_y):
    year = factories.schedule_year(2027, status="draft")
    own = factories.planned(year, official_x.department)
    other = factories.planned(year, department_y)
    client.force_login(official_x)
    html = client.get(url("schedule_year", 2027)).content.decode()
    assert url("schedule_row_edit", own.pk) in html
    assert url("schedule_row_edit", other.pk) not in html
    assert other.task in html  # they may read the other departments' plans


def test_an_administrator_edits_any_department_and_chooses_it(client, administrator, department_x, department_y):
    row = factories.planned(factories.schedule_year(2027, status="draft"), department_x)
    client.force_login(administrator)
    response = client.post(url("schedule_row_edit", row.pk),
                           row_data(sphere=row.sphere_id, department=department_y.pk))
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.department == department_y


def test_an_administrator_must_choose_a_department(client, administrator, culture):
    factories.schedule_year(2027, status="draft")
    client.force_login(administrator)
    response = client.post(url("schedule_row_create", 2027), row_data(sphere=culture.pk))
    assert response.status_code == 200
    assert "Wybierz wydział." in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"planned_amount": "-5"}, "Kwota nie może być ujemna."),
        ({"planned_amount": "dużo"}, "Podaj kwotę jako liczbę"),
        ({"planned_month": "13"}, "Wybierz miesiąc od stycznia do grudnia."),
        ({"planned_month": "0"}, "Wybierz miesiąc od stycznia do grudnia."),
        ({"sphere": ""}, "Wybierz sferę zadań publicznych."),
        ({"task": ""}, "Opisz zadanie publiczne."),
        ({"mode": "dotacja"}, "Wybierz formę zlecenia"),
    ],
)
def test_the_row_form_explains_each_mistake_in_polish_and_keeps_the_text(
    client, official_x, culture, overrides, message
):
    factories.schedule_year(2027, status="draft")
    client.force_login(official_x)
    data = row_data(sphere=culture.pk)
    data.update(overrides)
    response = client.post(url("schedule_row_create", 2027), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Kluby seniora na osiedlach" in html or overrides.get("task") == ""
    assert not PlannedCompetition.objects.exists()


def test_a_polish_decimal_comma_is_accepted(client, official_x, culture):
    factories.schedule_year(2027, status="draft")
    client.force_login(official_x)
    client.post(url("schedule_row_create", 2027), row_data(sphere=culture.pk, planned_amount="12500,50"))
    assert str(PlannedCompetition.objects.get().planned_amount) == "12500.50"


def test_withdrawing_a_draft_row_removes_it(client, official_x):
    row = factories.planned(factories.schedule_year(2027, status="draft"), official_x.department)
    client.force_login(official_x)
    assert client.post(url("schedule_row_withdraw", row.pk)).status_code == 302
    assert not PlannedCompetition.objects.exists()


def test_withdrawing_a_published_row_keeps_it_marked_with_a_change(client, official_x):
    row = factories.planned(factories.schedule_year(2027), official_x.department)
    client.force_login(official_x)
    client.post(url("schedule_row_withdraw", row.pk))
    row.refresh_from_db()
    assert row.is_withdrawn
    change = PlannedCompetitionChange.objects.get(row=row)
    assert change.field == "is_withdrawn" and change.changed_by == official_x


# --- Years and their status ---


def test_only_an_administrator_creates_a_year_and_only_once(client, official_x, administrator):
    client.force_login(official_x)
    assert client.post(url("schedule_index"), {"year": "2028"}).status_code == 403
    assert not ScheduleYear.objects.exists()
    client.force_login(administrator)
    assert client.post(url("schedule_index"), {"year": "2028"}).status_code == 302
    response = client.post(url("schedule_index"), {"year": "2028"})
    assert "Harmonogram na ten rok już istnieje." in response.content.decode()
    assert ScheduleYear.objects.get().status == ScheduleYear.Status.DRAFT


def test_the_schedule_goes_from_draft_to_consultation_to_published(
    client, administrator, team_member, use_smtp, django_capture_on_commit_callbacks
):
    factories.schedule_year(2027, status="draft")
    client.force_login(administrator)
    until = (timezone.localdate() + dt.timedelta(days=14)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("schedule_status", 2027), {"action": "consultation", "comments_until": until, "notify": "on"})
    year = ScheduleYear.objects.get()
    assert year.status == ScheduleYear.Status.CONSULTATION and year.comments_until.isoformat() == until
    assert [message["To"] for message in use_smtp.messages] == [team_member.email]
    assert first_link(message_text(use_smtp.messages[0]), url("schedule_year", 2027))
    client.post(url("schedule_status", 2027), {"action": "publish"})
    year.refresh_from_db()
    assert year.status == ScheduleYear.Status.PUBLISHED and year.published_at is not None


def test_a_draft_cannot_be_published_without_the_consultation(client, official_x):
    factories.schedule_year(2027, status="draft")
    client.force_login(official_x)
    client.post(url("schedule_status", 2027), {"action": "publish"})
    assert ScheduleYear.objects.get().status == ScheduleYear.Status.DRAFT


def test_an_official_cannot_publish_the_whole_schedule(client, official_x):
    factories.schedule_year(2027, status="consultation")
    client.force_login(official_x)
    assert client.post(url("schedule_status", 2027), {"action": "publish"}).status_code == 403
    assert ScheduleYear.objects.get().status == ScheduleYear.Status.CONSULTATION


def test_the_consultation_needs_a_date_not_in_the_past(client, administrator):
    factories.schedule_year(2027, status="draft")
    client.force_login(administrator)
    response = client.post(url("schedule_status", 2027), {"action": "consultation", "comments_until": "2020-01-01"})
    assert "Termin uwag nie może być w przeszłości." in response.content.decode()
    assert ScheduleYear.objects.get().status == ScheduleYear.Status.DRAFT


# --- The Team ---


def test_a_team_member_reads_the_draft_and_comments_during_the_consultation(client, team_member, official_x):
    year = factories.schedule_year(2027, status="consultation", comments_until=timezone.localdate())
    row = factories.planned(year, official_x.department, task="Kluby seniora")
    client.force_login(team_member)
    assert "Kluby seniora" in client.get(url("schedule_year", 2027)).content.decode()
    client.post(url("schedule_year", 2027), {"text": "Za mała kwota na kluby.", "row": row.pk})
    client.post(url("schedule_year", 2027), {"text": "Prosimy o konkurs na wolontariat.", "row": ""})
    assert ScheduleComment.objects.get(row=row).author == team_member
    assert ScheduleComment.objects.get(row=None).text == "Prosimy o konkurs na wolontariat."

    client.force_login(official_x)
    html = client.get(url("schedule_year", 2027)).content.decode()
    assert "Za mała kwota na kluby." in html and "Prosimy o konkurs na wolontariat." in html


def test_a_team_member_cannot_comment_outside_the_consultation(client, team_member):
    factories.schedule_year(2027, status="draft")
    client.force_login(team_member)
    assert client.post(url("schedule_year", 2027), {"text": "Uwaga"}).status_code == 403
    assert not ScheduleComment.objects.exists()


def test_a_team_member_cannot_edit_rows_or_change_the_status(client, team_member, department_x, culture):
    year = factories.schedule_year(2027, status="consultation")
    row = factories.planned(year, department_x)
    client.force_login(team_member)
    assert client.post(url("schedule_row_edit", row.pk), row_data(sphere=culture.pk)).status_code == 404
    assert client.post(url("schedule_row_create", 2027), row_data(sphere=culture.pk)).status_code == 403
    assert client.post(url("schedule_status", 2027), {"action": "publish"}).status_code == 403
    assert client.post(url("schedule_index"), {"year": "2029"}).status_code == 403
    assert ScheduleYear.objects.get().status == ScheduleYear.Status.CONSULTATION


def test_an_official_cannot_comment_as_the_team(client, official_x):
    factories.schedule_year(2027, status="consultation")
    client.force_login(official_x)
    assert client.post(url("schedule_year", 2027), {"text": "Uwaga"}).status_code == 403


# --- Everybody else ---


@pytest.mark.parametrize("who", ["resident", "representative_a"])
def test_residents_and_representatives_have_no_panel_access(request, client, who, department_x):
    row = factories.planned(factories.schedule_year(2027, status="draft"), department_x)
    client.force_login(request.getfixturevalue(who))
    for address in [url("schedule_index"), url("schedule_year", 2027), url("schedule_row_edit", row.pk),
                    url("schedule_row_create", 2027), url("schedule_status", 2027)]:
        assert client.get(address).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    factories.schedule_year(2027, status="draft")
    response = client.get(url("schedule_year", 2027))
    assert response.status_code == 302 and "login" in response["Location"]


def test_comments_close_after_the_day_set_for_them(client, team_member):
    factories.schedule_year(2027, status="consultation", comments_until=timezone.localdate() - dt.timedelta(days=1))
    client.force_login(team_member)
    assert "Termin zgłaszania uwag minął." in client.get(url("schedule_year", 2027)).content.decode()
    assert client.post(url("schedule_year", 2027), {"text": "Spóźniona uwaga"}).status_code == 403
    assert not ScheduleComment.objects.exists()
