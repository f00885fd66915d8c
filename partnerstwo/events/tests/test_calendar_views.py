"""The public calendar: month, week and list views, filters, /szkolenia/ and constant queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partnerstwo.events.models import EventKind, EventStatus
from partnerstwo.events.tests import factories
from partnerstwo.organizations.tests import factories as directory

pytestmark = pytest.mark.django_db

CALENDAR = "/wydarzenia/"


def _month_of(moment):
    return f"data={timezone.localtime(moment).date().isoformat()}"


def test_the_month_view_is_a_table_with_a_caption_and_column_headers(client):
    event = factories.event(title="Warsztaty z pisania wniosków")
    response = client.get(f"{CALENDAR}?{_month_of(event.starts_at)}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption>" in html
    assert html.count('<th scope="col">') == 7
    assert "Warsztaty z pisania wniosków" in html
    assert event.get_absolute_url() in html


def test_the_month_view_shows_a_multi_day_event_on_each_of_its_days(client):
    starts = factories.local(2030, 5, 6, 10)
    factories.event(title="Festiwal organizacji", starts_at=starts, ends_at=starts + datetime.timedelta(days=2))
    html = client.get(f"{CALENDAR}?data=2030-05-01").content.decode()
    # Once a day in the grid, and once a day in the list of busy days that a phone shows instead.
    grid = html[html.index('<table class="calendar-month">'):]
    grid = grid[:grid.index("</table>")]
    days = html[html.index('<div class="calendar-days">'):]
    assert grid.count("Festiwal organizacji") == 3
    assert days.count("Festiwal organizacji") == 3


def test_the_month_view_links_to_the_rest_of_a_busy_day(client):
    starts = factories.local(2030, 5, 6, 10)
    for n in range(6):
        factories.event(title=f"Spotkanie {n}", starts_at=starts)
    html = client.get(f"{CALENDAR}?data=2030-05-01").content.decode()
    assert "i jeszcze 2 wydarzenia" in html or "i jeszcze 2 wydarzeń" in html
    assert "widok=lista&amp;data=2030-05-06" in html


def test_previous_and_next_keep_the_filters_and_move_by_a_month(client):
    html = client.get(f"{CALENDAR}?data=2030-05-15&rodzaj=training&bezplatne=1").content.decode()
    assert 'href="?rodzaj=training&amp;bezplatne=1&amp;data=2030-04-01" rel="prev"' in html
    assert 'href="?rodzaj=training&amp;bezplatne=1&amp;data=2030-06-01" rel="next"' in html
    # "Today" drops the date only.
    assert 'href="?rodzaj=training&amp;bezplatne=1">Dziś' in html


def test_the_week_view_lists_the_seven_days_from_monday(client):
    factories.event(title="Środowe spotkanie", starts_at=factories.local(2030, 5, 8, 17))
    factories.event(title="Spotkanie tydzień później", starts_at=factories.local(2030, 5, 15, 17))
    response = client.get(f"{CALENDAR}?widok=tydzien&data=2030-05-09")
    html = response.content.decode()
    assert "Środowe spotkanie" in html
    assert "Spotkanie tydzień później" not in html
    assert html.count("<h3>") == 7
    assert 'data=2030-05-13" rel="next"' in html


def test_the_list_view_starts_at_the_chosen_day_and_pages(client):
    factories.event(title="Dawno temu", starts_at=factories.local(2030, 4, 1, 12))
    for n in range(30):
        factories.event(title=f"Zajęcia {n:02}", starts_at=factories.local(2030, 5, 1, 8) + datetime.timedelta(hours=n))
    response = client.get(f"{CALENDAR}?widok=lista&data=2030-05-01")
    html = response.content.decode()
    assert "Dawno temu" not in html
    assert "Zajęcia 00" in html and "Zajęcia 29" not in html
    assert "strona=2" in html
    second = client.get(f"{CALENDAR}?widok=lista&data=2030-05-01&strona=2").content.decode()
    assert "Zajęcia 29" in second


def test_only_published_and_cancelled_events_are_shown(client):
    day = "data=2030-05-01&widok=lista"
    factories.event(title="Opublikowane", starts_at=factories.local(2030, 5, 2, 10))
    factories.event(title="Odwołane", starts_at=factories.local(2030, 5, 2, 11), status=EventStatus.CANCELLED)
    factories.event(title="Czeka na akceptację", starts_at=factories.local(2030, 5, 2, 12), status=EventStatus.PENDING)
    factories.event(title="Szkic", starts_at=factories.local(2030, 5, 2, 13), status=EventStatus.DRAFT)
    html = client.get(f"{CALENDAR}?{day}").content.decode()
    assert "Opublikowane" in html and "Odwołane" in html and "odwołane</span>" in html
    assert "Czeka na akceptację" not in html and "Szkic" not in html


@pytest.mark.parametrize(("query", "expected", "hidden"), [
    ("rodzaj=training", "Szkolenie", "Spotkanie"),
    ("bezplatne=1", "Szkolenie", "Spotkanie"),
    ("online=1", "Spotkanie", "Szkolenie"),
    ("dostepne=1", "Szkolenie", "Spotkanie"),
    ("q=szkolenie", "Szkolenie", "Spotkanie"),
    ("q=Zjazd+spotkanie", "Spotkanie", "Szkolenie"),
    ("osiedle=dojlidy", "Szkolenie", "Spotkanie"),
    ("sfera=ecology-animals", "Spotkanie", "Szkolenie"),
])
def test_each_filter_narrows_the_calendar(client, query, expected, hidden):
    day = factories.local(2030, 5, 2, 10)
    factories.event(title="Szkolenie z RODO", kind=EventKind.TRAINING, is_free=True, step_free_access=True,
                    district=directory.district("Dojlidy"), starts_at=day)
    meeting = factories.event(title="Zjazd – spotkanie sąsiedzkie", kind=EventKind.MEETING, is_free=False,
                              online_url="https://example.org/spotkanie", starts_at=day)
    meeting.spheres.add(directory.sphere("ecology-animals"))
    html = client.get(f"{CALENDAR}?widok=lista&data=2030-05-01&{query}").content.decode()
    titles = {"Szkolenie": "Szkolenie z RODO", "Spotkanie": "Zjazd – spotkanie sąsiedzkie"}
    assert titles[expected] in html
    assert titles[hidden] not in html


def test_the_organiser_filter_shows_one_organisation_and_names_it(client):
    alfa = directory.organization("Fundacja Alfa")
    beta = directory.organization("Fundacja Beta")
    day = factories.local(2030, 5, 2, 10)
    factories.event(title="Wydarzenie Alfy", organization=alfa, starts_at=day)
    factories.event(title="Wydarzenie Bety", organization=beta, starts_at=day)
    html = client.get(f"{CALENDAR}?widok=lista&data=2030-05-01&organizator={alfa.slug}").content.decode()
    assert "Wydarzenie Alfy" in html and "Wydarzenie Bety" not in html
    assert "Wydarzenia organizatora: Fundacja Alfa" in html


def test_the_centre_can_be_chosen_as_the_organiser(client):
    day = factories.local(2030, 5, 2, 10)
    factories.event(title="Wydarzenie Centrum", starts_at=day)
    factories.event(title="Wydarzenie Fundacji", organization=directory.organization(), starts_at=day)
    html = client.get(f"{CALENDAR}?widok=lista&data=2030-05-01&organizator=centrum").content.decode()
    assert "Wydarzenie Centrum" in html and "Wydarzenie Fundacji" not in html


@pytest.mark.parametrize("query", [
    "data=2030-13-45", "data=jutro", "data=0001-01-01", "widok=rok", "rodzaj=party", "sfera=nie-ma",
    "organizator=nie-ma-takiej", "organizator=%3Cscript%3E", "q=%00%01", "strona=-1", "strona=abc",
    "q=" + "x" * 300,
])
def test_bad_parameters_give_a_page_with_the_filter_left_out(client, query):
    for view in ("", "widok=tydzien&", "widok=lista&"):
        response = client.get(f"{CALENDAR}?{view}{query}")
        assert response.status_code == 200


def test_a_bad_value_is_reported_next_to_its_field(client):
    html = client.get(f"{CALENDAR}?organizator=nie-ma-takiej").content.decode()
    assert "Nie ma takiej organizacji w katalogu." in html


def test_the_trainings_page_shows_trainings_only(client):
    day = factories.local(2030, 5, 2, 10)
    factories.event(title="Szkolenie z księgowości", kind=EventKind.TRAINING, starts_at=day)
    factories.event(title="Piknik", kind=EventKind.INTEGRATION, starts_at=day)
    response = client.get(reverse("trainings:calendar") + "?widok=lista&data=2030-05-01&rodzaj=integration")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Szkolenie z księgowości" in html and "Piknik" not in html
    assert 'name="rodzaj"' not in html


def _fill(count, start):
    sphere = directory.sphere("ecology-animals")
    org = directory.organization()
    for n in range(count):
        event = factories.event(starts_at=start + datetime.timedelta(days=n % 20, hours=n % 5), organization=org,
                                district=directory.district("Dojlidy"))
        event.spheres.add(sphere)
    return org


@pytest.mark.parametrize("view", ["", "widok=tydzien&", "widok=lista&"])
def test_each_view_makes_the_same_number_of_queries_for_many_events(client, django_assert_num_queries, view):
    start = factories.local(2030, 5, 1, 10)
    org = _fill(3, start)
    filters = f"sfera=ecology-animals&osiedle=dojlidy&organizator={org.slug}&q=wydarzenie"
    query = f"{CALENDAR}?{view}data=2030-05-01&{filters}"
    client.get(query)  # warm caches
    with CaptureQueriesContext(connection) as small:
        assert client.get(query).status_code == 200
    _fill(40, start)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(query).status_code == 200


def test_the_calendar_is_in_the_main_navigation_and_works_in_english(client):
    factories.event(title="Spotkanie", starts_at=factories.local(2030, 5, 2, 10))
    html = client.get("/").content.decode()
    assert 'href="/wydarzenia/"' in html
    response = client.get("/en/wydarzenia/?widok=lista&data=2030-05-01")
    assert response.status_code == 200 and "Spotkanie" in response.content.decode()


def test_the_organisation_profile_links_to_its_events(client):
    alfa = directory.organization("Fundacja Alfa")
    html = client.get(alfa.get_absolute_url()).content.decode()
    assert f"/wydarzenia/?widok=lista&amp;organizator={alfa.slug}" in html


@pytest.mark.parametrize("query", ["zwierzat", "ZWIERZĄT", "lodz", "Łódź ochrona"])
def test_the_text_search_ignores_polish_letters_and_case(client, query):
    factories.event(title="Ochrona zwierząt w mieście", venue="Dom Kultury Łódź")
    factories.event(title="Warsztaty rękodzieła")
    body = client.get(f"{CALENDAR}?widok=lista&q={query}").content.decode()
    assert "Ochrona zwierząt w mieście" in body
    assert "Warsztaty rękodzieła" not in body
