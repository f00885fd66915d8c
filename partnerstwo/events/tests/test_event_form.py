import pytest

from partnerstwo.events.forms import EventForm
from partnerstwo.events.models import OrganizerKind, Registration
from partnerstwo.events.tests import factories as f
from partnerstwo.organizations.tests import factories as directory

pytestmark = pytest.mark.django_db


def data(**overrides):
    values = {
        "title": "Szkolenie z RODO dla organizacji", "kind": "training", "organizer_kind": OrganizerKind.CENTRE,
        "starts_at": f.in_days(7, 10).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": f.in_days(7, 14).strftime("%Y-%m-%dT%H:%M"),
        "venue": "Centrum", "street": "ul. Warszawska 12", "town": "Białystok",
        "is_free": "on", "registration_mode": "none",
    }
    values.update(overrides)
    return {key: value for key, value in values.items() if value is not None}


def form_for(user, instance=None, **overrides):
    return EventForm(data(**overrides), instance=instance, user=user)


def test_a_complete_event_is_valid(official_x):
    form = form_for(official_x)
    assert form.is_valid(), form.errors


def test_an_end_before_the_start_is_refused_next_to_the_end(official_x):
    form = form_for(official_x, ends_at=f.in_days(6, 10).strftime("%Y-%m-%dT%H:%M"))
    assert not form.is_valid()
    assert "Koniec nie może być wcześniejszy niż początek." in form.errors["ends_at"]
    assert form["title"].value() == "Szkolenie z RODO dla organizacji"


def test_an_external_registration_needs_its_link(official_x):
    form = form_for(official_x, registration_mode="external")
    assert not form.is_valid()
    assert "external_registration_url" in form.errors


def test_an_event_needs_an_address_or_an_online_link(official_x):
    assert "street" in form_for(official_x, venue="", street="").errors
    assert form_for(official_x, venue="", street="", online_url="https://meet.example.org/abc").is_valid()


def test_a_paid_event_needs_its_price(official_x):
    assert "price" in form_for(official_x, is_free=None).errors


def test_capacity_cannot_drop_below_the_people_already_confirmed(official_x):
    event = f.event(registration_mode="here", capacity=10)
    for _ in range(3):
        f.registration(f.occurrence(event))
    f.registration(f.occurrence(event), status=Registration.Status.WAITING)
    form = form_for(official_x, instance=event, registration_mode="here", capacity="2")
    assert not form.is_valid()
    assert "zapisało się już tyle osób: 3" in form.errors["capacity"][0]
    assert form_for(official_x, instance=event, registration_mode="here", capacity="3").is_valid()


def test_an_all_day_event_spans_whole_days(official_x):
    form = form_for(official_x, all_day="on")
    assert form.is_valid(), form.errors
    start, end = form.cleaned_data["starts_at"].astimezone(f.WARSAW), form.cleaned_data["ends_at"].astimezone(f.WARSAW)
    assert (start.hour, start.minute, end.hour, end.minute) == (0, 0, 23, 59)


def test_a_representative_can_only_pick_their_own_organisation(representative_a, organization_a):
    other = directory.organization("Stowarzyszenie Beta")
    form = form_for(representative_a, organizer_kind="organization", organization=str(other.pk))
    assert "organization" in form.errors
    assert form_for(representative_a, organizer_kind="organization", organization=str(organization_a.pk)).is_valid()


def test_a_representative_cannot_publish_as_the_city(representative_a, organization_a):
    assert "organizer_kind" in form_for(representative_a, organizer_kind="city").errors


def test_garbage_in_every_field_gives_errors_not_exceptions(official_x):
    form = form_for(official_x, starts_at="wczoraj", ends_at="\x00", capacity="-5", kind="zlot",
                    district="999999", spheres=["nie"], registration_deadline="31.02.2026")
    assert not form.is_valid()
    assert {"starts_at", "ends_at", "capacity", "kind", "district", "registration_deadline"} <= set(form.errors)
