"""Sector groups and working teams, role by role: a representative adds their own organisation to an open group
and takes it out again; nobody adds another's organisation or joins an appointed working team; the staff set
groups up and add people; the lists stay a constant number of queries."""

import pytest
from django.urls import reverse

from partnerstwo.organizations.tests import factories as directory
from partnerstwo.team.models import Group, GroupMember
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def culture(db):
    return Group.objects.create(body=f.body(), kind="sector", name="Grupa branżowa: kultura", slug="kultura",
                                purpose="Organizacje **kultury**.")


@pytest.fixture
def working(db):
    return Group.objects.create(body=f.body(), kind="working", name="Zespół roboczy: kluby seniora",
                                slug="kluby-seniora", is_open=False)


@pytest.fixture
def alfa(representative_a):
    org = f.organization("Fundacja Alfa")
    directory.represent(representative_a, org)
    return org


@pytest.fixture
def secretary(db):
    from conftest import make_user

    user = make_user("sekretarz@zespol.example.org", "team_member")
    f.seat(user=user, name="Sekretarz", role="secretary")
    return user


def test_a_representative_adds_their_organisation_and_takes_it_out(client, representative_a, alfa, culture):
    client.force_login(representative_a)
    page = client.get(culture.get_absolute_url()).content.decode()
    assert "Dołącz do grupy" in page

    client.post(culture.get_absolute_url(), {"action": "join", "organization": alfa.pk})
    assert culture.members.get().organization == alfa
    assert "Fundacja Alfa" in client.get(reverse("team:group", args=["kultura"])).content.decode()

    client.post(culture.get_absolute_url(), {"action": "leave", "organization": alfa.pk})
    assert not culture.members.exists()


def test_nobody_adds_another_organisation(client, representative_b, alfa, culture):
    client.force_login(representative_b)

    response = client.post(culture.get_absolute_url(), {"action": "join", "organization": alfa.pk})

    assert response.status_code == 200 and "Wybierz poprawną wartość" in response.content.decode()
    assert not culture.members.exists()


def test_nobody_takes_out_another_organisation(client, representative_b, alfa, culture):
    GroupMember.objects.create(group=culture, organization=alfa)
    client.force_login(representative_b)

    response = client.post(culture.get_absolute_url(), {"action": "leave", "organization": alfa.pk}, follow=True)

    assert "wypisuje jej przedstawiciel" in response.content.decode() and culture.members.exists()


def test_an_appointed_working_team_is_not_joined_from_its_page(client, representative_a, alfa, working):
    client.force_login(representative_a)

    assert "Dołącz do grupy" not in client.get(working.get_absolute_url()).content.decode()
    client.post(working.get_absolute_url(), {"action": "join", "organization": alfa.pk})
    assert not working.members.exists()


@pytest.mark.parametrize("who", ["resident", "team_member", "official_x"])
def test_without_an_organisation_there_is_nothing_to_join(client, request, culture, who):
    client.force_login(request.getfixturevalue(who))

    assert "Dołącz do grupy" not in client.get(culture.get_absolute_url()).content.decode()


def test_a_stranger_is_sent_to_sign_in_to_join(client, alfa, culture):
    response = client.post(culture.get_absolute_url(), {"action": "join", "organization": alfa.pk})

    assert response.status_code == 302 and "/konto/login/" in response["Location"]


@pytest.mark.parametrize("value", ["abc", "", "999999"])
def test_bad_input_to_leave_is_refused_politely(client, representative_a, alfa, culture, value):
    client.force_login(representative_a)

    response = client.post(culture.get_absolute_url(), {"action": "leave", "organization": value}, follow=True)

    assert response.status_code == 200


@pytest.mark.parametrize(("who", "status"), [("resident", 403), ("representative_a", 403), ("team_member", 403),
                                             ("official_x", 403), ("secretary", 200), ("administrator", 200)])
def test_only_the_staff_manage_groups(client, request, culture, who, status):
    client.force_login(request.getfixturevalue(who))

    for url in (reverse("panel:team_panel:groups"), reverse("panel:team_panel:group", args=[culture.pk]),
                reverse("panel:team_panel:group_member_create", args=[culture.pk])):
        assert client.get(url).status_code == status


def test_the_staff_set_up_a_working_team_with_a_city_representative(client, secretary, alfa):
    client.force_login(secretary)
    client.post(reverse("panel:team_panel:group_create"),
                {"kind": "working", "name": "Zespół: konkurs sportowy", "slug": "konkurs-sport", "purpose": "",
                 "ends_on": f.days(90).isoformat()})
    group = Group.objects.get(slug="konkurs-sport")
    assert not group.is_open
    client.post(reverse("panel:team_panel:group_member_create", args=[group.pk]),
                {"person_name": "Joanna Urzędniczka", "affiliation": "Departament Sportu",
                 "is_city_representative": "on", "role": "coordinator", "joined_on": f.today().isoformat()})
    client.post(reverse("panel:team_panel:group_member_create", args=[group.pk]),
                {"organization": alfa.pk, "role": "member", "joined_on": f.today().isoformat()})

    page = client.get(group.get_absolute_url()).content.decode()
    assert "Joanna Urzędniczka" in page and "przedstawiciel(ka) urzędu" in page and "Fundacja Alfa" in page


@pytest.mark.parametrize(("fields", "message"), [({}, "Wskaż organizację albo wpisz imię i nazwisko"),
                                                ({"organization": "alfa"}, "Ta organizacja już należy do grupy")])
def test_a_bad_member_is_refused(client, secretary, culture, alfa, fields, message):
    GroupMember.objects.create(group=culture, organization=alfa)
    client.force_login(secretary)
    if fields.get("organization") == "alfa":
        fields["organization"] = alfa.pk

    response = client.post(reverse("panel:team_panel:group_member_create", args=[culture.pk]),
                           {"role": "member", "joined_on": f.today().isoformat(), **fields})

    assert message in response.content.decode() and culture.members.count() == 1


def test_the_lists_take_the_same_number_of_queries(client, culture, working, django_assert_num_queries):
    pages = [reverse("team:groups"), culture.get_absolute_url()]
    counts = {}
    for url in pages:
        client.get(url)
        with django_assert_num_queries(3 if url == pages[0] else 4) as context:
            client.get(url)
        counts[url] = len(context.captured_queries)
    for n in range(4):
        GroupMember.objects.create(group=culture, organization=f.organization(f"Organizacja {n}"))
        Group.objects.create(body=f.body(), name=f"Grupa {n}", slug=f"grupa-{n}")
    for url in pages:
        with django_assert_num_queries(counts[url]):
            client.get(url)
