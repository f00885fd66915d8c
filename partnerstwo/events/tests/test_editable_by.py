import pytest

from partnerstwo.events.models import Event, OrganizerKind
from partnerstwo.events.tests import factories as f

pytestmark = pytest.mark.django_db


def test_who_may_edit_which_event(resident, representative_a, representative_b, team_member, official_x,
                                  official_y, administrator):
    alfa = f.organization("Fundacja Alfa")
    f.represent(representative_a, alfa)
    of_alfa = f.event(organization=alfa)
    of_team = f.event(organizer_kind=OrganizerKind.ADVISORY_BODY)
    of_x = f.event(organizer_kind=OrganizerKind.CITY, department=official_x.department)
    of_centre_y = f.event(organizer_kind=OrganizerKind.CENTRE, department=official_y.department)

    def editable(user):
        return set(Event.objects.editable_by(user))

    assert editable(resident) == set()
    assert editable(representative_a) == {of_alfa}
    assert editable(representative_b) == set()
    assert editable(team_member) == {of_team}
    assert editable(official_x) == {of_alfa, of_team, of_x}
    assert editable(official_y) == {of_alfa, of_team, of_centre_y}
    assert editable(administrator) == {of_alfa, of_team, of_x, of_centre_y}
