"""A Team member's rights follow their seat: the role alone gives nothing, a seat that ended gives nothing
from the next day, and the rest of the site (events of the advisory body, the panel) asks the same question."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from conftest import make_user
from partnerstwo.accounts.models import User
from partnerstwo.events.models import Event, OrganizerKind
from partnerstwo.events.tests import factories as event_factories
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db


def fresh(user) -> User:
    """The account as the next request loads it (whether it sits is asked once per loaded account)."""
    return User.objects.get(pk=user.pk)


def test_the_casts_team_member_sits_on_the_body_today(team_member):
    assert fresh(team_member).is_team_member
    assert list(User.objects.team_members()) == [team_member]


def test_the_role_without_a_seat_gives_no_rights():
    user = make_user("bez.miejsca@example.org", "team_member")

    assert not fresh(user).is_team_member
    assert not fresh(user).can_use_panel
    assert not User.objects.team_members().exists()


@pytest.mark.parametrize(("left_in_days", "sits"), [(0, True), (-1, False), (30, True)])
def test_a_member_who_leaves_keeps_the_rights_through_the_last_day_and_loses_them_the_next(left_in_days, sits):
    user = make_user("odchodzi@example.org", "team_member")
    f.seat(user=user, left_on=f.days(left_in_days))

    assert fresh(user).is_team_member is sits
    assert User.objects.team_members().filter(pk=user.pk).exists() is sits


@pytest.mark.parametrize(("ends_in_days", "sits"), [(0, True), (-1, False)])
def test_a_member_whose_term_ended_loses_the_rights_the_same_day_it_is_over(ends_in_days, sits):
    user = make_user("kadencja@example.org", "team_member")
    term = f.term(starts_on=f.days(-900), ends_on=f.days(ends_in_days))
    f.seat(term, user=user)

    assert fresh(user).is_team_member is sits


def test_a_seat_in_a_term_not_yet_begun_gives_no_rights_before_it_starts(fixed_clock):
    user = make_user("przyszla@example.org", "team_member")
    term = f.term(starts_on=f.days(1), ends_on=f.days(1000))
    f.seat(term, user=user)

    assert not fresh(user).is_team_member
    fixed_clock.move_to(dt.datetime.combine(f.days(1), dt.time(0, 1), tzinfo=ZoneInfo("Europe/Warsaw")))
    assert fresh(user).is_team_member


def test_a_former_member_loses_the_advisory_bodys_events_and_the_panel(client):
    user = make_user("byly@example.org", "team_member")
    seat = f.seat(user=user)
    event_factories.event(organizer_kind=OrganizerKind.ADVISORY_BODY)
    client.force_login(user)
    assert Event.objects.managed_by(fresh(user)).count() == 1
    assert client.get(reverse("panel:dashboard")).status_code == 200

    seat.left_on = f.days(-1)
    seat.save()

    assert not Event.objects.managed_by(fresh(user)).exists()
    assert client.get(reverse("panel:dashboard")).status_code == 403


def test_an_inactive_account_is_no_team_member_even_with_a_seat(team_member):
    User.objects.filter(pk=team_member.pk).update(is_active=False)

    assert not fresh(team_member).is_team_member


def test_an_official_with_a_seat_stays_an_official(official_x):
    f.seat(user=official_x)

    official = fresh(official_x)
    assert official.role == User.Role.OFFICIAL and official.sits_on_team and not official.is_team_member
