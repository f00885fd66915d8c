from django.test import RequestFactory

from partnerstwo.pages.views import server_error


def test_the_not_found_page_renders_in_the_site_layout(client, db):
    response = client.get("/nie-ma-takiej-strony/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "Nie znaleziono strony" in html
    assert 'class="skip-link"' in html
    assert 'class="site-footer"' in html
    assert 'class="main-nav"' in html


def test_the_forbidden_page_renders_in_the_site_layout(client, resident):
    client.force_login(resident)

    response = client.get("/panel/strony/")

    html = response.content.decode()
    assert response.status_code == 403
    assert "Brak dostępu" in html
    assert 'class="site-footer"' in html


def test_the_server_error_page_renders_without_the_database(db):
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "wystąpił błąd serwera" in response.content.decode()
