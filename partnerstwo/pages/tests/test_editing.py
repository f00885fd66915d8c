from django.urls import reverse

from partnerstwo.pages.editing import EditConflict, save_page
from partnerstwo.pages.models import ContentPage, PageRevision


def form_data(page=None, **changes):
    data = {"title": "Misja i cele", "slug": "misja-i-cele", "body": "Treść.", "is_published": "on", "note": ""}
    if page is not None:
        data.update(title=page.title, slug=page.slug, body=page.body, version=page.version)
        if page.is_published:
            data["is_published"] = "on"
        else:
            data.pop("is_published")
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_creating_a_page_records_the_first_revision_with_its_editor(client, official_x):
    client.force_login(official_x)

    response = client.post(reverse("panel:pages_panel:create"), form_data(note="Pierwsza wersja"))

    assert response.status_code == 302
    page = ContentPage.objects.get(slug="misja-i-cele")
    revision = page.revisions.get()
    assert revision.edited_by == official_x
    assert revision.body == "Treść."
    assert revision.note == "Pierwsza wersja"
    assert page.updated_by == official_x


def test_each_edit_records_a_revision_with_the_text_before_and_after(client, make_page, official_x, administrator):
    page = make_page(body="Stara treść.", editor=official_x)
    client.force_login(administrator)

    client.post(reverse("panel:pages_panel:edit", args=[page.pk]), form_data(page, body="Nowa treść.", note="Poprawki"))

    latest, earlier = PageRevision.objects.filter(page=page)
    assert (latest.body, latest.edited_by, latest.note) == ("Nowa treść.", administrator, "Poprawki")
    assert (earlier.body, earlier.edited_by) == ("Stara treść.", official_x)
    assert latest.previous() == earlier
    page.refresh_from_db()
    assert page.body == "Nowa treść."
    assert page.updated_by == administrator


def test_saving_without_changes_records_no_revision(client, make_page, official_x):
    page = make_page()
    client.force_login(official_x)

    response = client.post(reverse("panel:pages_panel:edit", args=[page.pk]), form_data(page), follow=True)

    assert page.revisions.count() == 1
    assert "Nie wprowadzono żadnych zmian." in response.content.decode()


def test_a_slug_already_taken_is_refused_with_a_polish_message(client, make_page, official_x):
    make_page(slug="kontakt", title="Kontakt")
    client.force_login(official_x)

    response = client.post(reverse("panel:pages_panel:create"), form_data(title="Inny kontakt", slug="kontakt"))

    assert response.status_code == 200
    assert "Strona o tym adresie już istnieje. Wybierz inny adres." in response.content.decode()
    assert 'value="Inny kontakt"' in response.content.decode()
    assert ContentPage.objects.count() == 1


def test_a_slug_of_another_section_of_the_site_is_refused(client, official_x):
    client.force_login(official_x)

    for slug in ("panel", "aktualnosci", "konto", "static", "en"):
        response = client.post(reverse("panel:pages_panel:create"), form_data(slug=slug))
        assert "jest zajęty przez inną część serwisu" in response.content.decode(), slug

    assert not ContentPage.objects.exists()


def test_an_empty_slug_is_made_from_the_polish_title(client, official_x):
    client.force_login(official_x)

    client.post(reverse("panel:pages_panel:create"), form_data(title="Zasady współpracy z Łodzią", slug=""))

    assert ContentPage.objects.filter(slug="zasady-wspolpracy-z-lodzia").exists()


def test_a_loosely_typed_slug_is_tidied(client, official_x):
    client.force_login(official_x)

    client.post(reverse("panel:pages_panel:create"), form_data(slug="Misja I Cele!"))

    assert ContentPage.objects.filter(slug="misja-i-cele").exists()


def test_a_missing_title_gets_a_message_next_to_the_field(client, official_x):
    client.force_login(official_x)

    response = client.post(reverse("panel:pages_panel:create"), form_data(title="", slug="", body="Zostaje"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_title_error"' in html
    assert 'aria-invalid="true"' in html
    assert "Zostaje" in html
    assert not ContentPage.objects.exists()


def test_hostile_input_is_refused_without_a_server_error(client, official_x):
    client.force_login(official_x)

    for data in (
        form_data(title="x" * 100_000),
        form_data(body="\x00"),
        form_data(version="abc"),
        form_data(body="y" * 100_001),
    ):
        response = client.post(reverse("panel:pages_panel:create"), data)
        assert response.status_code == 200
        assert "Formularz zawiera błędy" in response.content.decode()

    assert not ContentPage.objects.exists()


def test_preview_renders_the_markdown_without_saving(client, make_page, official_x):
    page = make_page(body="Stara treść.")
    client.force_login(official_x)

    response = client.post(
        reverse("panel:pages_panel:edit", args=[page.pk]),
        form_data(page, body="**Nowa** <script>x</script>", preview="1"),
    )

    html = response.content.decode()
    assert "<strong>Nowa</strong>" in html
    assert "<script>x</script>" not in html
    page.refresh_from_db()
    assert page.body == "Stara treść."


def test_an_edit_based_on_an_outdated_version_does_not_overwrite_another(client, make_page, official_x, administrator):
    page = make_page(body="Wersja 1")
    outdated = form_data(page, body="Moja zmiana")
    page.body = "Zmiana kogoś innego"
    save_page(page, editor=administrator)
    client.force_login(official_x)

    response = client.post(reverse("panel:pages_panel:edit", args=[page.pk]), outdated)

    html = response.content.decode()
    assert response.status_code == 200
    assert "ktoś inny zapisał zmiany tej strony" in html
    assert "Moja zmiana" in html
    page.refresh_from_db()
    assert page.body == "Zmiana kogoś innego"

    # Saving again, knowingly, replaces the other edit.
    again = form_data(page, body="Moja zmiana")
    response = client.post(reverse("panel:pages_panel:edit", args=[page.pk]), again)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == "Moja zmiana"


def test_save_page_refuses_an_outdated_version(make_page, official_x):
    page = make_page()
    page.body = "Zmiana"

    try:
        save_page(page, editor=official_x, expected_version=page.version - 1)
    except EditConflict:
        pass
    else:
        raise AssertionError("EditConflict expected")
    assert page.revisions.count() == 1


def test_the_history_lists_who_changed_the_page_and_when(client, make_page, official_x, administrator):
    page = make_page(body="Pierwsza", editor=official_x, note="Utworzenie")
    page.body = "Druga"
    save_page(page, editor=administrator, note="Aktualizacja danych")
    client.force_login(official_x)

    html = client.get(reverse("panel:pages_panel:history", args=[page.pk])).content.decode()

    assert "Ksawery Urzędnik" in html
    assert "Ada Administratorka" in html
    assert "Utworzenie" in html
    assert "Aktualizacja danych" in html


def test_the_history_runs_a_constant_number_of_queries(client, make_page, official_x, django_assert_num_queries):
    page = make_page(editor=official_x)
    client.force_login(official_x)
    url = reverse("panel:pages_panel:history", args=[page.pk])
    client.get(url)

    with django_assert_num_queries(6):
        client.get(url)
    for number in range(10):
        page.body = f"Wersja {number}"
        save_page(page, editor=official_x)
    with django_assert_num_queries(6):
        client.get(url)


def test_a_revision_shows_its_text_and_what_changed(client, make_page, official_x):
    page = make_page(body="Wiersz pierwszy\nWiersz drugi")
    page.body = "Wiersz pierwszy\nWiersz zmieniony"
    revision = save_page(page, editor=official_x)
    first = page.revisions.exclude(pk=revision.pk).get()
    client.force_login(official_x)

    html = client.get(reverse("panel:pages_panel:revision", args=[page.pk, revision.pk])).content.decode()
    assert "<del>Wiersz drugi</del>" in html
    assert "<ins>Wiersz zmieniony</ins>" in html
    assert "To jest aktualna treść strony." in html

    html = client.get(reverse("panel:pages_panel:revision", args=[page.pk, first.pk])).content.decode()
    assert "Przywróć tę wersję" in html


def test_a_revision_of_another_page_is_not_found(client, make_page, official_x):
    page = make_page(slug="pierwsza")
    other = make_page(slug="druga")
    client.force_login(official_x)

    url = reverse("panel:pages_panel:revision", args=[page.pk, other.revisions.get().pk])

    assert client.get(url).status_code == 404


def test_restoring_a_revision_saves_its_text_as_a_new_edit(client, make_page, official_x, administrator):
    page = make_page(title="Tytuł", body="Pierwotna treść", editor=official_x)
    first = page.revisions.get()
    page.body = "Zepsuta treść"
    save_page(page, editor=official_x)
    client.force_login(administrator)

    response = client.post(reverse("panel:pages_panel:restore", args=[page.pk, first.pk]))

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == "Pierwotna treść"
    assert page.revisions.count() == 3
    latest = page.revisions.first()
    assert latest.edited_by == administrator
    assert latest.note.startswith("Przywrócono wersję z")


def test_restore_accepts_only_post(client, make_page, official_x):
    page = make_page()
    client.force_login(official_x)

    response = client.get(reverse("panel:pages_panel:restore", args=[page.pk, page.revisions.get().pk]))

    assert response.status_code == 405


def test_the_page_list_runs_a_constant_number_of_queries(client, make_page, official_x, django_assert_num_queries):
    client.force_login(official_x)
    make_page(slug="a", editor=official_x)
    client.get(reverse("panel:pages_panel:index"))

    with django_assert_num_queries(4):
        client.get(reverse("panel:pages_panel:index"))
    for slug in ("b", "c", "d"):
        make_page(slug=slug, editor=official_x)
    with django_assert_num_queries(4):
        client.get(reverse("panel:pages_panel:index"))


def test_a_browsers_line_endings_do_not_count_as_a_change(client, make_page, official_x):
    page = make_page(body="Akapit pierwszy\n\nAkapit drugi")
    client.force_login(official_x)

    client.post(
        reverse("panel:pages_panel:edit", args=[page.pk]), form_data(page, body="Akapit pierwszy\r\n\r\nAkapit drugi")
    )

    assert page.revisions.count() == 1
