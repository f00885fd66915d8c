"""A signed-in person's own registrations (/zapisy/moje/): coming and past, the waiting-list place, cancelling;
and the waiting-list place on the page shown after registering."""


import pytest
from django.urls import reverse
from django.utils import timezone

from partnerstwo.events import registration
from partnerstwo.events.models import EventStatus, Registration, RegistrationMode
from partnerstwo.events.tests import factories

pytestmark = pytest.mark.django_db
MINE = reverse("registrations:mine")


def training(title, *, days=3, capacity=1):
    event = factories.event(title=title, registration_mode=RegistrationMode.HERE, capacity=capacity,
                            starts_at=factories.in_days(days, 10))
    return event.occurrences.get()


def sign_up(occurrence, email, user=None):
    return registration.register(occurrence=occurrence, name="Osoba", email=email, user=user, confirmed=True)


def test_a_signed_out_person_is_sent_to_sign_in(client):
    response = client.get(MINE)

    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_the_list_shows_coming_and_past_registrations_with_the_waiting_place_and_a_cancel_link(client, resident):
    full = training("Warsztaty RODO")
    sign_up(full, "ktos@example.org")
    sign_up(full, "ktos2@example.org")
    waiting = sign_up(full, resident.email, user=resident)
    coming = sign_up(training("Szkolenie z ofert", days=10, capacity=None), resident.email, user=resident)
    with_time_before = training("Spotkanie sprzed miesiąca", days=-30, capacity=None)
    Registration.objects.create(occurrence=with_time_before, name="Anna", email=resident.email, user=resident,
                                consent_at=timezone.now(), status=Registration.Status.CONFIRMED)
    training("Cudze wydarzenie")
    client.force_login(resident)

    page = client.get(MINE).content.decode()

    assert "<title>Moje zapisy na wydarzenia" in page
    coming_part, past_part = page.split('id="past-heading"')
    assert coming_part.index("Warsztaty RODO") < coming_part.index("Szkolenie z ofert")
    assert "Lista rezerwowa, miejsce 2" in coming_part
    assert "Miejsce potwierdzone" in coming_part
    assert reverse("registrations:cancel", args=[registration.cancel_token(waiting)]) in coming_part
    assert reverse("registrations:cancel", args=[registration.cancel_token(coming)]) in coming_part
    assert "Spotkanie sprzed miesiąca" in past_part and "Zrezygnuj" not in past_part
    assert "Cudze wydarzenie" not in page


def test_registrations_made_with_the_address_count_only_when_the_account_confirmed_it(client, resident):
    sign_up(training("Zapis bez logowania", capacity=None), resident.email)
    client.force_login(resident)
    assert "Zapis bez logowania" in client.get(MINE).content.decode()

    resident.emailaddress_set.update(verified=False)
    assert "Zapis bez logowania" not in client.get(MINE).content.decode()


def test_a_cancelled_registration_and_a_cancelled_event_offer_no_cancel_link(client, resident):
    mine = sign_up(training("Wycofany zapis", capacity=None), resident.email, user=resident)
    registration.cancel(mine)
    called_off = sign_up(training("Odwołane szkolenie", capacity=None), resident.email, user=resident)
    called_off.occurrence.event.status = EventStatus.CANCELLED
    called_off.occurrence.event.save(update_fields=["status"])
    client.force_login(resident)

    page = client.get(MINE).content.decode()

    assert "Zrezygnowano" in page and "Wydarzenie odwołane" in page
    assert "Zrezygnuj" not in page


def test_the_list_takes_the_same_number_of_queries_for_one_or_many(client, resident, django_assert_max_num_queries):
    client.force_login(resident)
    sign_up(training("Pierwsze", capacity=None), resident.email, user=resident)
    with django_assert_max_num_queries(20) as one:
        client.get(MINE)
    for n in range(8):
        sign_up(training(f"Kolejne {n}", days=4 + n, capacity=1), resident.email, user=resident)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(MINE)


def test_the_waiting_place_follows_the_order_of_the_list_and_moves_up():
    occurrence = training("Pełne", capacity=1)
    sign_up(occurrence, "pierwsza@example.org")
    sign_up(occurrence, "druga@example.org")
    sign_up(occurrence, "trzecia@example.org")
    places = dict(Registration.objects.with_waiting_place().values_list("email", "waiting_place"))
    assert places == {"pierwsza@example.org": None, "druga@example.org": 1, "trzecia@example.org": 2}

    registration.cancel(Registration.objects.get(email="pierwsza@example.org"))

    places = dict(Registration.objects.with_waiting_place().values_list("email", "waiting_place"))
    assert places["druga@example.org"] is None and places["trzecia@example.org"] == 1


def test_the_page_after_registering_tells_the_place_on_the_waiting_list(client):
    occurrence = training("Pełne", capacity=1)
    sign_up(occurrence, "pierwsza@example.org")
    sign_up(occurrence, "druga@example.org")
    third = sign_up(occurrence, "trzecia@example.org")

    page = client.get(reverse("registrations:registered", args=[registration.result_token(third)])).content.decode()

    assert "Twoje miejsce na liście rezerwowej: 2." in page


def test_the_account_page_links_the_list(client, resident):
    client.force_login(resident)

    assert f'href="{MINE}"' in client.get(reverse("accounts:profile")).content.decode()




def test_a_signed_in_person_already_registered_is_led_to_their_list(client, resident):
    occurrence = training("Warsztaty", capacity=None)
    sign_up(occurrence, resident.email, user=resident)
    client.force_login(resident)

    response = client.post(reverse("registrations:register", args=[occurrence.pk]), {"name": "Anna", "consent": "on"})

    page = response.content.decode()
    assert "jest już zapisany" in page and f'href="{MINE}"' in page
    assert occurrence.registrations.count() == 1
