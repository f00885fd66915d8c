import pytest

from partnerstwo.accounts.models import User
from partnerstwo.team.body import terms
from partnerstwo.team.models import Body, Membership

# The demo as one load gives it (conftest.demo_database); tests/test_demo.py runs it twice.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_database")]


def test_the_demo_has_a_past_and_a_current_term():
    body = Body.objects.the_body()
    current = terms.current_term(body)
    assert body.terms.count() == 2 and current.number == 2
    found = terms.composition(current)
    assert (found.members, found.organizations, found.mayor, found.council) == (10, 5, 3, 2)
    assert found.meets_rule
    assert current.memberships.exclude(left_on=None).count() == 1
    assert not current.memberships.current().filter(photo="").exists()  # the members' page shows their photos


def test_the_demos_members_page_shows_the_current_members_and_the_team_member_is_the_secretary(client):
    page = client.get("/zespol/").content.decode()
    assert page.count('class="member-card__photo"') == 10
    secretary = User.objects.get(email="zespol@example.org")
    assert secretary.is_team_member and terms.can_manage(secretary)
    assert Membership.objects.current().get(user=secretary).role == Membership.Role.SECRETARY


def test_the_demo_has_meetings_with_approved_minutes_a_coming_meeting_and_positions_adopted_and_rejected():
    from partnerstwo.team.models import Meeting, Position

    body = Body.objects.the_body()
    assert body.meetings.past().filter(minutes_status=Meeting.MinutesStatus.APPROVED).count() == 3
    assert body.meetings.past().filter(minutes_status=Meeting.MinutesStatus.DRAFT).count() == 1
    coming = body.meetings.upcoming().get()
    assert coming.departments.exists() and coming.guests.exists() and coming.invitations_sent_at
    statuses = sorted(body.positions.filter(consultation=None).values_list("status", flat=True))
    assert statuses == ["adopted", "adopted", "adopted", "draft", "rejected", "voting"]
    # The announced demo consultations the body is consulted in opened its draft opinions (consultations' demo).
    assert list(body.positions.exclude(consultation=None).values_list("status", flat=True)) == ["draft", "draft"]
    assert {p.register_label.split("/")[0] for p in Position.objects.adopted()} == {"1", "2", "3"}
    assert body.legal_acts.get().positions.exists()


def test_the_demo_shows_a_position_on_a_competition_sent_to_its_department_an_alert_and_meetings_in_the_calendar(
    client,
):
    from django.urls import reverse

    from partnerstwo.events.models import Event
    from partnerstwo.newsletter.models import Mailing, Topic
    from partnerstwo.team.models import Position

    position = Position.objects.get(concerns=Position.Concerns.COMPETITION)
    assert position.status == Position.Status.ADOPTED and position.sent_at
    assert list(position.addressed_to.all()) == [position.competition.department]
    page = client.get(position.competition.get_absolute_url()).content.decode()
    assert position.get_absolute_url() in page
    alerts = Mailing.objects.filter(kind=Mailing.Kind.ALERT, topic=Topic.POSITIONS)
    assert alerts.count() == Position.objects.adopted().count()
    assert alerts.get(source_id=position.pk).deliveries.exists()
    body = Body.objects.the_body()
    assert Event.objects.filter(uid__in=body.meetings.values("uid")).count() == body.meetings.count()
    calendar = client.get(reverse("events:calendar"), {"widok": "lista"}).content.decode()
    assert body.meetings.upcoming().get().title in calendar


def test_the_demo_has_two_sector_groups_and_a_working_team():
    from partnerstwo.team.models import Group

    assert Group.objects.sector().count() == 2 and Group.objects.working().count() == 1
    working = Group.objects.working().get()
    assert not working.is_open and working.members.filter(is_city_representative=True).exists()
    representative = User.objects.get(email="organizacja@example.org")
    from partnerstwo.organizations.models import Organization

    represented = Organization.objects.represented_by(representative)
    assert Group.objects.filter(members__organization__in=represented).exists()
