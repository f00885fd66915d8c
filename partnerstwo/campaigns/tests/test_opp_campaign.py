"""The 1.5% campaign (issue 16): its season, the home page's block, the campaign page filtered by sphere and
district, each organisation's card and leaflet, the count of card views and the Centre's panel of them."""

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerstwo.campaigns import cards, season
from partnerstwo.campaigns.models import CardView, OppSeason
from partnerstwo.organizations.models import OppListEdition, OppListEntry, Organization
from partnerstwo.organizations.tests import factories as make
from partnerstwo.organizations.tests.test_opp_list import on_the_list

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"}


def at(fixed_clock, *args):
    fixed_clock.move_to(dt.datetime(*args, 12, 0, tzinfo=WARSAW))


def listed(count, **fields):
    """`count` new organisations named in the newest edition of the list (made when there is none)."""
    start = Organization.objects.count()
    organizations = [make.organization(f"OPP {n:03d}", is_opp=True, opp_purpose=f"cel {n}", **fields)
                     for n in range(start, start + count)]
    edition = OppListEdition.objects.newest()
    if edition is None:
        on_the_list(*organizations)
    else:
        OppListEntry.objects.bulk_create([OppListEntry(edition=edition, krs=o.krs, name=o.name, organization=o)
                                          for o in organizations])
    return organizations


# The season ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("day", "running"), [
    (dt.date(2027, 1, 1), True), (dt.date(2027, 4, 30), True), (dt.date(2026, 12, 31), False),
    (dt.date(2027, 5, 1), False), (dt.date(2028, 2, 29), True),
])
def test_the_default_season_runs_from_the_first_of_january_to_the_thirtieth_of_april(day, running):
    assert (season.current(day) is not None) == running


def test_the_season_follows_the_settings_even_across_the_new_year(settings):
    settings.OPP_CAMPAIGN_FROM, settings.OPP_CAMPAIGN_UNTIL = (11, 15), (2, 29)
    assert season.current(dt.date(2026, 11, 14)) is None
    assert season.current(dt.date(2026, 11, 15)) == season.Season(dt.date(2026, 11, 15), dt.date(2027, 2, 28))
    assert season.current(dt.date(2027, 2, 28)) is not None
    assert season.current(dt.date(2027, 3, 1)) is None


def test_a_season_set_by_the_centre_replaces_the_default_one_of_its_year():
    OppSeason.objects.create(starts_on=dt.date(2027, 2, 1), ends_on=dt.date(2027, 5, 31))
    assert season.current(dt.date(2027, 1, 15)) is None
    assert season.current(dt.date(2027, 5, 31)) == season.Season(dt.date(2027, 2, 1), dt.date(2027, 5, 31))
    assert season.latest(dt.date(2027, 8, 1)) == season.Season(dt.date(2027, 2, 1), dt.date(2027, 5, 31))
    assert season.latest(dt.date(2026, 12, 2)) == season.Season(dt.date(2026, 1, 1), dt.date(2026, 4, 30))


def test_between_seasons_the_campaign_page_announces_the_next_one(client, settings, fixed_clock):
    at(fixed_clock, 2026, 12, 2)
    assert "następna zacznie się 1 stycznia 2027" in client.get(reverse("opp_campaign:index")).content.decode()
    settings.OPP_CAMPAIGN_FROM, settings.OPP_CAMPAIGN_UNTIL = (12, 15), (4, 30)
    assert season.next_default(dt.date(2026, 12, 2)) == season.Season(dt.date(2026, 12, 15), dt.date(2027, 4, 30))
    at(fixed_clock, 2027, 2, 1)
    assert "Kampania trwa od 15 grudnia do 30 kwietnia 2027" in client.get(
        reverse("opp_campaign:index")).content.decode()


def test_a_bad_season_setting_fails_at_start(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from partnerstwo.settings import env_month_day

    monkeypatch.setenv("OPP_CAMPAIGN_UNTIL", "04-31")
    with pytest.raises(ImproperlyConfigured):
        env_month_day("OPP_CAMPAIGN_UNTIL", "04-30")


# The home page ---------------------------------------------------------------------------------------------


def test_the_home_page_shows_the_campaign_in_season_only(client, fixed_clock):
    listed(5)
    at(fixed_clock, 2027, 4, 30)
    page = client.get("/").content.decode()
    assert "home-opp-campaign-heading" in page and reverse("opp_campaign:index") in page
    assert page.count('href="/1-5-procent/karta/') == 3
    at(fixed_clock, 2027, 5, 1)
    assert "home-opp-campaign-heading" not in client.get("/").content.decode()


def test_the_organisations_on_the_home_page_stay_the_same_all_day(client, fixed_clock):
    listed(12)
    at(fixed_clock, 2027, 2, 3)
    first = client.get("/").context["organizations"]
    assert [o.pk for o in first] == [o.pk for o in client.get("/").context["organizations"]]


def test_the_home_page_block_costs_the_same_at_any_size_of_the_list(client, fixed_clock):
    at(fixed_clock, 2027, 2, 3)
    listed(2)
    client.get("/")
    with CaptureQueriesContext(connection) as small:
        client.get("/")
    listed(30)
    with CaptureQueriesContext(connection) as large:
        client.get("/")
    assert len(large) == len(small)


# The campaign page -----------------------------------------------------------------------------------------


def test_the_campaign_page_lists_the_organisations_on_the_list_by_sphere_and_district(client):
    centrum = make.district("Centrum")
    health = make.organization("Zdrowie Centrum", is_opp=True, spheres=["health"], district=centrum)
    other = make.organization("Ekologia", is_opp=True, spheres=["ecology-animals"])
    make.organization("Poza wykazem", is_opp=True, spheres=["health"], district=centrum)
    on_the_list(health, other)
    url = reverse("opp_campaign:index")
    assert names(client.get(url)) == ["Ekologia", "Zdrowie Centrum"]
    assert names(client.get(url, {"sfera": "health"})) == ["Zdrowie Centrum"]
    assert names(client.get(url, {"osiedle": "centrum"})) == ["Zdrowie Centrum"]
    assert names(client.get(url, {"q": "ekolog"})) == ["Ekologia"]


def names(response):
    return [organization.name for organization in response.context["page_obj"].object_list]


@pytest.mark.parametrize("query", [
    {"sfera": "nie-ma-takiej"}, {"osiedle": "<script>"}, {"q": "x" * 500}, {"strona": "-1"}, {"strona": "abc"},
    {"sfera": ["health", "culture"]}, {"q": "\x00"},
])
def test_bad_filters_get_a_message_and_never_a_500(client, query):
    listed(2)
    response = client.get(reverse("opp_campaign:index"), query)
    assert response.status_code == 200


def test_a_bad_sphere_is_reported_next_to_the_field_and_in_the_summary(client):
    listed(2)
    page = client.get(reverse("opp_campaign:index"), {"sfera": "nie-ma-takiej"}).content.decode()
    assert 'id="error-summary"' in page and 'href="#id_sfera"' in page


def test_the_campaign_page_runs_a_constant_number_of_queries(client):
    listed(3, district=make.district("Centrum"), spheres=["health", "culture"])
    client.get(reverse("opp_campaign:index"))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("opp_campaign:index"))
    listed(25, district=make.district("Bojary"), spheres=["health"])
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("opp_campaign:index"))
    assert len(large) == len(small)


def test_the_campaign_page_without_an_edition_says_the_list_is_not_loaded(client):
    make.organization("OPP bez wykazu", is_opp=True)
    response = client.get(reverse("opp_campaign:index"))
    assert names(response) == [] and "nie został jeszcze wczytany" in response.content.decode()


# The card and the leaflet ----------------------------------------------------------------------------------


def test_the_card_shows_the_krs_number_the_purpose_and_a_link_with_open_graph_tags(client):
    organization = make.organization("Fundacja Dobra", is_opp=True, krs="0000123456", opp_purpose="leczenie Ani")
    on_the_list(organization)
    page = client.get(reverse("opp_campaign:card", args=[organization.slug]), **BROWSER).content.decode()
    assert "0000123456" in page and "leczenie Ani" in page
    assert f'href="{organization.get_absolute_url()}"' in page
    assert '<meta property="og:title" content="1,5% podatku dla: Fundacja Dobra">' in page
    assert 'content="Przekaż 1,5% podatku organizacji Fundacja Dobra: w zeznaniu PIT wpisz numer KRS 0000123456.' \
        in page
    assert f'<link rel="canonical" href="http://testserver/1-5-procent/karta/{organization.slug}/">' in page


def test_only_organisations_on_the_current_list_have_a_card(client):
    on_list, = listed(1)
    hidden = make.organization("Ukryta", is_opp=True, is_published=False)
    absent = make.organization("Nieobecna", is_opp=True)
    on_the_list(on_list, hidden, year=2024, as_of=dt.date(2024, 12, 15))  # an older edition names the others
    for organization in (hidden, absent):
        assert client.get(reverse("opp_campaign:card", args=[organization.slug])).status_code == 404
        assert client.get(reverse("opp_campaign:leaflet", args=[organization.slug])).status_code == 404
    assert client.get("/1-5-procent/karta/nie-ma-takiej/").status_code == 404


def test_the_leaflet_is_a_printable_a4_page_of_its_own(client):
    organization, = listed(1)
    response = client.get(reverse("opp_campaign:leaflet", args=[organization.slug]))
    page = response.content.decode()
    assert response.status_code == 200 and 'class="opp-leaflet card-leaflet"' in page
    assert organization.krs in page and "data-print" in page
    assert CardView.objects.count() == 0  # the leaflet is not a view of the card


# Counting views --------------------------------------------------------------------------------------------


def test_each_reader_adds_one_view_for_the_day_without_a_cookie(client, fixed_clock):
    organization, = listed(1)
    url = reverse("opp_campaign:card", args=[organization.slug])
    at(fixed_clock, 2027, 2, 3)
    response = client.get(url, **BROWSER)
    client.get(url, **BROWSER)
    at(fixed_clock, 2027, 2, 4)
    client.get(url, **BROWSER)
    assert not response.cookies
    assert dict(CardView.objects.values_list("day", "views")) == {dt.date(2027, 2, 3): 2, dt.date(2027, 2, 4): 1}


@pytest.mark.parametrize("headers", [
    {"HTTP_USER_AGENT": "Googlebot/2.1 (+http://www.google.com/bot.html)"},
    {"HTTP_USER_AGENT": "facebookexternalhit/1.1"},
    {},
    {**BROWSER, "HTTP_SEC_PURPOSE": "prefetch"},
    {**BROWSER, "HTTP_PURPOSE": "prefetch"},
])
def test_robots_and_prefetching_are_not_counted(client, headers):
    organization, = listed(1)
    assert client.get(reverse("opp_campaign:card", args=[organization.slug]), **headers).status_code == 200
    assert CardView.objects.count() == 0


def test_a_head_request_is_not_counted(client):
    organization, = listed(1)
    client.head(reverse("opp_campaign:card", args=[organization.slug]), **BROWSER)
    assert CardView.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_views_counted_at_the_same_time_are_not_lost():
    organization, = listed(1)
    day = dt.date(2027, 2, 3)
    errors = []

    def count(times):
        try:
            for _ in range(times):
                cards.count_view(organization.pk, day)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            close_old_connections()

    if connection.vendor == "sqlite":
        # SQLite serialises writers; the repeated upsert still must add one per call, the first one included.
        for _ in range(4):
            count(10)
    else:
        threads = [threading.Thread(target=count, args=(10,)) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert CardView.objects.get(organization=organization, day=day).views == 40


# The panel -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "status"), [
    ("resident", 403), ("representative_a", 403), ("team_member", 403), ("official_x", 200), ("administrator", 200),
])
def test_only_the_centre_sees_the_card_views(client, request, role, status):
    listed(1)
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("panel:campaigns_panel:card_views")).status_code == status
    assert client.get(reverse("panel:campaigns_panel:card_views_csv")).status_code == status


def test_a_stranger_is_sent_to_log_in(client):
    assert client.get(reverse("panel:campaigns_panel:card_views")).status_code == 302


def test_the_panel_counts_the_season_and_sorts_by_views_or_name(client, official_x, fixed_clock):
    alfa, beta = make.organization("Alfa", is_opp=True), make.organization("Beta", is_opp=True)
    on_the_list(alfa, beta)
    CardView.objects.create(organization=beta, day=dt.date(2027, 1, 10), views=5)
    CardView.objects.create(organization=alfa, day=dt.date(2027, 4, 30), views=2)
    CardView.objects.create(organization=alfa, day=dt.date(2026, 4, 30), views=100)  # last season
    at(fixed_clock, 2027, 5, 20)  # after the season: its numbers
    client.force_login(official_x)
    response = client.get(reverse("panel:campaigns_panel:card_views"))
    rows = [(o.name, o.card_views) for o in response.context["page_obj"].object_list]
    assert rows == [("Beta", 5), ("Alfa", 2)] and response.context["total"] == 7
    response = client.get(reverse("panel:campaigns_panel:card_views"), {"sortuj": "nazwa"})
    assert [o.name for o in response.context["page_obj"].object_list] == ["Alfa", "Beta"]
    response = client.get(reverse("panel:campaigns_panel:card_views"), {"sortuj": "'; DROP TABLE"})
    assert response.status_code == 200 and 'href="#id_sortuj"' in response.content.decode()


def test_the_csv_export_has_every_organisation_with_its_views(client, official_x, fixed_clock):
    alfa = make.organization("=Alfa", is_opp=True)
    on_the_list(alfa)
    CardView.objects.create(organization=alfa, day=dt.date(2027, 1, 10), views=5)
    at(fixed_clock, 2027, 2, 1)
    client.force_login(official_x)
    response = client.get(reverse("panel:campaigns_panel:card_views_csv"))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines() == ["Organizacja,Numer KRS,Wyświetlenia karty", f"'=Alfa,{alfa.krs},5"]


def test_the_panel_list_runs_a_constant_number_of_queries(client, official_x):
    client.force_login(official_x)
    listed(2)
    client.get(reverse("panel:campaigns_panel:card_views"))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("panel:campaigns_panel:card_views"))
    for organization in listed(30):
        CardView.objects.create(organization=organization, day=dt.date(2026, 2, 1), views=3)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("panel:campaigns_panel:card_views"))
    assert len(large) == len(small)


def test_a_season_that_ends_before_it_starts_is_refused_in_the_admin(client, administrator):
    client.force_login(administrator)
    response = client.post(reverse("admin:campaigns_oppseason_add"),
                           {"starts_on": "2027-03-01", "ends_on": "2027-02-01", "note": ""})
    assert response.status_code == 200
    assert "Ostatni dzień nie może być wcześniejszy niż pierwszy." in response.content.decode()
    response = client.post(reverse("admin:campaigns_oppseason_add"),
                           {"starts_on": "1 marca", "ends_on": "", "note": ""})
    assert response.status_code == 200 and not OppSeason.objects.exists()
    client.post(reverse("admin:campaigns_oppseason_add"), {"starts_on": "2027-02-01", "ends_on": "2027-05-31"})
    assert OppSeason.objects.count() == 1
