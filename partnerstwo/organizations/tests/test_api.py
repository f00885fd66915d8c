"""The read-only JSON API /api/organizacje/ (docs/api.md)."""

import pytest

from partnerstwo.organizations import public_data
from partnerstwo.organizations.tests import factories as make

pytestmark = pytest.mark.django_db
PRIVATE = {
    "search_text", "contact_email_confirmed_at", "confirmed_contact_email",
    "updated_by", "is_published", "id", "created_at",
}


def test_the_list_gives_count_pages_and_absolute_next_and_previous_links(client):
    for n in range(7):
        make.organization(f"Fundacja {n}", spheres=["culture"])

    first = client.get("/api/organizacje/", {"page_size": 3, "sfera": "culture"}).json()
    second = client.get(first["next"].removeprefix("http://testserver")).json()

    assert first["count"] == 7
    assert [item["name"] for item in first["results"]] == ["Fundacja 0", "Fundacja 1", "Fundacja 2"]
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/organizacje/?page_size=3&sfera=culture&page=2"
    assert [item["name"] for item in second["results"]] == ["Fundacja 3", "Fundacja 4", "Fundacja 5"]
    assert second["previous"] == "http://testserver/api/organizacje/?page_size=3&sfera=culture&page=1"


def test_the_list_uses_the_directory_filters(client):
    make.organization("Fundacja Łąki", is_opp=True)
    make.organization("Fundacja Rzeki")

    data = client.get("/api/organizacje/", {"q": "laki", "opp": "1"}).json()

    assert data["count"] == 1
    assert data["results"][0]["name"] == "Fundacja Łąki"


def test_records_carry_only_public_fields(client):
    org = make.organization("Fundacja Łąki", spheres=["culture"], target_groups=["dzieci"])

    listed = client.get("/api/organizacje/").json()["results"][0]
    detail = client.get(f"/api/organizacje/{org.slug}/").json()

    assert list(listed) == list(detail) == public_data.KEYS
    assert not PRIVATE & set(detail)
    assert detail["url"] == f"http://testserver/organizacje/{org.slug}/"
    assert detail["target_groups"] == [{"slug": "dzieci", "name": "dzieci"}]


def test_unpublished_organisations_do_not_exist_in_the_api(client):
    org = make.organization("Ukryta", is_published=False)

    assert client.get("/api/organizacje/").json()["count"] == 0
    response = client.get(f"/api/organizacje/{org.slug}/")
    assert response.status_code == 404
    assert "errors" in response.json()


@pytest.mark.parametrize(
    "params",
    [{"page_size": "101"}, {"page_size": "0"}, {"page": "-1"}, {"page": "x"}, {"sfera": "nie-ma"},
     {"raport": "1200"}, {"q": "a" * 201}, {"page": "1" * 40}],
)
def test_invalid_parameters_get_a_400_that_says_what_is_wrong(client, params):
    response = client.get("/api/organizacje/", params)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == set(params)


def test_a_page_past_the_end_is_a_404(client):
    make.organization("Alfa")

    assert client.get("/api/organizacje/", {"page": "2"}).status_code == 404


def test_the_api_is_read_only_and_open_to_other_sites(client):
    response = client.get("/api/organizacje/")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.post("/api/organizacje/", {}).status_code == 405


@pytest.mark.parametrize("rows", [3, 30])
def test_the_list_runs_a_constant_number_of_queries(client, django_assert_num_queries, rows):
    for n in range(rows):
        make.organization(f"Fundacja {n:02d}", spheres=["culture", "sport"], target_groups=["dzieci"])

    # the form's choices (4), the count, the reference tables (3), the page, its spheres and target groups
    with django_assert_num_queries(11):
        assert client.get("/api/organizacje/", {"page_size": 100}).status_code == 200


def test_json_never_carries_raw_html(client):
    make.organization("Fundacja <b>Alfa</b> & Co")

    body = client.get("/api/organizacje/", {"sfera": "<script>alert(1)</script>"}).content.decode()
    listed = client.get("/api/organizacje/").content.decode()

    assert "<script>" not in body and "\\u003cscript\\u003e" in body
    assert "<b>" not in listed
    assert client.get("/api/organizacje/").json()["results"][0]["name"] == "Fundacja <b>Alfa</b> & Co"
