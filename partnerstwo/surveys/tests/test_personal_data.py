"""What the surveys hold about a person: the responses they submitted; deleting the account keeps the answers."""

from partnerstwo.accounts import data_rights
from partnerstwo.surveys import personal_data
from partnerstwo.surveys.models import Response

from . import factories


def test_the_export_lists_the_responses_submitted_and_deleting_the_account_keeps_them(
    representative_a, organization_a
):
    survey = factories.survey()
    Response.objects.create(survey=survey, organization=organization_a, submitted_by=representative_a)
    exported = personal_data.export(representative_a)["survey_answers_submitted"]
    assert [(row["survey"], row["organization"]) for row in exported] == [(survey.title, "Fundacja Alfa")]
    assert "surveys" in dict(data_rights.modules())
    representative_a.delete()
    assert Response.objects.get().submitted_by is None
