import pytest
from django.urls import reverse
from django.utils import timezone

from partnerstwo.news.models import NewsItem

ROLES_REFUSED = ["resident", "representative_a", "team_member"]
ROLES_ALLOWED = ["official_x", "administrator"]


def form_data(**changes):
    data = {
        "title": "Szkolenie z grantów",
        "slug": "",
        "lead": "Zapraszamy na szkolenie.",
        "body": "Szczegóły szkolenia.",
        "published_at": "2026-11-20T10:00",
        "is_published": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def urls(make_news):
    item = make_news()
    return {
        "list": reverse("panel:news_panel:index"),
        "create": reverse("panel:news_panel:create"),
        "edit": reverse("panel:news_panel:edit", args=[item.pk]),
    }


@pytest.mark.parametrize("name", ["list", "create", "edit"])
def test_an_anonymous_visitor_is_sent_to_log_in(client, urls, name):
    response = client.get(urls[name])

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ROLES_REFUSED)
@pytest.mark.parametrize("name", ["list", "create", "edit"])
def test_a_user_without_the_editor_role_is_refused(client, urls, request, role, name):
    client.force_login(request.getfixturevalue(role))

    assert client.get(urls[name]).status_code == 403


@pytest.mark.parametrize("role", ROLES_REFUSED)
def test_a_user_without_the_editor_role_cannot_post_news(client, request, role, db):
    client.force_login(request.getfixturevalue(role))

    assert client.post(reverse("panel:news_panel:create"), form_data()).status_code == 403
    assert not NewsItem.objects.exists()


@pytest.mark.parametrize("role", ROLES_ALLOWED)
@pytest.mark.parametrize("name", ["list", "create", "edit"])
def test_officials_and_administrators_open_the_news_editor(client, urls, request, role, name):
    client.force_login(request.getfixturevalue(role))

    assert client.get(urls[name]).status_code == 200


@pytest.mark.parametrize("role", ROLES_ALLOWED)
def test_an_editor_writes_news_signed_with_their_name(client, request, role, db):
    user = request.getfixturevalue(role)
    client.force_login(user)

    response = client.post(reverse("panel:news_panel:create"), form_data())

    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert item.slug == "szkolenie-z-grantow"
    assert item.author == user
    assert item.updated_by == user
    # Typed in the city's time (Europe/Warsaw), stored in UTC.
    assert timezone.localtime(item.published_at).strftime("%Y-%m-%d %H:%M") == "2026-11-20 10:00"


def test_an_edit_records_who_changed_the_news_last(client, make_news, official_x, administrator):
    item = make_news(author=official_x, updated_by=official_x)
    client.force_login(administrator)

    client.post(
        reverse("panel:news_panel:edit", args=[item.pk]),
        form_data(title="Nowy tytuł", slug=item.slug, lead="Nowa zajawka"),
    )

    item.refresh_from_db()
    assert (item.title, item.author, item.updated_by) == ("Nowy tytuł", official_x, administrator)


def test_a_slug_already_taken_is_refused_with_a_polish_message(client, make_news, official_x):
    make_news("szkolenie-z-grantow")
    client.force_login(official_x)

    response = client.post(reverse("panel:news_panel:create"), form_data())

    assert "Aktualność o tym adresie już istnieje. Wybierz inny adres." in response.content.decode()
    assert NewsItem.objects.count() == 1


def test_the_feed_addresses_are_refused_as_slugs(client, official_x):
    client.force_login(official_x)

    for slug in ("rss", "atom"):
        response = client.post(reverse("panel:news_panel:create"), form_data(slug=slug))
        assert "jest zajęty przez inną część serwisu" in response.content.decode()

    assert not NewsItem.objects.exists()


def test_bad_input_gets_messages_next_to_the_fields(client, official_x):
    client.force_login(official_x)

    response = client.post(
        reverse("panel:news_panel:create"), form_data(published_at="jutro", lead="", title="x" * 300)
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Podaj datę i godzinę" in html
    assert 'id="id_lead_error"' in html
    assert 'id="id_title_error"' in html
    assert not NewsItem.objects.exists()


def test_hostile_input_causes_no_server_error(client, official_x):
    client.force_login(official_x)

    for data in (
        form_data(body="\x00"),
        form_data(lead="y" * 100_000),
        form_data(published_at="9999-99-99T99:99"),
        form_data(published_at="0001-01-01T00:00"),
        form_data(published_at="9999-12-31T23:59"),
    ):
        assert client.post(reverse("panel:news_panel:create"), data).status_code == 200

    assert not NewsItem.objects.exists()


def test_preview_renders_without_saving(client, official_x):
    client.force_login(official_x)

    response = client.post(reverse("panel:news_panel:create"), form_data(body="**Ważne**", preview="1"))

    assert "<strong>Ważne</strong>" in response.content.decode()
    assert not NewsItem.objects.exists()


def test_the_panel_list_shows_drafts_and_scheduled_news(client, make_news, official_x, django_assert_num_queries):
    make_news("szkic", is_published=False)
    make_news("zaplanowana", days_ago=-2)
    client.force_login(official_x)
    client.get(reverse("panel:news_panel:index"))

    # Session, user, count, the panel menu's secretary check, the page.
    with django_assert_num_queries(5):
        html = client.get(reverse("panel:news_panel:index")).content.decode()

    assert "Tytuł szkic" in html
    assert "zaplanowana</span>" in html
