"""The panel's builder, role by role: officials, administrators and sitting Team members build; a former member,
residents and representatives do not. Bad input on each form; a questionnaire with answers is frozen."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerstwo.organizations.tests import factories as directory
from partnerstwo.surveys.models import Question, Response, Section, Survey
from partnerstwo.team.models import Membership

from . import factories

BUILDERS = ["official_x", "team_member", "administrator"]


def url(name, *args):
    return reverse(f"panel:surveys_panel:{name}", args=args)


@pytest.fixture
def survey(db):
    return factories.survey()


@pytest.mark.parametrize("role", BUILDERS)
def test_builders_open_the_panel_pages(client, survey, role, request):
    client.force_login(request.getfixturevalue(role))
    for page in [url("index"), url("create"), url("detail", survey.pk), url("edit", survey.pk),
                 url("section_create", survey.pk), url("question_create", survey.pk), url("results", survey.pk)]:
        assert client.get(page).status_code == 200, page


@pytest.mark.parametrize("role", ["resident", "representative_a"])
def test_others_are_refused(client, survey, role, request):
    client.force_login(request.getfixturevalue(role))
    assert client.get(url("index")).status_code == 403
    assert client.post(url("create"), {"title": "X"}).status_code == 403
    assert client.get(url("results", survey.pk)).status_code == 403
    assert client.get(url("export", survey.pk, "csv")).status_code == 403


def test_anonymous_is_sent_to_log_in(client, survey):
    assert client.get(url("detail", survey.pk)).status_code == 302


def test_a_former_team_member_loses_access_the_day_after_leaving(client, survey, team_member):
    Membership.objects.filter(user=team_member).update(left_on=timezone.localdate() - dt.timedelta(days=1))
    client.force_login(team_member)
    assert client.get(url("index")).status_code == 403
    assert client.get(url("results", survey.pk)).status_code == 403


def test_an_official_creates_a_survey_for_a_sphere(client, official_x):
    client.force_login(official_x)
    sphere = directory.sphere("ecology-animals")
    today = timezone.localdate()
    response = client.post(url("create"), {
        "title": "Potrzeby organizacji ekologicznych", "intro": "", "opens_on": today.isoformat(),
        "closes_on": (today + dt.timedelta(days=14)).isoformat(), "audience": "sphere", "sphere": sphere.pk,
        "results_public": "on",
    })
    survey = Survey.objects.get()
    assert response.status_code == 302
    assert survey.sphere == sphere and survey.created_by == official_x
    assert survey.sections.count() == 1


def test_bad_survey_settings_are_refused_with_messages(client, official_x):
    client.force_login(official_x)
    today = timezone.localdate()
    response = client.post(url("create"), {
        "title": "", "opens_on": today.isoformat(), "closes_on": (today - dt.timedelta(days=1)).isoformat(),
        "audience": "sector_group",
    })
    page = response.content.decode()
    assert response.status_code == 200
    assert "Podaj tytuł badania." in page
    assert "Ostatni dzień nie może być wcześniejszy niż dzień otwarcia." in page
    assert "Wybierz grupę branżową." in page
    assert "<title>Błąd:" in page
    assert not Survey.objects.exists()
    response = client.post(url("create"), {"title": "T", "opens_on": "jutro", "closes_on": "", "audience": "x"})
    page = response.content.decode()
    assert "Podaj datę w postaci RRRR-MM-DD." in page and "Podaj ostatni dzień." in page
    assert not Survey.objects.exists()


def test_a_team_member_adds_sections_and_questions_and_orders_them(client, survey, team_member):
    client.force_login(team_member)
    client.post(url("section_create", survey.pk), {"title": "Lokal", "description": ""})
    section = Section.objects.get(title="Lokal")
    response = client.post(url("question_create", survey.pk), {
        "section": section.pk, "text": "Czy macie lokal?", "kind": "single", "required": "on",
        "choices_text": "Tak, własny\nTak, wynajmowany\nNie", "scale_min": 1, "scale_max": 5,
    })
    assert response.status_code == 302
    question = Question.objects.get(text="Czy macie lokal?")
    assert [choice.label for choice in question.choices.all()] == ["Tak, własny", "Tak, wynajmowany", "Nie"]
    client.post(url("question_create", survey.pk), {
        "section": section.pk, "text": "Ile osób?", "kind": "scale", "scale_min": 0, "scale_max": 10,
        "scale_min_label": "nikt", "scale_max_label": "wszyscy",
    })
    second = Question.objects.get(text="Ile osób?")
    client.post(url("move", survey.pk, "pytanie", second.pk), {"kierunek": "w-gore"})
    assert list(section.questions.values_list("text", flat=True)) == ["Ile osób?", "Czy macie lokal?"]
    client.post(url("move", survey.pk, "czesc", section.pk), {"kierunek": "w-gore"})
    assert list(survey.sections.values_list("title", flat=True)) == ["Szkolenia", "Lokal", "Współpraca z miastem"]
    client.post(url("delete", survey.pk, "pytanie", second.pk))
    assert not Question.objects.filter(pk=second.pk).exists()


def test_bad_questions_are_refused_with_messages(client, survey, official_x):
    client.force_login(official_x)
    section = survey.sections.first()
    before = Question.objects.count()
    cases = [
        ({"section": section.pk, "text": "", "kind": "single", "choices_text": "Jedna"},
         ["Wpisz treść pytania.", "Podaj co najmniej dwie odpowiedzi"]),
        ({"section": section.pk, "text": "P", "kind": "multiple", "choices_text": "A\nA"},
         ["Odpowiedzi do wyboru nie mogą się powtarzać."]),
        ({"section": section.pk, "text": "P", "kind": "scale", "scale_min": 5, "scale_max": 3},
         ["Koniec skali musi być większy niż początek i najwyżej 10."]),
        ({"section": 999999, "text": "P", "kind": "text"}, ["Wybierz jedną z części tej ankiety."]),
        ({"section": section.pk, "text": "P", "kind": "nonsense"}, ["Rodzaj"]),
    ]
    for data, expected in cases:
        response = client.post(url("question_create", survey.pk), {"scale_min": 1, "scale_max": 5, **data})
        page = response.content.decode()
        assert response.status_code == 200
        for text in expected:
            assert text in page, (data, text)
    assert Question.objects.count() == before
    section_page = client.post(url("section_create", survey.pk), {"title": ""}).content.decode()
    assert "Podaj tytuł części." in section_page and not Section.objects.filter(title="").exists()
    assert client.post(url("move", survey.pk, "cos", section.pk)).status_code == 404
    assert client.get(url("export", survey.pk, "pdf")).status_code == 404


def test_a_section_of_another_survey_is_not_found(client, survey, official_x):
    other = factories.survey("Inne")
    client.force_login(official_x)
    foreign = other.sections.first()
    assert client.get(url("section_edit", survey.pk, foreign.pk)).status_code == 404
    assert client.post(url("delete", survey.pk, "czesc", foreign.pk)).status_code == 404


def test_a_questionnaire_with_answers_is_frozen(client, survey, official_x, organization_a):
    Response.objects.create(survey=survey, organization=organization_a)
    client.force_login(official_x)
    question = survey.questions.first()
    section = survey.sections.first()
    page = client.get(url("detail", survey.pk)).content.decode()
    assert "jej pytań nie można zmieniać" in page
    client.post(url("question_edit", survey.pk, question.pk), {
        "section": section.pk, "text": "Zmienione", "kind": "text", "scale_min": 1, "scale_max": 5,
    })
    client.post(url("delete", survey.pk, "czesc", section.pk))
    client.post(url("section_create", survey.pk), {"title": "Nowa"})
    client.post(url("move", survey.pk, "pytanie", question.pk), {"kierunek": "w-dol"})
    question.refresh_from_db()
    assert question.text != "Zmienione"
    assert Section.objects.filter(pk=section.pk).exists() and not Section.objects.filter(title="Nowa").exists()
    # The settings stay editable, the audience does not.
    sphere = directory.sphere("ecology-animals")
    client.post(url("edit", survey.pk), {
        "title": "Nowy tytuł", "opens_on": survey.opens_on.isoformat(), "closes_on": survey.closes_on.isoformat(),
        "audience": "sphere", "sphere": sphere.pk,
    })
    survey.refresh_from_db()
    assert survey.title == "Nowy tytuł" and survey.audience == "all" and survey.sphere is None
