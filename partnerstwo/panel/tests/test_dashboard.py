import pytest
from django.urls import NoReverseMatch, reverse

from partnerstwo.panel import sections

pytestmark = pytest.mark.django_db

DASHBOARD = "/panel/"


def test_the_dashboard_lives_at_panel():
    assert reverse("panel:dashboard") == DASHBOARD


def test_a_stranger_is_sent_to_sign_in(client):
    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={DASHBOARD}"


@pytest.mark.parametrize("role", ["resident", "representative_a"])
def test_residents_and_representatives_are_refused(client, request, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get(DASHBOARD)

    assert response.status_code == 403
    assert "Brak dostępu" in response.content.decode()


def test_an_official_is_greeted_with_their_role_department_and_content_sections(client, official_x):
    client.force_login(official_x)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Dzień dobry, Ksawery Urzędnik!" in html
    assert "Pracownik urzędu" in html and "Departament Spraw Społecznych" in html
    for link in sections_of(response):
        assert f'href="{link.url}"' in html
    assert reverse("admin:index") not in html


def test_a_team_member_sees_only_the_sections_for_team_members(client, team_member):
    client.force_login(team_member)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Członek Zespołu" in html
    # The advisory body comments on the competition schedule and nominates committee members; it also builds
    # needs surveys with the Centre.
    assert [str(link.title) for link in sections_of(response)] == ["Konkursy dotacyjne", "Badania potrzeb"]
    assert reverse("admin:index") not in html


def test_an_administrator_also_gets_a_link_to_the_django_admin(client, administrator):
    client.force_login(administrator)

    html = client.get(DASHBOARD).content.decode()

    assert f'href="{reverse("admin:index")}"' in html
    assert "Administracja (Django admin)" in html


def test_every_listed_section_opens_for_the_person_it_is_listed_for(client, official_x, team_member, administrator):
    for user in (official_x, team_member, administrator):
        client.force_login(user)
        for link in sections_of(client.get(DASHBOARD)):
            assert client.get(link.url).status_code == 200, (user.role, link.url)


def test_an_official_sees_every_section_but_the_teams_and_a_team_member_only_the_grants_and_surveys(
    official_x, team_member, administrator
):
    titles = [str(link.title) for link in sections.sections_for(official_x)]
    everything = [str(section.title) for section in sections.SECTIONS]

    # The advisory body's own staff pages are its secretary's and the administrators', not every official's.
    assert titles == [title for title in everything if title != "Zespół Konsultacyjny"]
    assert [str(link.title) for link in sections.sections_for(administrator)] == everything
    assert [str(link.title) for link in sections.sections_for(team_member)] == ["Konkursy dotacyjne", "Badania potrzeb"]


def test_a_section_with_a_wrong_url_name_fails_loudly(monkeypatch, administrator):
    missing = sections.Section("Brak", "Nie ma tej sekcji", "panel:does_not_exist", sections.content_editor)
    monkeypatch.setattr(sections, "SECTIONS", [*sections.SECTIONS, missing])

    with pytest.raises(NoReverseMatch):
        sections.sections_for(administrator)


def test_an_inactive_official_cannot_use_the_panel(client, official_x):
    client.force_login(official_x)
    official_x.is_active = False
    official_x.save()

    assert client.get(DASHBOARD).status_code in (302, 403)


def sections_of(response):
    return response.context["sections"]
