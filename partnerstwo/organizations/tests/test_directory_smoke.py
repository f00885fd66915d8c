import pytest

from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db


def test_every_public_directory_address_answers(client):
    org = make.organization("Fundacja Łódź", spheres=["culture"], target_groups=["dzieci"], is_opp=True,
                            opp_purpose="cel", district=make.district(), latitude=53.1, longitude=23.1)
    for url in ["/organizacje/", "/organizacje/mapa/", "/organizacje/mapa/punkty.json", f"/organizacje/{org.slug}/",
                "/1-5-procent/", "/1-5-procent/ulotka/", "/api/organizacje/", f"/api/organizacje/{org.slug}/",
                "/organizacje/eksport.csv", "/organizacje/eksport.json", "/organizacje/eksport.xlsx"]:
        response = client.get(url)
        assert response.status_code == 200, url
