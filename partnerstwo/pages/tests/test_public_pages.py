from django.urls import reverse

from partnerstwo.pages.editing import save_page
from partnerstwo.pages.models import ContentPage


def test_a_published_page_shows_its_title_and_rendered_markdown(client, make_page):
    make_page(slug="misja-i-cele", title="Misja i cele", body="## Misja\n\nBudujemy **dialog**.")

    response = client.get("/misja-i-cele/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Misja i cele</h1>" in html
    assert "<h2>Misja</h2>" in html
    assert "<strong>dialog</strong>" in html


def test_it_shows_the_last_modification_with_editor_and_date(client, make_page, official_x):
    page = make_page(editor=official_x)

    html = client.get(page.get_absolute_url()).content.decode()

    assert "Ostatnia modyfikacja:" in html
    assert "Ksawery Urzędnik" in html
    assert page.updated_at.astimezone().strftime("%d.%m.%Y") in html


def test_the_last_modification_names_the_newsroom_when_the_editor_is_unknown(client, make_page, official_x):
    # As after the editor deleted their account: the foreign key is set to NULL.
    page = make_page(editor=official_x)
    ContentPage.objects.filter(pk=page.pk).update(updated_by=None)

    html = client.get(page.get_absolute_url()).content.decode()

    assert "Ostatnia modyfikacja: redakcja serwisu" in html


def test_it_links_to_the_feedback_form_with_the_page_address(client, make_page):
    make_page(slug="kontakt", title="Kontakt")

    html = client.get("/kontakt/").content.decode()

    feedback_url = reverse("feedback:create")
    assert '<p class="feedback-link">' in html
    assert f'href="{feedback_url}?strona=/kontakt/"' in html
    assert "Jeśli masz uwagi lub propozycje do tej strony, napisz do nas" in html


def test_a_script_in_the_body_is_not_rendered(client, make_page):
    page = make_page(
        body='Tekst <script>alert("x")</script>\n\n[link](javascript:alert(1))\n\n<img src=x onerror=alert(1)>'
    )

    html = client.get(page.get_absolute_url()).content.decode()

    assert "<script>alert" not in html
    assert 'href="javascript:' not in html
    assert "<img src=x onerror" not in html
    assert "&lt;script&gt;" in html or "alert(&quot;x&quot;)" not in html


def test_an_unpublished_page_is_not_found_for_the_public(client, make_page):
    page = make_page(is_published=False)

    assert client.get(page.get_absolute_url()).status_code == 404


def test_an_unpublished_page_is_hidden_from_a_resident_and_a_team_member(client, make_page, resident, team_member):
    page = make_page(is_published=False)

    for user in (resident, team_member):
        client.force_login(user)
        assert client.get(page.get_absolute_url()).status_code == 404


def test_an_editor_previews_an_unpublished_page(client, make_page, official_x):
    page = make_page(is_published=False, title="Szkic strony")
    client.force_login(official_x)

    response = client.get(page.get_absolute_url())

    assert response.status_code == 200
    assert "Podgląd: ta strona nie jest opublikowana" in response.content.decode()
    assert reverse("panel:pages_panel:edit", args=[page.pk]) in response.content.decode()


def test_a_missing_page_is_not_found(client, db):
    assert client.get("/nie-ma-takiej-strony/").status_code == 404


def test_the_page_keeps_its_polish_slug_under_english(client, make_page):
    make_page(slug="misja-i-cele", title="Misja i cele")

    response = client.get("/en/misja-i-cele/")

    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()


def test_the_page_view_runs_one_query_for_a_reader(client, make_page, official_x, django_assert_num_queries):
    page = make_page(editor=official_x)
    page.body = "Zmieniona treść"
    save_page(page, editor=official_x)

    with django_assert_num_queries(1):
        response = client.get(page.get_absolute_url())

    assert response.status_code == 200
