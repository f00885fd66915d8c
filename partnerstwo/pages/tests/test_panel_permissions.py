"""Content pages are the Centre's: officials and administrators edit them, nobody else."""

import pytest
from django.urls import reverse

from partnerstwo.pages.models import PageRevision

ROLES_REFUSED = ["resident", "representative_a", "team_member"]
ROLES_ALLOWED = ["official_x", "administrator"]


@pytest.fixture
def page_urls(make_page):
    page = make_page()
    revision = PageRevision.objects.get(page=page)
    return {
        "list": reverse("panel:pages_panel:index"),
        "create": reverse("panel:pages_panel:create"),
        "edit": reverse("panel:pages_panel:edit", args=[page.pk]),
        "history": reverse("panel:pages_panel:history", args=[page.pk]),
        "revision": reverse("panel:pages_panel:revision", args=[page.pk, revision.pk]),
    }


@pytest.mark.parametrize("name", ["list", "create", "edit", "history", "revision"])
def test_an_anonymous_visitor_is_sent_to_log_in(client, page_urls, name):
    response = client.get(page_urls[name])

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ROLES_REFUSED)
@pytest.mark.parametrize("name", ["list", "create", "edit", "history", "revision"])
def test_a_user_without_the_editor_role_is_refused(client, page_urls, request, role, name):
    client.force_login(request.getfixturevalue(role))

    assert client.get(page_urls[name]).status_code == 403


@pytest.mark.parametrize("role", ROLES_REFUSED)
def test_a_user_without_the_editor_role_cannot_save_a_page(client, make_page, request, role):
    page = make_page(title="Przed")
    client.force_login(request.getfixturevalue(role))

    response = client.post(reverse("panel:pages_panel:edit", args=[page.pk]), {"title": "Po", "slug": page.slug})

    assert response.status_code == 403
    page.refresh_from_db()
    assert page.title == "Przed"


@pytest.mark.parametrize("role", ROLES_REFUSED)
def test_a_user_without_the_editor_role_cannot_restore_a_revision(client, make_page, request, role):
    page = make_page()
    revision = page.revisions.get()
    client.force_login(request.getfixturevalue(role))

    response = client.post(reverse("panel:pages_panel:restore", args=[page.pk, revision.pk]))

    assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES_ALLOWED)
@pytest.mark.parametrize("name", ["list", "create", "edit", "history", "revision"])
def test_officials_and_administrators_open_the_editor(client, page_urls, request, role, name):
    client.force_login(request.getfixturevalue(role))

    assert client.get(page_urls[name]).status_code == 200


@pytest.mark.parametrize("role", ROLES_ALLOWED)
def test_officials_and_administrators_save_a_page(client, make_page, request, role):
    page = make_page(title="Przed")
    client.force_login(request.getfixturevalue(role))

    response = client.post(
        reverse("panel:pages_panel:edit", args=[page.pk]),
        {"title": "Po", "slug": page.slug, "body": "Nowa treść", "is_published": "on", "version": page.version},
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Po"


def test_the_panel_menu_links_pages_and_news_for_editors_only(client, official_x, team_member):
    client.force_login(official_x)
    html = client.get(reverse("panel:dashboard")).content.decode()
    assert reverse("panel:pages_panel:index") in html
    assert reverse("panel:news_panel:index") in html

    client.force_login(team_member)
    html = client.get(reverse("panel:dashboard")).content.decode()
    assert reverse("panel:pages_panel:index") not in html
    assert reverse("panel:news_panel:index") not in html
