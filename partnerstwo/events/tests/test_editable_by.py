"""Who manages an event (edits, cancels, sees its participants), who reviews it, and who sees needs."""

import pytest

from partnerstwo.accounts.models import User
from partnerstwo.events.models import Event, OrganizerKind
from partnerstwo.events.tests import factories as f
from partnerstwo.organizations.models import Representation
from partnerstwo.organizations.tests import factories as directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(representative_a, organization_a, official_x, official_y):
    return {
        "alfa": f.event(organization=organization_a),
        # Submitted by Alfa's representative, but Beta's: submitting does not make it theirs.
        "beta": f.event(organization=directory.organization("Stowarzyszenie Beta"), submitted_by=representative_a),
        "team": f.event(organizer_kind=OrganizerKind.ADVISORY_BODY),
        "x": f.event(organizer_kind=OrganizerKind.CITY, department=official_x.department),
        "centre_y": f.event(organizer_kind=OrganizerKind.CENTRE, department=official_y.department),
    }


def names(events, queryset):
    return {name for name, event in events.items() if queryset.filter(pk=event.pk).exists()}


def test_who_manages_which_event(events, resident, representative_a, representative_b, team_member, official_x,
                                 official_y, administrator):
    def managed(user):
        return names(events, Event.objects.managed_by(user))

    assert managed(resident) == set()
    assert managed(representative_a) == {"alfa"}
    assert managed(representative_b) == set()
    assert managed(team_member) == {"team"}
    assert managed(official_x) == {"x"}
    assert managed(official_y) == {"centre_y"}
    assert managed(administrator) == set(events)


def test_participant_lists_follow_the_organiser_and_needs_leave_out_administrators(
    events, representative_a, team_member, official_x, administrator
):
    assert names(events, Event.objects.participants_visible_to(official_x)) == {"x"}
    assert names(events, Event.objects.participants_visible_to(administrator)) == set(events)
    assert names(events, Event.objects.needs_visible_to(representative_a)) == {"alfa"}
    assert names(events, Event.objects.needs_visible_to(team_member)) == {"team"}
    assert names(events, Event.objects.needs_visible_to(official_x)) == {"x"}
    assert names(events, Event.objects.needs_visible_to(administrator)) == set()


def test_any_official_reviews_what_organisations_and_the_team_submit(events, official_y, representative_a):
    assert names(events, Event.objects.reviewable_by(official_y)) == {"alfa", "beta", "team"}
    assert names(events, Event.objects.reviewable_by(representative_a)) == set()


def test_a_representative_loses_the_event_the_moment_the_representation_ends(events, representative_a):
    Representation.objects.filter(user=representative_a).update(status=Representation.Status.REJECTED)
    assert names(events, Event.objects.managed_by(representative_a)) == set()


def test_a_former_team_member_loses_the_advisory_bodys_events(events, team_member):
    User.objects.filter(pk=team_member.pk).update(role=User.Role.RESIDENT)
    team_member.refresh_from_db()
    assert names(events, Event.objects.managed_by(team_member)) == set()


def test_a_deactivated_official_manages_nothing(events, official_x):
    official_x.is_active = False
    official_x.save()
    assert names(events, Event.objects.managed_by(official_x)) == set()
