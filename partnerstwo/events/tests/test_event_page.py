"""The event page: details, organiser link, "add to calendar", registration box, who sees drafts."""

import datetime
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from partnerstwo.events.models import EventKind, EventStatus, ForumSession, RegistrationMode
from partnerstwo.events.tests import factories
from partnerstwo.organizations.tests import factories as directory

pytestmark = pytest.mark.django_db


def _page(client, event):
    response = client.get(event.get_absolute_url())
    return response.status_code, response.content.decode()


def test_the_page_shows_the_details_and_links_the_organisers_profile(client):
    alfa = directory.organization("Fundacja Alfa")
    event = factories.event(
        title="Szkolenie z RODO", organization=alfa, kind=EventKind.TRAINING, description="Przynieś **laptop**.",
        district=directory.district("Dojlidy"), step_free_access=True, sign_language=True,
        is_free=False, price="20 zł", audience="Księgowi organizacji",
    )
    event.spheres.add(directory.sphere("ecology-animals"))
    status, html = _page(client, event)
    assert status == 200
    assert html.count("<h1>") == 1
    assert "Szkolenie z RODO" in html
    assert f'href="{alfa.get_absolute_url()}"' in html
    assert "<strong>laptop</strong>" in html
    assert "osiedle Dojlidy" in html and "20 zł" in html and "Księgowi organizacji" in html
    assert "tłumacz polskiego języka migowego (PJM)" in html
    assert "?sfera=ecology-animals" in html


def test_the_page_offers_the_ics_file_and_a_google_calendar_link(client):
    event = factories.event(title="Spotkanie", starts_at=factories.local(2030, 5, 6, 18),
                            ends_at=factories.local(2030, 5, 6, 20), rrule="FREQ=WEEKLY;COUNT=3")
    _, html = _page(client, event)
    assert reverse("events:ics", args=[event.slug]) in html
    start = html.index("https://calendar.google.com/calendar/render?")
    link = html[start:html.index('"', start)].replace("&amp;", "&")
    params = parse_qs(urlparse(link).query)
    assert params["text"] == ["Spotkanie"]
    assert params["dates"] == ["20300506T160000Z/20300506T180000Z"]
    assert params["ctz"] == ["Europe/Warsaw"]
    assert params["recur"] == ["RRULE:FREQ=WEEKLY;COUNT=3"]


def test_a_cancelled_event_says_so_and_keeps_its_address(client):
    event = factories.event(status=EventStatus.CANCELLED, cancellation_reason="Choroba prowadzącego.")
    status, html = _page(client, event)
    assert status == 200
    assert "Wydarzenie zostało odwołane." in html and "Choroba prowadzącego." in html


def test_registration_here_links_each_upcoming_date_and_says_when_it_is_full(client):
    starts = factories.in_days(2, 17)
    event = factories.event(kind=EventKind.TRAINING, registration_mode=RegistrationMode.HERE, capacity=1,
                            starts_at=starts, ends_at=starts + datetime.timedelta(hours=1), rrule="FREQ=WEEKLY;COUNT=3")
    first, second, _third = event.occurrences.order_by("starts_at")
    factories.registration(first)
    _, html = _page(client, event)
    assert reverse("registrations:register", args=[first.pk]) in html
    assert reverse("registrations:register", args=[second.pk]) in html
    assert "Zapisz się na listę rezerwową" in html
    assert "zostało 1 miejsce" in html


def test_registration_is_closed_after_the_deadline(client):
    event = factories.event(registration_mode=RegistrationMode.HERE, starts_at=factories.in_days(3),
                            registration_deadline=factories.in_days(-1))
    _, html = _page(client, event)
    assert "zapisy zamknięte" in html
    assert reverse("registrations:register", args=[factories.occurrence(event).pk]) not in html


def test_external_registration_is_a_link_to_the_organiser(client):
    event = factories.event(registration_mode=RegistrationMode.EXTERNAL,
                            external_registration_url="https://example.org/zapisy")
    _, html = _page(client, event)
    assert 'href="https://example.org/zapisy"' in html
    assert "/zapisy/" not in html.replace("https://example.org/zapisy", "")


def test_the_forum_page_shows_its_programme_and_presenting_organisations(client):
    forum = factories.event(title="Forum Inicjatyw Pozarządowych", kind=EventKind.CONFERENCE)
    ForumSession.objects.create(event=forum, starts_at=forum.starts_at, ends_at=forum.ends_at, room="Sala A",
                                title="Otwarcie", speakers="Prezydent Miasta")
    beta = directory.organization("Fundacja Beta")
    forum.presenting_organizations.add(beta)
    _, html = _page(client, forum)
    assert "Otwarcie" in html and "Sala A" in html and "Prezydent Miasta" in html
    assert f'href="{beta.get_absolute_url()}"' in html


@pytest.mark.parametrize("status", [EventStatus.DRAFT, EventStatus.PENDING, EventStatus.RETURNED])
def test_an_unpublished_event_is_hidden_from_strangers(client, resident, representative_b, status):
    event = factories.event(status=status, organization=directory.organization())
    assert client.get(event.get_absolute_url()).status_code == 404
    for user in (resident, representative_b):
        client.force_login(user)
        assert client.get(event.get_absolute_url()).status_code == 404


def test_its_organisers_and_officials_can_preview_an_unpublished_event(
    client, representative_a, organization_a, official_x
):
    event = factories.event(status=EventStatus.PENDING, organization=organization_a)
    for user in (representative_a, official_x):
        client.force_login(user)
        status, html = _page(client, event)
        assert status == 200 and "Podgląd" in html and 'name="robots" content="noindex"' in html


def test_an_unknown_event_is_a_404(client):
    assert client.get("/wydarzenia/nie-ma-takiego/").status_code == 404


def test_the_page_makes_the_same_number_of_queries_for_many_dates(client, django_assert_num_queries):
    small = factories.event(rrule="FREQ=DAILY;COUNT=2", registration_mode=RegistrationMode.HERE, capacity=5)
    big = factories.event(rrule="FREQ=DAILY;COUNT=40", registration_mode=RegistrationMode.HERE, capacity=5)
    for occurrence in big.occurrences.all()[:5]:
        factories.registration(occurrence)
    big.spheres.add(directory.sphere("ecology-animals"))
    # The event, its spheres, sessions, presenting organisations, the upcoming dates.
    with django_assert_num_queries(5):
        client.get(small.get_absolute_url())
    with django_assert_num_queries(5):
        client.get(big.get_absolute_url())
