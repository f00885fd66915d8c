import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_profile_shows_name_address_role_and_department(client, official_x):
    client.force_login(official_x)

    html = client.get(reverse("accounts:profile")).content.decode()

    for text in ["Ksawery Urzędnik", official_x.email, "Pracownik urzędu", "Departament Spraw Społecznych"]:
        assert text in html
    for name in ["account_email", "account_change_password", "accounts:delete", "panel:dashboard"]:
        assert f'href="{reverse(name)}"' in html


def test_a_resident_sees_no_department_and_no_panel_link(client, resident):
    client.force_login(resident)

    html = client.get(reverse("accounts:profile")).content.decode()

    assert "Mieszkaniec" in html
    assert "Wydział" not in html.split('id="account-data"')[1].split("</dl>")[0]
    assert reverse("panel:dashboard") not in html.split("<main")[1]


def test_a_person_changes_their_name_and_language(client, resident):
    client.force_login(resident)

    response = client.post(reverse("accounts:profile"), {"full_name": "Anna Nowak", "preferred_language": "en"})

    assert response.status_code == 302
    resident.refresh_from_db()
    assert (resident.full_name, resident.preferred_language) == ("Anna Nowak", "en")
    assert "Zapisaliśmy Twoje dane." in client.get(reverse("accounts:profile")).content.decode()


def test_an_unknown_language_is_refused_next_to_the_field_and_the_name_is_kept(client, resident):
    client.force_login(resident)

    response = client.post(reverse("accounts:profile"), {"full_name": "Anna <b>Nowak</b>", "preferred_language": "xx"})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_preferred_language_error"' in html
    assert 'value="Anna &lt;b&gt;Nowak&lt;/b&gt;"' in html
    resident.refresh_from_db()
    assert resident.full_name == "Anna Mieszkańska"


def test_the_role_cannot_be_changed_from_the_profile(client, resident):
    client.force_login(resident)

    client.post(reverse("accounts:profile"), {"full_name": "Anna", "preferred_language": "pl", "role": "administrator"})

    resident.refresh_from_db()
    assert resident.role == "resident"


def test_a_stranger_is_sent_to_sign_in(client, db):
    response = client.get(reverse("accounts:profile"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={reverse('accounts:profile')}"
