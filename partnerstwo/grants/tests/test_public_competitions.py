"""The public pages: the list with filters and constant queries, the competition page, results, the iCal feed."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.grants.competitions import lifecycle
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.tests.competition_factories import at, competition, today
from partnerstwo.organizations.tests import factories as directory

Status = Competition.Status
pytestmark = pytest.mark.django_db
LIST = reverse("grants:list")


def titles(response) -> list[str]:
    return [c.title for c in response.context["page_obj"].object_list]


def test_planned_competitions_are_not_public(client, department_x):
    planned = competition(department_x)
    assert planned.title not in client.get(LIST).content.decode()
    assert client.get(planned.get_absolute_url()).status_code == 404


def test_the_official_who_may_edit_it_sees_a_preview_of_a_planned_competition(client, official_x, department_x):
    planned = competition(department_x)
    client.force_login(official_x)
    response = client.get(planned.get_absolute_url())
    assert response.status_code == 200
    assert "Podgląd" in response.content.decode()


def test_an_official_of_another_department_gets_no_preview(client, official_y, department_x):
    planned = competition(department_x)
    client.force_login(official_y)
    assert client.get(planned.get_absolute_url()).status_code == 404


def test_the_list_shows_current_then_upcoming_then_past(client, department_x):
    past = competition(department_x, status=Status.RESULTS, title="Zakończony",
                       announced_on=today() - dt.timedelta(days=90), deadline=at(today() - dt.timedelta(days=60)))
    upcoming = competition(department_x, status=Status.ANNOUNCED, title="Zapowiedziany",
                           announced_on=today() + dt.timedelta(days=2))
    current = competition(department_x, status=Status.ACCEPTING, title="Trwający")
    response = client.get(LIST)
    assert titles(response) == [current.title, upcoming.title, past.title]
    body = response.content.decode()
    assert body.index("Trwa nabór ofert") < body.index("Ogłoszone – nabór wkrótce") < body.index("Zakończone")


def test_the_list_filters_by_sphere_department_year_status_and_text(client, department_x, department_y):
    spheres = list(PublicTaskSphere.objects.order_by("position")[:2])
    a = competition(department_x, status=Status.ACCEPTING, title="Sport dla młodzieży", sphere=spheres[0])
    b = competition(department_y, status=Status.CLOSED, title="Kultura na osiedlach", sphere=spheres[1],
                    deadline=at(dt.date(2025, 3, 1)), announced_on=dt.date(2025, 2, 1), year=2025)
    assert titles(client.get(LIST, {"sfera": spheres[1].slug})) == [b.title]
    assert titles(client.get(LIST, {"wydzial": department_x.pk})) == [a.title]
    assert titles(client.get(LIST, {"rok": "2025"})) == [b.title]
    assert titles(client.get(LIST, {"stan": "accepting"})) == [a.title]
    assert titles(client.get(LIST, {"q": "MLODZIEZY"})) == [a.title]  # folded: case and diacritics do not matter


def test_an_invalid_filter_is_reported_and_ignored(client, department_x):
    made = competition(department_x, status=Status.ACCEPTING)
    response = client.get(LIST, {"stan": "planned", "rok": "abc"})
    assert response.status_code == 200
    assert titles(response) == [made.title]


def test_pagination_keeps_the_query(client, department_x):
    for _ in range(21):
        competition(department_x, status=Status.ACCEPTING, title="Sport seniorów")
    body = client.get(LIST, {"q": "sport"}).content.decode()
    assert "?q=sport&amp;strona=2" in body


def test_the_list_costs_the_same_number_of_queries_whatever_the_number_of_competitions(
    client, department_x, django_assert_num_queries
):
    competition(department_x, status=Status.ACCEPTING)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST, {"q": "seniorow", "stan": "accepting"})
    for _ in range(15):
        competition(department_x, status=Status.ACCEPTING)
        competition(department_x, status=Status.RESULTS, deadline=at(today() - dt.timedelta(days=3)),
                    announced_on=today() - dt.timedelta(days=40))
    with django_assert_num_queries(len(few)):
        client.get(LIST, {"q": "seniorow", "stan": "accepting"})
    with django_assert_num_queries(len(few)):
        client.get(LIST, {"strona": "2"})


def test_the_competition_page_shows_every_art_13_item_the_countdown_and_the_report_date(
    client, department_x, fixed_clock
):
    # The task's dates below are fixed, so the day the clock shows is fixed too.
    fixed_clock.move_to(dt.datetime(2026, 12, 2, 11, 0, tzinfo=ZoneInfo("Europe/Warsaw")))
    made = competition(department_x, status=Status.ACCEPTING, deadline=at(today() + dt.timedelta(days=12), 15, 30),
                       task_end=dt.date(2027, 6, 30))
    body = client.get(made.get_absolute_url()).content.decode()
    assert "Do końca naboru: 12 dni" in body
    assert "15:30" in body
    for text in [made.task_type, made.award_rules, made.implementation_terms, made.procedure_and_criteria,
                 made.eligibility, made.submission_info, "Kluby seniora", "Jakość zadania", department_x.name]:
        assert text in body
    assert "sprawozdanie do 30 lipca 2027" in body
    assert "w Biuletynie Informacji Publicznej" in body


def test_the_page_shows_the_history_the_changes_and_the_cancellation_reason(client, department_x):
    made = competition(department_x, status=Status.CLOSED)
    lifecycle.cancel(made, ground="no_offers", details="Nabór powtórzymy w marcu.")
    body = client.get(made.get_absolute_url()).content.decode()
    assert "Konkurs został unieważniony" in body
    assert "Nie złożono żadnej oferty (art. 18a). Nabór powtórzymy w marcu." in body
    assert "Historia konkursu" in body and "unieważniony" in body
    assert "Zmiany ogłoszenia" in body


def test_published_results_show_organisation_task_and_amount(client, department_x):
    made = competition(department_x, status=Status.EVALUATION, announced_on=today() - dt.timedelta(days=40),
                       deadline=at(today() - dt.timedelta(days=5)))
    organization = directory.organization("Fundacja Pomocy Seniorom", is_published=True)
    offer = Offer.objects.create(competition=made, organization=organization, title="Klub seniora na Bojarach",
                                 requested_amount=Decimal("20000"), received_on=today() - dt.timedelta(days=6))
    lifecycle.publish_results(made, note="Wyniki zatwierdzone zarządzeniem.", amounts={offer.pk: Decimal("18500")})
    for url in [made.get_absolute_url(), reverse("grants:results")]:
        body = client.get(url).content.decode()
        assert "Fundacja Pomocy Seniorom" in body and "Klub seniora na Bojarach" in body
        assert "18" in body and "500,00" in body


def test_the_results_page_costs_constant_queries(client, department_x, django_assert_max_num_queries):
    organization = directory.organization("Fundacja", is_published=True)
    for _ in range(5):
        made = competition(department_x, status=Status.RESULTS, announced_on=today() - dt.timedelta(days=40),
                           deadline=at(today() - dt.timedelta(days=5)), results_published_at=timezone.now())
        Offer.objects.create(competition=made, organization=organization, title="Zadanie", awarded_amount=1000,
                             requested_amount=1000, received_on=today())
    with django_assert_max_num_queries(8):
        client.get(reverse("grants:results"))


def test_competition_addresses_do_not_clash_with_the_fixed_pages(client):
    assert reverse("grants:results") == "/konkursy/wyniki/"
    assert client.get("/konkursy/wyniki/").status_code == 200


def test_the_ical_feed_has_stable_uids_sequence_timezone_and_cancellations(client, department_x):
    open_one = competition(department_x, status=Status.ACCEPTING, deadline=at(today() + dt.timedelta(days=20), 15))
    cancelled = competition(department_x, status=Status.CLOSED)
    lifecycle.cancel(cancelled, ground="no_offers")
    competition(department_x)  # planned: not in the feed
    response = client.get(reverse("grants:deadlines_ical"))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Warsaw"]
    events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
    assert len(events) == 4
    deadline = events[f"konkurs-{open_one.pk}-termin-ofert@partnerstwo"]
    assert deadline.decoded("dtstart") == open_one.offer_deadline
    assert str(deadline["status"]) == "CONFIRMED" and int(deadline["sequence"]) == 0
    gone = events[f"konkurs-{cancelled.pk}-termin-ofert@partnerstwo"]
    assert str(gone["status"]) == "CANCELLED" and int(gone["sequence"]) == 1
    decision = events[f"konkurs-{open_one.pk}-wybor-ofert@partnerstwo"]
    assert decision.decoded("dtstart") == open_one.decision_date


def test_the_events_calendar_and_main_navigation_link_to_the_competitions(client):
    body = client.get(reverse("events:calendar")).content.decode()
    assert reverse("grants:deadlines_ical") in body
    assert 'href="/konkursy/"' in body


@pytest.mark.django_db
def test_the_admin_refuses_a_slug_that_would_hide_a_fixed_page(rf, administrator):
    from django.contrib import admin

    from partnerstwo.grants.competitions.models import Competition

    request = rf.get("/")
    request.user = administrator
    form_class = admin.site._registry[Competition].get_form(request)
    form = form_class(data={"slug": "wyniki"})
    form.is_valid()
    assert "Ten adres jest zajęty przez stronę serwisu; wybierz inny." in form.errors["slug"]
