"""The bulletin in the panel, role by role: only the Centre's staff compile issues and keep the media contacts; bad
input is refused next to the field in Polish with the typed values kept, and nothing is half-saved."""

import pytest
from django.urls import reverse

from partnerstwo.bulletin.models import Issue, Item, ItemKind, MediaContact
from partnerstwo.bulletin.tests.factories import issue, item
from partnerstwo.events.tests.factories import local
from partnerstwo.orgnews.tests.factories import post

pytestmark = pytest.mark.django_db


def issue_data(**extra):
    data = {"year": "2026", "number": "4", "title": "Jesień w organizacjach", "period_start": "2026-10-01",
            "period_end": "2026-12-31", "editorial": "Dzień dobry."}
    return {**data, **extra}


def panel_urls(draft, contact):
    return [
        reverse("panel:bulletin_panel:index"), reverse("panel:bulletin_panel:create"),
        reverse("panel:bulletin_panel:compose", args=[draft.pk]), reverse("panel:bulletin_panel:contacts"),
        reverse("panel:bulletin_panel:edit_contact", args=[contact.pk]),
    ]


@pytest.mark.parametrize("role, status", [
    ("resident", 403), ("representative_a", 403), ("team_member", 403), ("official_x", 200), ("administrator", 200),
])
def test_only_the_centres_staff_open_the_bulletins_panel(client, request, role, status):
    draft = issue(published=False)
    contact = MediaContact.objects.create(name="Anna", email="anna@example.org")
    client.force_login(request.getfixturevalue(role))
    for url in panel_urls(draft, contact):
        assert client.get(url).status_code == status, url


@pytest.mark.parametrize("role", ["resident", "representative_a", "team_member"])
def test_others_change_nothing_by_posting(client, request, role, organization_a):
    draft = issue(published=False)
    entry = item(draft, post=post(organization_a))
    contact = MediaContact.objects.create(name="Anna", email="anna@example.org")
    client.force_login(request.getfixturevalue(role))
    posts = [
        (reverse("panel:bulletin_panel:create"), issue_data(number="1")),
        (reverse("panel:bulletin_panel:publish", args=[draft.pk]), {}),
        (reverse("panel:bulletin_panel:change_item", args=[draft.pk, entry.pk]), {"action": "remove"}),
        (reverse("panel:bulletin_panel:delete_contact", args=[contact.pk]), {}),
        (reverse("panel:bulletin_panel:contacts"), {"name": "X", "email": "x@example.org"}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403
    draft.refresh_from_db()
    assert not draft.is_published and Item.objects.exists() and MediaContact.objects.count() == 1
    assert Issue.objects.count() == 1


def test_anonymous_visitors_are_sent_to_log_in(client):
    draft = issue(published=False)
    contact = MediaContact.objects.create(name="Anna", email="anna@example.org")
    for url in panel_urls(draft, contact):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_new_issue_form_proposes_the_current_quarter(client, official_x):
    client.force_login(official_x)
    form = client.get(reverse("panel:bulletin_panel:create")).context["form"]
    assert (form.initial["year"], form.initial["number"]) == (2026, 4)
    assert str(form.initial["period_start"]) == "2026-10-01" and str(form.initial["period_end"]) == "2026-12-31"


def test_an_official_creates_an_issue(client, official_x):
    client.force_login(official_x)
    response = client.post(reverse("panel:bulletin_panel:create"), issue_data())
    created = Issue.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("panel:bulletin_panel:compose",
                                                                           args=[created.pk])
    assert created.label == "4/2026" and created.created_by == official_x and not created.is_published


@pytest.mark.parametrize("data, field, message", [
    ({"title": ""}, "title", "Podaj tytuł wydania."),
    ({"number": "5"}, "number", "W roku wychodzi 4 wydań: podaj numer od 1 do 4."),
    ({"number": "0"}, "number", "Numer wydania zaczyna się od 1."),
    ({"number": "cztery"}, "number", "Numer to liczba"),
    ({"year": "20x6"}, "year", "Rok to liczba"),
    ({"period_start": "2026-13-01"}, "period_start", "Podaj datę w postaci RRRR-MM-DD."),
    ({"period_end": "2026-09-30"}, "period_end", "Koniec okresu nie może być przed jego początkiem."),
    ({"editorial": "x" * 6001}, "editorial", "Wstępniak może mieć najwyżej 6000 znaków."),
    ({"number": "3"}, "number", "Wydanie 3/2026 już jest."),
])
def test_bad_issue_input_is_refused_next_to_the_field_and_kept(client, official_x, data, field, message):
    issue(2026, 3, title="Istniejące")
    client.force_login(official_x)
    response = client.post(reverse("panel:bulletin_panel:create"), issue_data(**data))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    page = response.content.decode()
    assert 'class="error-summary"' in page
    if field != "title":
        assert 'value="Jesień w organizacjach"' in page
    assert Issue.objects.count() == 1


def test_the_compose_page_edits_the_issue_and_keeps_bad_input(client, official_x):
    draft = issue(published=False)
    client.force_login(official_x)
    url = reverse("panel:bulletin_panel:compose", args=[draft.pk])
    response = client.post(url, issue_data(title="", editorial="Zachowany wstępniak"))
    assert "Podaj tytuł wydania." in response.content.decode() and "Zachowany wstępniak" in response.content.decode()
    draft.refresh_from_db()
    assert draft.title == "Wydanie 4/2026"
    client.post(url, issue_data(title="Nowy tytuł"))
    draft.refresh_from_db()
    assert draft.title == "Nowy tytuł"


def test_the_centre_adds_orders_annotates_and_removes_items(client, official_x, organization_a):
    draft = issue(published=False)
    first = post(organization_a, "Pierwsza", published_at=local(2026, 11, 2, 9))
    second = post(organization_a, "Druga", published_at=local(2026, 11, 3, 9))
    client.force_login(official_x)
    compose_url = reverse("panel:bulletin_panel:compose", args=[draft.pk])
    page = client.get(compose_url).content.decode()
    assert "Pierwsza" in page and "Druga" in page and "Propozycje z okresu wydania" in page
    add = reverse("panel:bulletin_panel:add_item", args=[draft.pk])
    client.post(add, {"kind": ItemKind.NEWS, "target": first.pk, "note": ""})
    client.post(add, {"kind": ItemKind.NEWS, "target": second.pk, "note": "Brawo!"})
    assert [i.title for i in draft.items.order_by("position")] == ["Pierwsza", "Druga"]
    duplicate = client.post(add, {"kind": ItemKind.NEWS, "target": first.pk, "note": ""}, follow=True)
    assert "Ta pozycja już jest w wydaniu." in duplicate.content.decode()
    [a, b] = draft.items.order_by("position")
    client.post(reverse("panel:bulletin_panel:change_item", args=[draft.pk, b.pk]), {"action": "up"})
    assert [i.title for i in draft.items.order_by("position")] == ["Druga", "Pierwsza"]
    client.post(reverse("panel:bulletin_panel:change_item", args=[draft.pk, a.pk]), {"action": "note",
                                                                                   "note": "Ciekawe."})
    a.refresh_from_db()
    assert a.note == "Ciekawe."
    client.post(reverse("panel:bulletin_panel:change_item", args=[draft.pk, b.pk]), {"action": "remove"})
    assert [i.title for i in draft.items.all()] == ["Pierwsza"]


def test_a_too_long_note_is_refused_next_to_its_field_and_kept(client, official_x, organization_a):
    draft = issue(published=False)
    candidate = post(organization_a, "Kandydatka", published_at=local(2026, 11, 2, 9))
    entry = item(draft, post=post(organization_a, "W wydaniu"), note="Stary")
    client.force_login(official_x)
    long_note = "Za długi komentarz " * 20
    response = client.post(reverse("panel:bulletin_panel:add_item", args=[draft.pk]),
                           {"kind": ItemKind.NEWS, "target": candidate.pk, "note": long_note})
    page = response.content.decode()
    assert response.status_code == 200 and "Komentarz może mieć najwyżej 300 znaków." in page
    assert long_note.strip() in page and draft.items.count() == 1
    response = client.post(reverse("panel:bulletin_panel:change_item", args=[draft.pk, entry.pk]),
                           {"action": "note", "note": long_note})
    assert "Komentarz może mieć najwyżej 300 znaków." in response.content.decode()
    entry.refresh_from_db()
    assert entry.note == "Stary"


def test_a_forged_item_is_refused_in_polish(client, official_x, organization_a):
    draft = issue(published=False)
    client.force_login(official_x)
    add = reverse("panel:bulletin_panel:add_item", args=[draft.pk])
    response = client.post(add, {"kind": "nonsense", "target": "abc"}, follow=True)
    assert "Nie wiadomo, którą pozycję dodać" in response.content.decode()
    response = client.post(add, {"kind": ItemKind.NEWS, "target": 99999}, follow=True)
    assert "nie jest (już) opublikowana" in response.content.decode()
    assert not draft.items.exists()
    other = issue(2026, 3, published=False)
    foreign = item(other, post=post(organization_a))
    assert client.post(reverse("panel:bulletin_panel:change_item", args=[draft.pk, foreign.pk]),
                       {"action": "remove"}).status_code == 404


def test_publishing_twice_publishes_once(client, official_x, organization_a):
    draft = issue(published=False)
    client.force_login(official_x)
    url = reverse("panel:bulletin_panel:publish", args=[draft.pk])
    response = client.post(url, follow=True)
    assert "Dodaj do wydania co najmniej jedną pozycję" in response.content.decode()
    item(draft, post=post(organization_a))
    client.post(url)
    draft.refresh_from_db()
    first = draft.published_at
    response = client.post(url, follow=True)
    assert "już opublikowane" in response.content.decode()
    draft.refresh_from_db()
    assert draft.published_at == first
    page = client.get(reverse("panel:bulletin_panel:compose", args=[draft.pk])).content.decode()
    assert "Opublikuj i wyślij" not in page and "Zapisz dane wydania" not in page


def test_the_media_contacts_are_added_checked_edited_and_removed(client, administrator):
    client.force_login(administrator)
    url = reverse("panel:bulletin_panel:contacts")
    client.post(url, {"name": "Anna Nowak", "outlet": "Kurier", "email": "Anna@Kurier.example.org"})
    contact = MediaContact.objects.get()
    assert contact.email == "anna@kurier.example.org"
    for data, message in [
        ({"name": "", "email": "b@example.org"}, "Podaj imię i nazwisko."),
        ({"name": "Beata", "email": "nie-adres"}, "Wpisz poprawny adres e-mail"),
        ({"name": "Beata", "email": "ANNA@kurier.example.org"}, "Ten adres jest już na liście kontaktów."),
    ]:
        response = client.post(url, {"outlet": "Radio Zachowane", **data})
        page = response.content.decode()
        assert response.status_code == 200 and message in page and 'value="Radio Zachowane"' in page
    assert MediaContact.objects.count() == 1
    client.post(reverse("panel:bulletin_panel:edit_contact", args=[contact.pk]),
                {"name": "Anna Nowak", "outlet": "Radio", "email": "anna@radio.example.org"})
    contact.refresh_from_db()
    assert (contact.outlet, contact.email) == ("Radio", "anna@radio.example.org")
    client.post(reverse("panel:bulletin_panel:delete_contact", args=[contact.pk]))
    assert not MediaContact.objects.exists()


def test_the_panels_menu_shows_the_bulletin_to_the_centre_only(client, official_x, team_member):
    client.force_login(official_x)
    assert reverse("panel:bulletin_panel:index") in client.get(reverse("panel:dashboard")).content.decode()
    client.force_login(team_member)
    assert reverse("panel:bulletin_panel:index") not in client.get(reverse("panel:dashboard")).content.decode()
