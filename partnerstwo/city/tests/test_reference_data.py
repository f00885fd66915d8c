from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.city.reference import load_districts
from partnerstwo.lib.context_processors import city_for_language


def test_it_loads_the_28_districts_of_the_configured_city_once(db):
    assert load_districts() == 28
    assert load_districts() == 0
    assert District.objects.count() == 28
    assert District.objects.get(slug="sloneczny-stok").name == "Słoneczny Stok"
    assert District.objects.get(slug="lesna-dolina").name == "Leśna Dolina"


def test_a_district_edited_by_an_administrator_survives_reloading(db):
    load_districts()
    District.objects.filter(name="Centrum").update(name="Centrum Miasta")
    load_districts()
    assert District.objects.filter(name="Centrum Miasta").exists()
    assert District.objects.count() == 28


def test_the_spheres_of_public_tasks_come_with_the_migrations_with_their_point_labels(db):
    assert PublicTaskSphere.objects.count() == 41
    addiction = PublicTaskSphere.objects.get(slug="addiction-prevention")
    assert addiction.point_label == "32"
    assert addiction.name_pl == "przeciwdziałania uzależnieniom i patologiom społecznym"
    assert PublicTaskSphere.objects.get(slug="foreigners-integration").point_label == "5a"


def test_english_pages_get_the_plain_city_name_and_translated_body_names(settings):
    english = city_for_language("en")
    assert english["name_locative"] == "Białystok"
    assert english["advisory_body_name"] == "NGO Consultative Team"
    assert english["centre"]["name"] == "NGO Cooperation Centre"
    assert english["centre"]["email"] == settings.CITY["centre"]["email"]
    polish = city_for_language("pl")
    assert polish["name_locative"] == "Białymstoku"
    assert polish["advisory_body_name"] == "Zespół Konsultacyjny Organizacji Pozarządowych"


def test_the_english_home_page_names_the_team_in_english(client, db):
    response = client.get("/en/")
    assert "NGO Consultative Team" in response.content.decode()
    assert "Zespół Konsultacyjny Organizacji Pozarządowych" not in response.content.decode()
