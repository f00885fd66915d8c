import datetime
import io

from django.utils import timezone, translation

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


def _item(slug, today):
    with translation.override("pl"):
        return next(item for item in demo.demo_news(today) if item["slug"] == slug)


def test_an_announced_training_moves_off_a_movable_public_holiday(db):
    # Five days after Wednesday 24 March 2027 is Easter Monday; the training moves to the Tuesday.
    item = _item("szkolenie-sprawozdawczosc-opp", datetime.date(2027, 3, 24))

    assert "30 marca 2027 r." in item["lead"]
    assert "**30 marca 2027 r. w godz. 10:00–14:00**" in item["body"]


def test_a_past_meeting_moves_back_to_the_last_working_day(db):
    # Seventeen days before Friday 28 May 2027 is Tuesday 11 May.
    today = datetime.date(2027, 5, 28)

    assert _item("zespol-konsultacyjny-spotkanie-departament-spraw-spolecznych", today)["body"].startswith(
        "11 maja 2027 r. członkowie Zespołu"
    )


def test_the_forum_the_news_invite_to_is_the_one_in_the_calendar(db):
    # The demo calendar's Forum starts 20 days from the day the demo is loaded (events/demo.py).
    item = _item("forum-inicjatyw-pozarzadowych-zaproszenie", datetime.date(2027, 5, 28))

    assert item["lead"].startswith("17 czerwca 2027 r.")
    assert "/wydarzenia/demo-forum-inicjatyw-pozarzadowych/" in item["body"]


def test_the_news_are_dated_from_their_front_matter_and_filled_with_the_citys_facts(db, settings):
    today = datetime.date(2027, 3, 24)

    item = _item("spotkanie-integracyjne-organizacji-zapisy", today)

    assert timezone.localtime(item["published_at"]).isoformat() == "2027-03-21T09:30:00+01:00"
    assert settings.CITY["centre"]["street"] in item["body"]
    assert "mailto:" + settings.CITY["centre"]["email"] in item["body"]
    assert "{{" not in item["body"] + item["lead"] + item["title"]
    assert _item("nabor-do-grup-branzowych", today)["published_at"].date() == datetime.date(2027, 3, 26)
    assert _item("harmonogram-konkursow-ofert-projekt", today)["title"].endswith("na 2028 rok")


def test_every_markdown_file_becomes_one_news_item(db):
    files = sorted(demo.TEXTS.glob("*.md"))

    assert len(files) == len(demo.demo_news(datetime.date(2027, 3, 24))) == 8
