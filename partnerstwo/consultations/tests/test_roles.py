"""Every page of consultations, role by role and object by object: the anonymous visitor, a resident, a
representative, a Team member, an official of the consultation's department and of another one, an
administrator."""

import datetime as dt

import pytest

from partnerstwo.consultations import participation
from partnerstwo.consultations.models import Comment
from partnerstwo.consultations.tests import factories as f

pytestmark = pytest.mark.django_db

PANEL_PAGES = ["", "edycja/", "tekst/", "uwagi/nowa/", "uwagi/{comment}/usuniecie/", "odpowiedzi/", "sprawozdanie/"]
PANEL_ACTIONS = ["ogloszenie/", "dokumenty/"]


@pytest.fixture
def consultation(department_x, official_x, representative_a, organization_a):
    item = f.consultation(department_x, by=official_x)
    participation.submit_comment(item, by=representative_a, capacity="organization", organization=organization_a,
                                 unit=None, proposed_wording="Propozycja A", justification="Bo A.")
    return item


def panel_paths(consultation):
    comment = consultation.comments.get()
    return [f"/panel/konsultacje/{consultation.pk}/{page.format(comment=comment.pk)}" for page in PANEL_PAGES]


def test_the_anonymous_visitor_reads_but_is_sent_to_the_login_for_everything_else(client, consultation):
    assert client.get(consultation.get_absolute_url()).status_code == 200
    assert client.get("/konsultacje/").status_code == 200
    for path in [*panel_paths(consultation), "/panel/konsultacje/", "/panel/konsultacje/nowe/",
                 f"{consultation.get_absolute_url()}uwaga/", f"{consultation.get_absolute_url()}opinia/"]:
        response = client.get(path)
        assert response.status_code == 302 and "/konto/login/" in response["Location"], path
    assert "/konto/login/" in client.post(f"{consultation.get_absolute_url()}obserwuj/")["Location"]


@pytest.mark.parametrize("who", ["resident", "representative_a", "team_member"])
def test_people_without_a_staff_role_get_403_in_the_panel(request, client, consultation, who):
    client.force_login(request.getfixturevalue(who))
    for path in [*panel_paths(consultation), "/panel/konsultacje/", "/panel/konsultacje/nowe/"]:
        assert client.get(path).status_code == 403, path
    for action in PANEL_ACTIONS:
        assert client.post(f"/panel/konsultacje/{consultation.pk}/{action}").status_code == 403, action


def test_an_official_of_another_department_finds_nothing_of_this_one(client, consultation, official_y):
    client.force_login(official_y)
    for path in panel_paths(consultation):
        assert client.get(path).status_code == 404, path
    for action in PANEL_ACTIONS:
        assert client.post(f"/panel/konsultacje/{consultation.pk}/{action}").status_code == 404, action
    assert consultation.title not in client.get("/panel/konsultacje/").content.decode()


@pytest.mark.parametrize("who", ["official_x", "administrator"])
def test_the_departments_official_and_the_administrator_open_every_panel_page(request, client, consultation, who):
    client.force_login(request.getfixturevalue(who))
    for path in panel_paths(consultation):
        assert client.get(path).status_code == 200, path
    assert consultation.title in client.get("/panel/konsultacje/").content.decode()


def test_the_administrator_chooses_the_department_an_official_cannot(client, official_x, administrator,
                                                                   department_y):
    client.force_login(official_x)
    assert 'name="department"' not in client.get("/panel/konsultacje/nowe/").content.decode()
    client.force_login(administrator)
    assert 'name="department"' in client.get("/panel/konsultacje/nowe/").content.decode()


def test_an_official_without_an_organisation_cannot_comment(client, consultation, official_x):
    client.force_login(official_x)

    response = client.post(f"{consultation.get_absolute_url()}uwaga/", {
        "capacity": "organization", "proposed_wording": "X", "justification": "Y"})

    assert response.status_code == 403 and consultation.comments.count() == 1


def test_nobody_edits_or_withdraws_someone_elses_comment(client, consultation, representative_b, official_x):
    comment = consultation.comments.get()
    base = f"{consultation.get_absolute_url()}uwagi/{comment.pk}"
    for user in (representative_b, official_x):
        client.force_login(user)
        assert client.get(f"{base}/edycja/").status_code == 404
        assert client.post(f"{base}/wycofanie/").status_code == 404
    comment.refresh_from_db()
    assert comment.withdrawn_at is None and comment.proposed_wording == "Propozycja A"


def test_a_consultation_in_preparation_and_an_unpublished_report_are_not_public(client, department_x, official_x,
                                                                                consultation):
    draft = f.consultation(department_x, by=official_x, announced=False, title="W przygotowaniu")
    client.force_login(official_x)  # not even its own official sees it outside the panel
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"{consultation.get_absolute_url()}sprawozdanie/").status_code == 404
    assert client.get(f"{consultation.get_absolute_url()}sprawozdanie.pdf").status_code == 404
    assert client.get(f"{consultation.get_absolute_url()}sprawozdanie.xlsx").status_code == 404


def test_draft_answers_stay_out_of_public_pages_until_the_report(client, consultation, official_x, fixed_clock):
    from partnerstwo.consultations import answering

    fixed_clock.move_to(consultation.deadline() + dt.timedelta(hours=1))
    answering.answer(consultation, comment_ids=[consultation.comments.get().pk], decision="rejected",
                     justification="Odpowiedź robocza wydziału.", by=official_x)

    assert "Odpowiedź robocza" not in client.get(consultation.get_absolute_url()).content.decode()
    answering.publish_report(consultation, by=official_x, outcome="Wynik.")
    assert "Odpowiedź robocza" in client.get(consultation.get_absolute_url()).content.decode()


def test_a_team_member_speaks_for_the_team_only_where_the_team_is_consulted(client, department_x, official_x,
                                                                           team_member):
    without_team = f.consultation(department_x, by=official_x, for_body=False, title="Bez Zespołu")
    client.force_login(team_member)

    response = client.post(f"{without_team.get_absolute_url()}uwaga/", {
        "capacity": "body", "proposed_wording": "X", "justification": "Y"})

    assert response.status_code == 403 and not Comment.objects.filter(consultation=without_team).exists()


def test_the_report_lists_whole_draft_comments_first_then_in_the_order_of_the_draft(
        department_x, official_x, representative_a, organization_a):
    from partnerstwo.consultations import report

    consultation = f.consultation(department_x, by=official_x)
    for anchor in ("par-3", "par-1", None):
        participation.submit_comment(
            consultation, by=representative_a, capacity="organization", organization=organization_a,
            unit=participation.unit_for_comment(consultation, anchor), proposed_wording=f"Do {anchor}",
            justification="B")

    assert [c.proposed_wording for c in report.comments(consultation)] == ["Do None", "Do par-1", "Do par-3"]
