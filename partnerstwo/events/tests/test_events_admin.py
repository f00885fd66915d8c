import pytest
from django.urls import reverse

from partnerstwo.events.tests import factories as f

pytestmark = pytest.mark.django_db


def test_the_admin_lists_and_opens_events_and_registrations(client, administrator):
    event = f.event(rrule="FREQ=WEEKLY;COUNT=3")
    registration = f.registration(f.occurrence(event))
    client.force_login(administrator)
    for url in [
        reverse("admin:events_event_changelist"), reverse("admin:events_event_change", args=[event.pk]),
        reverse("admin:events_registration_changelist"),
        reverse("admin:events_registration_change", args=[registration.pk]),
        reverse("admin:events_event_add"),
    ]:
        assert client.get(url).status_code == 200, url


def test_other_roles_cannot_open_the_admin(client, official_x):
    client.force_login(official_x)
    assert client.get(reverse("admin:events_event_changelist")).status_code == 302
