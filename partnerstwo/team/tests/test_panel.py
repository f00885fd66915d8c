"""The body's staff pages, role by role, and the secretary running a term: the rules, a new term, members
added and leaving, with bad input refused next to its field and the NGO share shown as a warning."""

import pytest
from django.urls import reverse

from conftest import make_user
from partnerstwo.accounts.models import User
from partnerstwo.team.models import Body, Membership, Term
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db

INDEX = "/panel/zespol/"


@pytest.fixture
def secretary(db):
    user = make_user("sekretarz@zespol.example.org", "team_member", full_name="Sylwia Sekretarz")
    f.seat(user=user, name="Sylwia Sekretarz", role=Membership.Role.SECRETARY)
    return user


@pytest.fixture
def former_secretary(db):
    user = make_user("byla.sekretarz@zespol.example.org", "team_member")
    f.seat(user=user, name="Była Sekretarz", role=Membership.Role.SECRETARY, left_on=f.days(-1))
    return user


def member_form(**fields):
    values = {
        "person_name": "Nowa Członkini", "account_email": "", "email": "", "role": "member", "represents": "mayor",
        "organization": "", "position": "", "joined_on": f.term().starts_on.isoformat(), "left_on": "",
    }
    values.update(fields)
    return values


@pytest.mark.parametrize(("who", "status"), [
    ("resident", 403), ("representative_a", 403), ("team_member", 403), ("former_secretary", 403),
    ("official_x", 403), ("secretary", 200), ("administrator", 200),
])
def test_only_the_secretary_and_administrators_open_the_staff_pages(client, request, who, status):
    client.force_login(request.getfixturevalue(who))
    term = f.term()

    for url in (INDEX, reverse("panel:team_panel:body"), reverse("panel:team_panel:term", args=[term.pk]),
                reverse("panel:team_panel:term_create"), reverse("panel:team_panel:membership_create", args=[term.pk])):
        assert client.get(url).status_code == status, url


def test_a_stranger_is_sent_to_sign_in(client):
    response = client.get(INDEX)

    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_the_panel_menu_offers_the_team_to_its_secretary_only(client, secretary, team_member):
    client.force_login(secretary)
    assert f'href="{INDEX}"' in client.get("/panel/").content.decode()
    client.force_login(team_member)
    assert f'href="{INDEX}"' not in client.get("/panel/").content.decode()


def test_the_secretary_sets_the_rules_with_the_rules_document(client, secretary, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(secretary)
    data = {"name": "Zespół Konsultacyjny", "description": "", "resolution": "Uchwała nr 1", "resolution_url": "",
            "quorum_percent": "60", "majority_rule": "simple_majority", "chair_decides_tie": "",
            "ngo_share_percent": "50", "term_years": "2", "meeting_interval_months": "3"}

    response = client.post(reverse("panel:team_panel:body"), {**data, "rules_document": f.pdf()})

    assert response.status_code == 302
    body = Body.objects.the_body()
    assert (body.quorum_percent, body.majority_rule, body.chair_decides_tie, body.term_years) == (
        60, "simple_majority", False, 2)
    assert body.rules_document.name.endswith(".pdf")
    assert body.rules_document.url in client.get("/zespol/").content.decode()


@pytest.mark.parametrize(("field", "value", "message"), [
    ("quorum_percent", "0", "większa lub równa 1"), ("quorum_percent", "101", "mniejsza lub równa 100"),
    ("term_years", "abc", "liczbę całkowitą"), ("majority_rule", "by_lot", "Wybierz poprawną wartość"),
    ("rules_document", "renamed", "nie jest dokumentem PDF"),
])
def test_bad_rules_are_refused_next_to_their_field(client, secretary, field, value, message, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(secretary)
    data = {"name": "Zespół", "quorum_percent": "50", "majority_rule": "consensus", "ngo_share_percent": "50",
            "term_years": "3", "meeting_interval_months": "3"}
    data[field] = f.pdf("regulamin.pdf", b"To nie jest PDF") if value == "renamed" else value

    response = client.post(reverse("panel:team_panel:body"), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'class="error-summary"' in response.content.decode()


def test_the_secretary_opens_a_new_term_after_the_current_one(client, secretary):
    current = f.term()
    client.force_login(secretary)
    page = client.get(reverse("panel:team_panel:term_create")).content.decode()
    assert f'value="{current.number + 1}"' in page

    starts = current.ends_on.replace(day=current.ends_on.day)  # the day the current one ends: overlaps
    overlapping = client.post(reverse("panel:team_panel:term_create"), {
        "number": current.number + 1, "starts_on": starts.isoformat(), "ends_on": f.days(2000).isoformat(),
    })
    assert "nakłada się na kadencję" in overlapping.content.decode()

    response = client.post(reverse("panel:team_panel:term_create"), {
        "number": current.number + 1, "starts_on": f.days(731).isoformat(), "ends_on": f.days(1826).isoformat(),
        "appointed_by": "Zarządzenie nr 7/29",
    })
    new = Term.objects.get(number=current.number + 1)
    assert response["Location"] == reverse("panel:team_panel:term", args=[new.pk])


def test_adding_a_member_with_an_account_makes_it_a_team_members_account(client, secretary, resident):
    term = f.term()
    client.force_login(secretary)

    response = client.post(reverse("panel:team_panel:membership_create", args=[term.pk]),
                           member_form(account_email=resident.email.upper(), person_name="Anna Mieszkańska"))

    assert response.status_code == 302
    seat = Membership.objects.get(person_name="Anna Mieszkańska")
    assert seat.user == resident
    assert User.objects.get(pk=resident.pk).is_team_member


def test_an_address_without_an_account_is_refused_and_the_form_kept(client, secretary):
    term = f.term()
    client.force_login(secretary)

    response = client.post(reverse("panel:team_panel:membership_create", args=[term.pk]),
                           member_form(account_email="nie.ma@example.org"))

    html = response.content.decode()
    assert response.status_code == 200 and "Nie ma konta z tym adresem" in html
    assert 'value="Nowa Członkini"' in html
    assert not Membership.objects.filter(person_name="Nowa Członkini").exists()


@pytest.mark.parametrize(("fields", "message"), [
    ({"represents": "organization"}, "Wskaż organizację, którą reprezentuje"),
    ({"joined_on": "2001-01-01"}, "musi przypadać w kadencji"),
    ({"left_on": "2001-01-01"}, "nie może być wcześniejszy"),
    ({"person_name": ""}, "To pole jest wymagane"),
    ({"represents": "president"}, "Wybierz poprawną wartość"),
])
def test_bad_members_are_refused(client, secretary, fields, message):
    term = f.term()
    client.force_login(secretary)

    response = client.post(reverse("panel:team_panel:membership_create", args=[term.pk]), member_form(**fields))

    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize(("upload", "message"), [
    (lambda: f.photo("zdjecie.gif", fmt="GIF"), "JPEG, PNG lub WebP"),
    (lambda: f.photo(size=(3200, 20)), "najwyżej 3000 × 3000 pikseli"),
    (lambda: f.pdf("zdjecie.png"), "Ten plik nie jest zdjęciem"),
])
def test_bad_photos_are_refused(client, secretary, upload, message):
    term = f.term()
    client.force_login(secretary)

    response = client.post(reverse("panel:team_panel:membership_create", args=[term.pk]),
                           {**member_form(), "photo": upload()})

    assert message in response.content.decode()


def test_the_staff_are_warned_when_organisations_fall_below_half(client, secretary):
    term = f.term()  # the secretary's seat represents the mayor
    client.force_login(secretary)

    response = client.post(reverse("panel:team_panel:membership_create", args=[term.pk]), member_form(), follow=True)

    html = response.content.decode()
    assert "przedstawiciele organizacji to 0 z 2 członków" in html
    alfa = f.organization("Fundacja Alfa")
    for n in range(2):
        client.post(reverse("panel:team_panel:membership_create", args=[term.pk]),
                    member_form(person_name=f"Organizacja {n}", represents="organization", organization=alfa.pk),
                    follow=True)
    assert "przedstawiciele organizacji to" not in client.get(reverse("panel:team_panel:term", args=[term.pk])
                                                               ).content.decode()


def test_a_member_who_leaves_stays_in_the_history_and_loses_the_members_area_the_next_day(client, secretary):
    user = make_user("odchodzaca@example.org", "team_member")
    seat = f.seat(user=user, name="Odchodząca")
    client.force_login(secretary)

    client.post(reverse("panel:team_panel:membership_edit", args=[seat.pk]),
                member_form(person_name="Odchodząca", account_email=user.email, left_on=f.days(-1).isoformat()))

    seat.refresh_from_db()
    assert seat.left_on == f.days(-1)
    assert not User.objects.get(pk=user.pk).is_team_member
    assert "Odchodząca" in client.get(seat.term.get_absolute_url()).content.decode()
    assert "Odchodząca" not in client.get("/zespol/").content.decode()


def test_one_account_has_one_seat_per_term(client, secretary):
    client.force_login(secretary)

    response = client.post(reverse("panel:team_panel:membership_create", args=[f.term().pk]),
                           member_form(account_email=secretary.email))

    assert "To konto ma już miejsce w tej kadencji" in response.content.decode()
