"""The privacy policy lists every place that collects data, with retention printed from the settings,
and says who learns a reader's IP address through the map's tiles."""

import io

import pytest

from partnerstwo.pages import demo, privacy

pytestmark = pytest.mark.django_db

PLACES = (
    "Konto w serwisie", "Przedstawiciele organizacji", "Newsletter", "Wiadomości do organizacji",
    "Zapisy na wydarzenia i szkolenia", "Uwagi do ofert małych grantów", "Formularz „Napisz do nas”",
    "Komisje konkursowe", "Członkowie Zespołu Konsultacyjnego", "Propozycje dobrych praktyk",
    "Ogłoszenia „Szukam partnera” i odpowiedzi na nie",
)


@pytest.fixture
def policy(client, db):
    demo.load(io.StringIO())

    def read() -> str:
        return client.get(f"/{privacy.PRIVACY_SLUG}/").content.decode()

    return read


def test_every_place_that_collects_data_has_purpose_basis_retention_and_recipients(policy):
    html = policy()

    for place in PLACES:
        assert f"<h3>{place}</h3>" in html, place
    # Every entry of the register, not only the ones named above, is printed whole.
    for label in ("Jakie dane", "Cel", "Podstawa prawna", "Jak długo", "Odbiorcy"):
        assert html.count(f"<dt>{label}</dt>") == len(privacy.processing_register()), label


def test_the_retention_periods_are_the_settings(policy, settings):
    settings.FEEDBACK_RETENTION_DAYS = 123
    settings.EVENTS_REGISTRATION_RETENTION_DAYS = 45
    settings.PERSONAL_DATA_IP_RETENTION_DAYS = 61
    settings.NEWSLETTER_CONSENT_RETENTION_YEARS = 11
    settings.NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS = 29

    html = policy()

    assert "123 dni od potwierdzenia" in html
    assert "45 dni po wydarzeniu" in html
    assert "adres IP i przeglądarka w zapisie zgody – 61 dni" in html
    assert "11 lat od jej wycofania" in html
    assert "a potem 29 dni" in html


def test_the_default_periods_are_printed(policy):
    html = policy()

    assert "365 dni od potwierdzenia" in html
    assert "180 dni po wydarzeniu" in html
    assert "– 90 dni" in html
    assert "6 lat od jej wycofania" in html


def test_the_controller_and_dpo_come_from_the_city_config(policy, settings):
    city = dict(settings.CITY)
    city["data_controller"] = {**city["data_controller"], "name": "Prezydent Miasta Testowa",
                               "dpo_email": "iod@testowo.example.org"}
    settings.CITY = city

    html = policy()

    assert "Administratorem wszystkich tych danych jest Prezydent Miasta Testowa" in html
    assert "iod@testowo.example.org" in html


def test_third_party_tiles_are_named_and_the_ip_address_disclosed(policy, settings):
    settings.MAP_TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

    html = policy()

    assert "<strong>tile.openstreetmap.org</strong>" in html
    assert "OpenStreetMap Foundation" in html
    assert "poznaje Twój adres IP" in html


def test_another_host_is_named_by_its_address(policy, settings):
    settings.MAP_TILES_URL = "https://{s}.tiles.example.com/{z}/{x}/{y}.png"

    html = policy()

    assert "<strong>a.tiles.example.com</strong>" in html
    assert "poznaje Twój adres IP" in html


def test_the_citys_own_tile_server_is_not_a_third_party(policy, settings):
    settings.MAP_TILES_URL = "https://mapy.bialystok.pl/tiles/{z}/{x}/{y}.png"

    html = policy()

    assert "mapy.bialystok.pl, który należy do administratora" in html
    assert "poznaje Twój adres IP" not in html


def test_a_lookalike_domain_is_still_a_third_party(policy, settings):
    settings.MAP_TILES_URL = "https://tiles.notbialystok.pl/{z}/{x}/{y}.png"

    assert "poznaje Twój adres IP" in policy()


def test_tiles_from_the_site_itself_are_its_own(policy, settings):
    settings.MAP_TILES_URL = "/tiles/{z}/{x}/{y}.png"

    assert "który należy do administratora" in policy()


def test_without_tiles_nobody_learns_anything(policy, settings):
    settings.MAP_TILES_URL = ""

    html = policy()

    assert "nie wczytuje podkładu mapowego z żadnego serwera" in html
    assert "poznaje Twój adres IP" not in html


def test_other_pages_have_no_register(client, db):
    demo.load(io.StringIO())

    assert "Dane w poszczególnych częściach serwisu</h2>" not in client.get("/kontakt/").content.decode()


def test_the_constants_repeated_here_are_the_apps_own():
    from partnerstwo.newsletter import subscriptions
    from partnerstwo.small_grants import procedure

    assert privacy.NEWSLETTER_CONFIRMATION_DAYS == subscriptions.CONFIRMATION_DAYS
    assert privacy.SMALL_GRANT_COMMENT_CONFIRMATION_DAYS == procedure.CONFIRMATION_DAYS


def test_the_demo_body_no_longer_claims_no_third_party_host_is_used(policy):
    assert "Serwis nie wczytuje treści z serwerów innych firm" not in policy()
