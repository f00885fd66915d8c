"""No GET parameter of the directory's public URLs can cause a server error."""

import pytest

from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db

URLS = [
    "/organizacje/", "/organizacje/mapa/", "/organizacje/mapa/punkty.json", "/organizacje/eksport.csv",
    "/organizacje/eksport.json", "/organizacje/eksport.xlsx", "/api/organizacje/", "/1-5-procent/",
    "/1-5-procent/ulotka/", "/en/organizacje/",
]
PARAMETERS = ["q", "sfera", "osiedle", "forma", "grupa", "opp", "wolontariat", "raport", "sortuj", "page", "page_size"]
VALUES = [
    "a\x00b", "x" * 5000, "'; DROP TABLE organizations_organization; --", "%_\\", "<script>alert(1)</script>",
    "-1", "99999999999999999999999999", "1e9", "ą" * 300, "🙂",
]


@pytest.fixture
def organization():
    return make.organization("Fundacja Łąki", spheres=["culture"], is_opp=True, latitude="53.1", longitude="23.1")


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("value", VALUES)
def test_hostile_values_in_every_parameter_never_cause_a_server_error(client, organization, url, value):
    response = client.get(url, dict.fromkeys(PARAMETERS, value))

    assert response.status_code in (200, 400, 404), response.status_code
    if response.streaming:
        b"".join(response.streaming_content)


@pytest.mark.parametrize("url", URLS)
def test_repeated_parameters_never_cause_a_server_error(client, organization, url):
    response = client.get(url + "?q=a&q=b&sfera=culture&sfera=sport&page=1&page=2&opp=1&opp=0")

    assert response.status_code in (200, 400, 404)
    if response.streaming:
        b"".join(response.streaming_content)


def test_a_hostile_profile_slug_is_a_404(client):
    assert client.get("/organizacje/%00/").status_code == 404
    assert client.get("/api/organizacje/" + "x" * 500 + "/").status_code == 404
