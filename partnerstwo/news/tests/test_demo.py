import io

from django.utils import timezone

from partnerstwo.news import demo
from partnerstwo.news.models import NewsItem


def test_the_demo_loads_realistic_news_around_today(official_x):
    demo.load(io.StringIO())

    items = list(NewsItem.objects.all())
    assert 6 <= len(items) <= 8
    assert all(item.author == official_x for item in items)
    assert NewsItem.objects.published().count() >= 6
    now = timezone.now()
    assert all(abs((item.published_at - now).days) <= 60 for item in items)
    assert not any("lorem" in (item.body + item.lead).lower() for item in items)


def test_running_the_news_demo_twice_creates_no_duplicates(db):
    demo.load(io.StringIO())
    count = NewsItem.objects.count()

    demo.load(io.StringIO())

    assert NewsItem.objects.count() == count


def test_the_demo_news_render_on_the_list_and_in_the_feeds(client, db):
    demo.load(io.StringIO())

    assert client.get("/aktualnosci/").status_code == 200
    assert client.get("/aktualnosci/rss/").status_code == 200
    for item in NewsItem.objects.published():
        assert client.get(item.get_absolute_url()).status_code == 200
