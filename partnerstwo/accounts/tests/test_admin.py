"""Administrators manage roles and departments in the Django admin."""

import re

import pytest
from django.urls import reverse

from partnerstwo.accounts.models import User

pytestmark = pytest.mark.django_db

NEEDS_DEPARTMENT = "Pracownik urzędu musi należeć do wydziału. Wybierz wydział albo zmień rolę."


def add_user(client, **data):
    payload = {
        "email": "nowy.urzednik@um.example.org",
        "full_name": "Jan Nowy",
        "role": "official",
        "department": "",
        "usable_password": "false",
        "password1": "",
        "password2": "",
        **data,
    }
    return client.post(reverse("admin:accounts_user_add"), payload)


def test_an_official_without_a_department_is_refused_with_a_clear_message(client, administrator):
    client.force_login(administrator)

    response = add_user(client)

    assert response.status_code == 200
    assert NEEDS_DEPARTMENT in response.content.decode()
    assert not User.objects.filter(email="nowy.urzednik@um.example.org").exists()


def test_an_official_with_a_department_is_created(client, administrator, department_x):
    client.force_login(administrator)

    response = add_user(client, department=department_x.pk, email="Nowy.Urzednik@UM.example.org")

    assert response.status_code == 302
    user = User.objects.get(email="nowy.urzednik@um.example.org")
    assert (user.role, user.department) == ("official", department_x)
    assert not user.has_usable_password()


def test_turning_someone_into_an_official_needs_a_department(client, administrator, team_member, department_x):
    client.force_login(administrator)
    url = reverse("admin:accounts_user_change", args=[team_member.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "password"}
    data.update(role="official", department="", groups=[], user_permissions=[],
                last_login_0="", last_login_1="", date_joined_0="2025-01-01", date_joined_1="10:00:00")

    response = client.post(url, data)

    assert response.status_code == 200
    assert NEEDS_DEPARTMENT in response.content.decode()
    team_member.refresh_from_db()
    assert team_member.role == "team_member"
    assert client.post(url, {**data, "department": department_x.pk}).status_code == 302
    team_member.refresh_from_db()
    assert (team_member.role, team_member.department) == ("official", department_x)


def test_a_duplicate_address_is_refused_whatever_its_case(client, administrator, resident):
    client.force_login(administrator)

    response = add_user(client, email=resident.email.upper(), role="resident")

    assert response.status_code == 200
    assert "Konto z tym adresem e-mail już istnieje." in response.content.decode()


def test_the_list_shows_roles_and_departments_and_can_be_searched(client, administrator, official_x, resident):
    client.force_login(administrator)

    response = client.get(reverse("admin:accounts_user_changelist"), {"q": "Urzędnik"})

    html = response.content.decode()
    assert official_x.email in html and "Departament Spraw Społecznych" in html
    assert resident.email not in html
    filtered = client.get(reverse("admin:accounts_user_changelist"), {"role__exact": "official"})
    assert official_x.email in filtered.content.decode()


def test_people_without_admin_rights_cannot_open_it(client, official_x):
    client.force_login(official_x)

    response = client.get(reverse("admin:accounts_user_changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def admin_menu(client, language: str) -> list[str]:
    html = client.get("/en/admin/" if language == "en" else "/admin/").content.decode()
    return re.findall(r"<caption>\s*<a[^>]*>([^<]*)</a>", html)


@pytest.mark.parametrize(("language", "not_expected"), [
    ("pl", {"MFA", "Tasks Database Backend", "Tasks"}),
    ("en", {"MFA", "Tasks Database Backend", "Konta", "Użytkownicy"}),
])
def test_the_admin_menu_names_each_section_once_in_the_admins_language(client, administrator, language,
                                                                       not_expected):
    client.force_login(administrator)

    headings = admin_menu(client, language)

    assert len(headings) == len(set(headings)) > 5, headings
    assert not not_expected & set(headings), headings
