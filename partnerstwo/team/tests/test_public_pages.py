"""The body's public pages: today's members with their photos and whom they represent, and every term's history."""

import pytest
from django.urls import reverse

from partnerstwo.team.models import Membership
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db

ORG = Membership.Represents.ORGANIZATION


@pytest.fixture
def people(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    f.body(resolution="Uchwała Nr XII/144/15 Rady Miasta Białystok", description="Opiniujemy **programy**.")
    past = f.term(starts_on=f.days(-1500), ends_on=f.days(-366))
    current = f.term()
    alfa = f.organization("Fundacja Alfa")
    return {
        "chair": f.seat(current, name="Anna Przewodnicząca", role=Membership.Role.CHAIR, represents=ORG,
                        organization=alfa, photo=f.photo()),
        "council": f.seat(current, name="Rafał Radny", represents=Membership.Represents.COUNCIL, position="radny"),
        "left": f.seat(current, name="Ewa Odeszła", left_on=f.days(-10)),
        "past": f.seat(past, name="Halina Dawna", represents=ORG),
        "terms": (past, current),
        "alfa": alfa,
    }


def test_anyone_sees_the_current_members_with_photos_and_whom_they_represent(client, people):
    response = client.get("/zespol/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Anna Przewodnicząca" in html and "Rafał Radny" in html and "radny" in html
    assert people["chair"].photo.url in html
    assert "Fundacja Alfa" in html and people["alfa"].get_absolute_url() in html
    assert "Rada Miasta" in html
    assert "Ewa Odeszła" not in html and "Halina Dawna" not in html
    assert "Uchwała Nr XII/144/15" in html and "<strong>programy</strong>" in html
    assert html.index("Anna Przewodnicząca") < html.index("Rafał Radny")  # the chair first


def test_the_history_keeps_every_term_and_whoever_left(client, people):
    past, current = people["terms"]

    listing = client.get(reverse("team:terms")).content.decode()
    assert past.get_absolute_url() in listing and current.get_absolute_url() in listing

    history = client.get(past.get_absolute_url()).content.decode()
    assert "Halina Dawna" in history and "Anna Przewodnicząca" not in history

    this_term = client.get(current.get_absolute_url()).content.decode()
    assert "Ewa Odeszła" in this_term
    assert "trwa" in this_term


def test_an_unknown_term_is_not_found(client, people):
    assert client.get(reverse("team:term", args=[99])).status_code == 404


def test_without_a_term_the_page_says_so(client):
    html = client.get("/zespol/").content.decode()

    assert "nie ma obecnie trwającej kadencji" in html


def test_the_member_list_takes_the_same_number_of_queries_however_many_members(client, people,
                                                                               django_assert_num_queries):
    client.get("/zespol/")
    with django_assert_num_queries(6) as before:
        client.get("/zespol/")
    for n in range(6):
        f.seat(people["terms"][1], name=f"Członek {n}", represents=ORG)
    with django_assert_num_queries(len(before.captured_queries)):
        client.get("/zespol/")
    with django_assert_num_queries(5) as term_page:
        client.get(people["terms"][1].get_absolute_url())
    f.seat(people["terms"][1], name="Jeszcze jeden", represents=ORG)
    with django_assert_num_queries(len(term_page.captured_queries)):
        client.get(people["terms"][1].get_absolute_url())


def test_the_main_menu_links_the_team(client):
    assert 'href="/zespol/"' in client.get("/").content.decode()
