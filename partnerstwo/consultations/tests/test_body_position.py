"""A consultation that lists the advisory body among those consulted opens the body's draft opinion when it is
announced: once, linked both ways, due on the consultation's last day, following the consultation's dates while it
is a draft (drafting.open_body_position)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnerstwo.consultations import drafting
from partnerstwo.consultations.models import Consultation
from partnerstwo.consultations.tests import factories as f
from partnerstwo.consultations.tests.test_panel import form_data
from partnerstwo.team.models import Position

pytestmark = pytest.mark.django_db


def test_announcing_opens_the_bodys_draft_opinion_once_through_the_pages(client, official_x, team_member):
    client.force_login(official_x)
    today = timezone.localdate()
    client.post("/panel/konsultacje/nowe/", form_data(today))
    consultation = Consultation.objects.get()
    client.post(f"/panel/konsultacje/{consultation.pk}/tekst/", {"text": f.TEXT})

    client.post(f"/panel/konsultacje/{consultation.pk}/ogloszenie/")
    client.post(f"/panel/konsultacje/{consultation.pk}/ogloszenie/")  # announcing twice is refused

    position = Position.objects.get()
    consultation.refresh_from_db()
    assert consultation.team_position == position and position.consultation == consultation
    assert position.status == Position.Status.DRAFT and position.kind == Position.Kind.OPINION
    assert position.respond_by == consultation.ends_on
    # A draft programme: the opinion the Act asks for within 14 days of delivery, the first day of the consultation.
    assert position.concerns == Position.Concerns.PROGRAMME and position.delivered_on == consultation.starts_on
    assert position.subject_url.endswith(consultation.get_absolute_url())
    assert list(position.addressed_to.all()) == [consultation.department]

    # Re-saving the consultation (its dates are locked once announced; the title is not): the same draft.
    response = client.post(f"/panel/konsultacje/{consultation.pk}/edycja/",
                           form_data(today, title="Program współpracy 2027 (poprawiony)"))
    assert response.status_code == 302
    position.refresh_from_db()
    assert Position.objects.count() == 1 and position.title == "Opinia w konsultacjach: Program współpracy 2027 " \
        "(poprawiony)" and position.respond_by == consultation.ends_on

    # Linked both ways on the pages: the consultation names the body's opinion, the opinion the consultation.
    client.force_login(team_member)
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert "Stanowisko Zespołu Konsultacyjnego" in html and f'href="/zespol/dla-czlonkow/stanowiska/{position.pk}/"' \
        in html
    html = client.get(f"/zespol/dla-czlonkow/stanowiska/{position.pk}/").content.decode()
    assert consultation.get_absolute_url() in html and "konsultacje trwają do" in html


def test_the_domain_function_is_idempotent_and_needs_the_body_among_those_consulted(department_x, official_x):
    consultation = f.consultation(department_x, by=official_x, announced=False, for_body=False)
    drafting.announce(consultation, by=official_x)
    assert drafting.open_body_position(consultation) is None and not Position.objects.exists()

    other = f.consultation(department_x, by=official_x, announced=False, title="Z Zespołem")
    assert drafting.open_body_position(other) is None  # not announced yet
    drafting.announce(other, by=official_x)
    with pytest.raises(ValidationError):
        drafting.announce(other, by=official_x)
    first = drafting.open_body_position(other)
    assert drafting.open_body_position(other) == first and Position.objects.count() == 1
    assert first.concerns == Position.Concerns.TOPIC and first.delivered_on is None


def test_a_position_the_body_put_to_the_vote_is_left_as_it_is(department_x, official_x):
    consultation = f.consultation(department_x, by=official_x, announced=False)
    drafting.announce(consultation, by=official_x)
    position = Consultation.objects.get(pk=consultation.pk).team_position
    Position.objects.filter(pk=position.pk).update(status=Position.Status.VOTING)
    Consultation.objects.filter(pk=consultation.pk).update(ends_on=consultation.ends_on + dt.timedelta(days=5))

    assert drafting.open_body_position(consultation) == position
    position.refresh_from_db()
    assert position.respond_by == consultation.ends_on and Position.objects.count() == 1


def test_once_adopted_the_bodys_own_opinion_is_offered_first_in_the_comment_form(client, department_x, official_x,
                                                                                 team_member):
    consultation = f.consultation(department_x, by=official_x, announced=False)
    drafting.announce(consultation, by=official_x)
    position = Consultation.objects.get(pk=consultation.pk).team_position
    Position.objects.filter(pk=position.pk).update(status=Position.Status.ADOPTED, register_year=2026,
                                                   register_number=7, decided_at=timezone.now())
    client.force_login(team_member)

    html = client.get(f"{consultation.get_absolute_url()}uwaga/").content.decode()

    assert f'<option value="{position.pk}" selected>' in html
