"""Answering a survey: by the e-mailed signed link or as a representative; once per organisation, edited until
the close; bad input gets Polish messages with the typed values kept."""

import datetime as dt

import pytest
from django.urls import reverse

from partnerstwo.newsletter.links import organization_link_token
from partnerstwo.organizations.tests import factories as directory
from partnerstwo.surveys.models import Answer, Response
from partnerstwo.surveys.sending import SOURCE

from . import factories


def link(survey, organization):
    token = organization_link_token(SOURCE, survey.pk, organization.pk)
    return reverse("surveys:answer_by_link", args=[survey.pk, token])


@pytest.fixture
def survey(db):
    return factories.survey()


def test_the_link_shows_the_form_with_fieldsets_and_required_marks(client, survey, organization_a):
    response = client.get(link(survey, organization_a))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Fundacja Alfa" in page
    assert page.count("<fieldset") == 3  # single, multiple, scale; the text question has a label
    assert "<legend>Czy organizacja zatrudnia pracowników? <span class=\"required-mark\">(obowiązkowe)" in page


def test_answering_by_link_saves_one_response(client, survey, organization_a):
    response = client.post(link(survey, organization_a), factories.valid_post(survey))
    assert response.status_code == 302
    saved = Response.objects.get(survey=survey, organization=organization_a)
    assert saved.channel == Response.Channel.LINK and saved.submitted_by is None
    assert saved.answers.count() == 4


def test_answering_twice_edits_the_response_instead_of_adding_one(client, survey, organization_a):
    client.post(link(survey, organization_a), factories.valid_post(survey))
    changed = factories.valid_post(survey, text="Inaczej", trainings=("RODO", "Księgowość"))
    client.post(link(survey, organization_a), changed)
    assert Response.objects.filter(survey=survey).count() == 1
    assert set(Answer.objects.filter(response__survey=survey).values_list("text", flat=True)) == {"", "Inaczej"}
    assert Answer.objects.filter(response__survey=survey, choice__isnull=False).count() == 3
    # The form shows what was saved.
    page = client.get(link(survey, organization_a)).content.decode()
    assert "Inaczej" in page and "Odpowiedzi zapisano" in page


def test_a_tampered_or_foreign_token_opens_nothing(client, survey, organization_a):
    good = organization_link_token(SOURCE, survey.pk, organization_a.pk)
    other_survey = factories.survey("Inne badanie")
    for token in [good[:-2] + ("AA" if not good.endswith("AA") else "BB"), "nonsense", good.replace(":", "")]:
        assert client.get(reverse("surveys:answer_by_link", args=[survey.pk, token])).status_code == 404
    # A token for one survey does not open another.
    assert client.get(reverse("surveys:answer_by_link", args=[other_survey.pk, good])).status_code == 404
    assert not Response.objects.exists()


def test_missing_and_bad_answers_are_refused_with_the_typed_values_kept(client, survey, organization_a):
    found = factories.questions(survey)
    data = factories.valid_post(survey, text="Mój tekst, który zostaje")
    data[f"q{found['single'].pk}"] = ""  # required, missing
    data[f"q{found['scale'].pk}"] = "9"  # out of the scale
    data[f"q{found['multiple'].pk}"] = ["999999"]  # not one of the options
    response = client.post(link(survey, organization_a), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Formularz zawiera błędy" in page
    assert "Wybierz jedną odpowiedź." in page
    assert "Wybierz jedną z wartości skali." in page
    assert "Zaznacz tylko podane odpowiedzi." in page
    assert "Mój tekst, który zostaje" in page
    assert 'aria-invalid="true"' in page
    assert not Response.objects.exists()


def test_a_too_long_text_is_refused(client, survey, organization_a):
    response = client.post(link(survey, organization_a), factories.valid_post(survey, text="x" * 5001))
    assert "najwyżej 5000 znaków" in response.content.decode()
    assert not Response.objects.exists()


def test_a_closed_survey_refuses_edits(client, survey, organization_a, fixed_clock):
    client.post(link(survey, organization_a), factories.valid_post(survey, text="Przed zamknięciem"))
    fixed_clock.move_to(dt.datetime.combine(survey.closes_on + dt.timedelta(days=1), dt.time(12)))
    response = client.post(link(survey, organization_a), factories.valid_post(survey, text="Po zamknięciu"))
    assert response.status_code == 200
    assert "Badanie jest zamknięte" in response.content.decode()
    assert Answer.objects.filter(text="Przed zamknięciem").exists()
    assert not Answer.objects.filter(text="Po zamknięciu").exists()


def test_a_survey_not_yet_open_takes_no_answers(client, organization_a):
    later = factories.survey(opens_in_days=3)
    client.post(link(later, organization_a), factories.valid_post(later))
    assert not Response.objects.exists()


def test_a_representative_of_an_addressed_organisation_answers_through_the_account(
    client, survey, organization_a, representative_a
):
    client.force_login(representative_a)
    detail = client.get(survey.get_absolute_url()).content.decode()
    url = reverse("surveys:answer_as_representative", args=[survey.pk, organization_a.pk])
    assert url in detail
    assert client.post(url, factories.valid_post(survey)).status_code == 302
    saved = Response.objects.get()
    assert saved.submitted_by == representative_a and saved.channel == Response.Channel.ACCOUNT
    # Then by the link: the same response, edited.
    client.post(link(survey, organization_a), factories.valid_post(survey, text="Z linku"))
    assert Response.objects.count() == 1


def test_a_representative_may_not_answer_for_another_or_a_non_addressed_organisation(
    client, organization_a, organization_b, representative_a, representative_b
):
    sphere = directory.sphere("ecology-animals")
    organization_a.spheres.set([sphere])
    survey = factories.survey(audience="sphere", sphere=sphere)
    client.force_login(representative_a)
    foreign = reverse("surveys:answer_as_representative", args=[survey.pk, organization_b.pk])
    assert client.get(foreign).status_code == 404
    client.force_login(representative_b)  # organisation B is not of the sphere
    url = reverse("surveys:answer_as_representative", args=[survey.pk, organization_b.pk])
    assert client.post(url, factories.valid_post(survey)).status_code == 404
    assert "Twoje konto nie reprezentuje żadnej z nich" in client.get(survey.get_absolute_url()).content.decode()
    assert not Response.objects.exists()


@pytest.mark.parametrize("role", ["resident", "official_x", "team_member", "administrator"])
def test_other_accounts_have_no_organisation_to_answer_for(client, survey, organization_a, role, request):
    client.force_login(request.getfixturevalue(role))
    url = reverse("surveys:answer_as_representative", args=[survey.pk, organization_a.pk])
    assert client.get(url).status_code == 404


def test_anonymous_is_sent_to_log_in_for_the_account_form(client, survey, organization_a):
    url = reverse("surveys:answer_as_representative", args=[survey.pk, organization_a.pk])
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_survey_being_prepared_is_seen_only_by_its_builders(client, official_x):
    later = factories.survey(opens_in_days=3)
    assert client.get(later.get_absolute_url()).status_code == 404
    client.force_login(official_x)
    assert client.get(later.get_absolute_url()).status_code == 200
