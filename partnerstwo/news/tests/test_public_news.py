from django.urls import reverse

from partnerstwo.news.models import NewsItem


def test_the_list_shows_published_news_newest_first(client, make_news):
    make_news("starsza", days_ago=5)
    make_news("nowsza", days_ago=1)

    html = client.get(reverse("news:list")).content.decode()

    assert html.index("Tytuł nowsza") < html.index("Tytuł starsza")
    assert "Zajawka: nowsza" in html


def test_unpublished_and_future_news_are_not_public(client, make_news):
    make_news("szkic", is_published=False)
    make_news("zaplanowana", days_ago=-2)
    make_news("publiczna")

    html = client.get(reverse("news:list")).content.decode()

    assert "Tytuł publiczna" in html
    assert "Tytuł szkic" not in html
    assert "Tytuł zaplanowana" not in html
    assert client.get(reverse("news:detail", args=["szkic"])).status_code == 404
    assert client.get(reverse("news:detail", args=["zaplanowana"])).status_code == 404
    assert list(NewsItem.objects.published().values_list("slug", flat=True)) == ["publiczna"]


def test_the_list_has_ten_news_per_page(client, make_news):
    for number in range(23):
        make_news(f"wiadomosc-{number:02d}", days_ago=number + 1)

    first = client.get(reverse("news:list")).content.decode()
    third = client.get(reverse("news:list"), {"strona": 3}).content.decode()

    assert first.count('class="news-list__item"') == 10
    assert third.count('class="news-list__item"') == 3
    assert 'href="?strona=2"' in first
    assert "Tytuł wiadomosc-22" in third


def test_a_wrong_page_number_shows_a_page_instead_of_an_error(client, make_news):
    make_news()

    for value in ("abc", "999", "-1", "\x00", "1" * 1000):
        response = client.get(reverse("news:list"), {"strona": value})
        assert response.status_code == 200


def test_the_list_runs_a_constant_number_of_queries(client, make_news, django_assert_num_queries):
    make_news("jedna")
    with django_assert_num_queries(2):
        client.get(reverse("news:list"))

    for number in range(15):
        make_news(f"wiadomosc-{number}", days_ago=number + 2)
    with django_assert_num_queries(2):
        client.get(reverse("news:list"))


def test_the_detail_shows_the_date_the_editor_and_the_feedback_link(client, make_news, official_x):
    item = make_news(body="## Program\n\n- powitanie", updated_by=official_x)

    html = client.get(item.get_absolute_url()).content.decode()

    assert "<h1>Tytuł spotkanie-organizacji</h1>" in html
    assert "Opublikowano" in html
    assert "Ostatnia modyfikacja:" in html
    assert "Ksawery Urzędnik" in html
    assert "<h2>Program</h2>" in html
    assert '<p class="feedback-link">' in html
    assert f'{reverse("feedback:create")}?strona=/aktualnosci/spotkanie-organizacji/' in html


def test_the_detail_runs_one_query_for_a_reader(client, make_news, official_x, django_assert_num_queries):
    item = make_news(updated_by=official_x)

    with django_assert_num_queries(1):
        client.get(item.get_absolute_url())


def test_a_script_in_the_news_body_is_not_rendered(client, make_news):
    item = make_news(body="<script>alert(1)</script>", lead="<script>alert(2)</script>")

    html = client.get(item.get_absolute_url()).content.decode()

    assert "<script>alert" not in html


def test_an_editor_previews_a_scheduled_news_item(client, make_news, official_x, resident):
    item = make_news(days_ago=-3)

    client.force_login(resident)
    assert client.get(item.get_absolute_url()).status_code == 404

    client.force_login(official_x)
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert "nie jest jeszcze publiczna" in response.content.decode()
