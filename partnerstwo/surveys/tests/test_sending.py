"""Invitations and reminders go through the mailing's delivery rows to organisations of the audience that agreed
to mailings, each with its own link; a reminder only to those that have not answered, never twice a day."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from partnerstwo.lib.testing import first_link
from partnerstwo.newsletter import content
from partnerstwo.newsletter.models import Delivery, Mailing
from partnerstwo.newsletter.tests.test_audience import member_organization
from partnerstwo.organizations.tests import factories as directory
from partnerstwo.surveys import sending
from partnerstwo.surveys.models import Response, SurveyMailing

from . import factories


@pytest.fixture
def mailed(db):
    """Three organisations with confirmed, agreed addresses, one of the ecology sphere; one without agreement."""
    sphere = directory.sphere("ecology-animals")
    return {
        "alfa": member_organization("Fundacja Alfa", "alfa@example.org", spheres=[sphere]).organization,
        "beta": member_organization("Stowarzyszenie Beta", "beta@example.org").organization,
        "gamma": member_organization("Klub Gamma", "gamma@example.org").organization,
        "silent": member_organization("Bez Zgody", "cisza@example.org", agreed=False).organization,
        "sphere": sphere,
    }


def addresses(record) -> set[str]:
    return set(Delivery.objects.filter(mailing=record.mailing).values_list("email", flat=True))


def test_the_invitation_queues_one_delivery_per_agreeing_organisation(mailed):
    survey = factories.survey()
    record = sending.send_invitation(survey)
    assert addresses(record) == {"alfa@example.org", "beta@example.org", "gamma@example.org"}
    assert record.recipients == 3
    assert record.mailing.source == "survey" and record.mailing.source_id == survey.pk


def test_a_sphere_survey_reaches_only_that_sphere(mailed):
    survey = factories.survey(audience="sphere", sphere=mailed["sphere"])
    assert addresses(sending.send_invitation(survey)) == {"alfa@example.org"}


def test_a_sector_group_survey_reaches_its_member_organisations(mailed):
    from partnerstwo.team.models import Body, Group, GroupMember

    group = Group.objects.create(body=Body.objects.the_body(), name="Grupa seniorów", slug="seniorzy")
    GroupMember.objects.create(group=group, organization=mailed["gamma"])
    survey = factories.survey(audience="sector_group", team_group=group)
    assert addresses(sending.send_invitation(survey)) == {"gamma@example.org"}


def test_each_message_carries_the_organisations_own_working_link(mailed, client):
    survey = factories.survey()
    record = sending.send_invitation(survey)
    delivery = Delivery.objects.select_related("recipient", "mailing").get(mailing=record.mailing,
                                                                            email="beta@example.org")
    message = content.build_message(delivery)
    assert content.ORGANIZATION_TOKEN not in message.body
    page = client.get(urlsplit(first_link(message.body, "/badania-potrzeb/")).path)
    assert page.status_code == 200 and "Stowarzyszenie Beta" in page.content.decode()


def test_the_invitation_goes_once(mailed):
    survey = factories.survey()
    sending.send_invitation(survey)
    with pytest.raises(ValidationError):
        sending.send_invitation(survey, day=survey.opens_on + dt.timedelta(days=6))
    assert Mailing.objects.count() == 1


def test_a_reminder_goes_to_those_that_have_not_answered_and_never_twice_a_day(mailed):
    survey = factories.survey()
    with pytest.raises(ValidationError):
        sending.send_reminder(survey)  # not invited yet
    sending.send_invitation(survey, day=survey.opens_on)
    Response.objects.create(survey=survey, organization=mailed["alfa"])
    reminder = sending.send_reminder(survey)
    assert addresses(reminder) == {"beta@example.org", "gamma@example.org"}
    with pytest.raises(ValidationError, match="jutro"):
        sending.send_reminder(survey)
    assert SurveyMailing.objects.filter(kind="reminder").count() == 1


def test_a_closed_survey_or_one_without_questions_sends_nothing(mailed):
    closed = factories.survey(opens_in_days=-20, closes_in_days=-1)
    with pytest.raises(ValidationError):
        sending.send_invitation(closed)
    empty = factories.survey()
    empty.questions.all().delete()
    with pytest.raises(ValidationError):
        sending.send_invitation(empty)
    assert not Mailing.objects.exists()


def test_the_scheduled_reminder_goes_days_before_the_close_once(mailed, fixed_clock):
    survey = factories.survey(closes_in_days=sending.REMINDER_DAYS_BEFORE_CLOSE)
    sending.send_invitation(survey, day=survey.opens_on)
    call_command("remind_surveys")
    call_command("remind_surveys")
    assert SurveyMailing.objects.filter(kind="reminder").count() == 1
    early = factories.survey("Później", closes_in_days=10)
    sending.send_invitation(early, day=early.opens_on)
    call_command("remind_surveys")
    assert not SurveyMailing.objects.filter(survey=early, kind="reminder").exists()


@pytest.mark.parametrize("role", ["official_x", "team_member", "administrator"])
def test_the_panel_buttons_send_and_remind(client, mailed, role, request):
    survey = factories.survey()
    client.force_login(request.getfixturevalue(role))
    client.post(reverse("panel:surveys_panel:send", args=[survey.pk, "zaproszenie"]))
    assert SurveyMailing.objects.filter(kind="invitation").count() == 1
    response = client.post(reverse("panel:surveys_panel:send", args=[survey.pk, "przypomnienie"]), follow=True)
    # The invitation went today: a reminder the same day is refused with a message.
    assert "następne można wysłać jutro" in response.content.decode()
    assert client.post(reverse("panel:surveys_panel:send", args=[survey.pk, "cos"])).status_code == 404


def test_representatives_may_not_send(client, mailed, representative_a):
    survey = factories.survey()
    client.force_login(representative_a)
    assert client.post(reverse("panel:surveys_panel:send", args=[survey.pk, "zaproszenie"])).status_code == 403
    assert not SurveyMailing.objects.exists()
