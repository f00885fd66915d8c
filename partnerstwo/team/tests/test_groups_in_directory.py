"""The advisory body's groups in the directory: a representative joins or leaves an open sector group from
their organisation's profile in one step (and comes back to it); the profile lists the organisation's groups;
the directory filters by group, its choices from the database, in a constant number of queries."""

import pytest
from django.urls import reverse

from partnerstwo.organizations.tests import factories as directory
from partnerstwo.team.models import Group, GroupMember
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def culture(db):
    return Group.objects.create(body=f.body(), kind="sector", name="Grupa branżowa: kultura", slug="kultura")


@pytest.fixture
def working(db):
    return Group.objects.create(body=f.body(), kind="working", name="Zespół roboczy: seniorzy", slug="seniorzy",
                                is_open=False)


@pytest.fixture
def alfa(representative_a):
    org = f.organization("Fundacja Alfa")
    directory.represent(representative_a, org)
    return org


def test_a_representative_joins_and_leaves_from_the_profile_in_one_step(client, representative_a, alfa, culture,
                                                                        working):
    client.force_login(representative_a)
    profile = alfa.get_absolute_url()
    page = client.get(profile).content.decode()
    assert "Grupa branżowa: kultura" in page and "Dołącz" in page
    assert "Zespół roboczy: seniorzy" not in page  # an appointed team is not joined

    response = client.post(culture.get_absolute_url(), {"action": "join", "organization": alfa.pk, "next": profile})
    assert response.status_code == 302 and response["Location"] == profile
    assert culture.members.get().organization == alfa
    page = client.get(profile).content.decode()
    assert "Wypisz z grupy" in page and "Grupy branżowe i zespoły robocze" in page

    client.post(culture.get_absolute_url(), {"action": "leave", "organization": alfa.pk, "next": profile})
    assert not culture.members.exists()


def test_a_foreign_next_address_is_not_followed(client, representative_a, alfa, culture):
    client.force_login(representative_a)
    response = client.post(culture.get_absolute_url(), {"action": "join", "organization": alfa.pk,
                                                        "next": "https://zly.example.com/"})
    assert response["Location"] == culture.get_absolute_url()


@pytest.mark.parametrize("who", ["representative_b", "resident", "official_x", "team_member"])
def test_nobody_else_sees_the_buttons_nor_joins_for_the_organisation(client, request, who, alfa, culture):
    client.force_login(request.getfixturevalue(who))
    assert "Dołącz" not in client.get(alfa.get_absolute_url()).content.decode()

    response = client.post(culture.get_absolute_url(), {"action": "join", "organization": alfa.pk,
                                                        "next": alfa.get_absolute_url()})
    assert response.status_code == 302 and not culture.members.exists()
    assert "tylko jej przedstawiciel" in client.get(response["Location"]).content.decode()


def test_bad_input_from_the_profile_changes_nothing(client, representative_a, alfa, culture, working):
    client.force_login(representative_a)
    for data in ({"action": "join", "organization": "x", "next": "/"},
                 {"action": "join", "organization": alfa.pk, "next": "/"},  # fine: joins
                 {"action": "join", "organization": alfa.pk, "next": "/"},  # twice: refused
                 {"action": "leave", "organization": "999999", "next": "/"}):
        assert client.post(culture.get_absolute_url(), data).status_code == 302
    assert culture.members.count() == 1
    client.post(working.get_absolute_url(), {"action": "join", "organization": alfa.pk, "next": "/"})
    assert not working.members.exists()
    assert client.post(culture.get_absolute_url(), {"action": "dance"}).status_code == 400


def test_anonymous_visitors_see_the_groups_but_no_buttons(client, alfa, culture):
    GroupMember.objects.create(group=culture, organization=alfa, role=GroupMember.Role.COORDINATOR)
    page = client.get(alfa.get_absolute_url()).content.decode()
    assert "Grupa branżowa: kultura" in page and "koordynator" in page and "Dołącz" not in page
    response = client.post(culture.get_absolute_url(), {"action": "leave", "organization": alfa.pk})
    assert response.status_code == 302 and "/konto/" in response["Location"]
    assert culture.members.exists()


def test_the_directory_filters_by_group(client, alfa, culture, working):
    beta = f.organization("Stowarzyszenie Beta")
    f.organization("Klub Gamma")
    GroupMember.objects.create(group=culture, organization=alfa)
    GroupMember.objects.create(group=working, organization=beta)
    GroupMember.objects.create(group=working, person_name="Osoba")
    Group.objects.create(body=f.body(), name="Grupa bez organizacji", slug="pusta")

    url = reverse("organizations:list")
    page = client.get(url).content.decode()
    assert 'value="kultura"' in page and 'value="seniorzy"' in page and 'value="pusta"' not in page
    found = client.get(url, {"branza": "kultura"})
    assert [o.name for o in found.context["page_obj"]] == ["Fundacja Alfa"]
    found = client.get(url, {"branza": "seniorzy", "q": "beta"})
    assert [o.name for o in found.context["page_obj"]] == ["Stowarzyszenie Beta"]
    unknown = client.get(url, {"branza": "<script>"})
    assert unknown.status_code == 200 and len(unknown.context["page_obj"]) == 3
    assert "branza" in unknown.context["form"].errors


@pytest.mark.parametrize("rows", [3, 30])
def test_the_filtered_directory_runs_a_constant_number_of_queries(client, django_assert_num_queries, culture, rows):
    for n in range(rows):
        GroupMember.objects.create(group=culture, organization=f.organization(f"Fundacja {n:02d}"))
        Group.objects.create(body=f.body(), name=f"Grupa {n}", slug=f"grupa-{n}")
    # the four choice lists of the form (the groups among them); count; the page; its spheres
    with django_assert_num_queries(7):
        response = client.get(reverse("organizations:list"), {"branza": "kultura"})
    assert len(response.context["page_obj"]) == min(rows, 20)
