from datetime import timedelta

from django.utils import timezone

from partnerstwo.news.models import NewsItem


def news(slug, days_ago, **extra):
    return NewsItem.objects.create(
        slug=slug,
        title=f"Wiadomość {slug}",
        lead=f"Zajawka {slug}",
        published_at=timezone.now() - timedelta(days=days_ago),
        is_published=extra.pop("is_published", True),
        **extra,
    )


def test_the_home_page_states_the_mission_and_links_to_the_sections(client, db):
    html = client.get("/").content.decode()

    assert "buduje dialog, partnerstwo i współpracę" in html
    assert 'href="/misja-i-cele/"' in html
    assert 'href="/aktualnosci/"' in html
    assert 'href="/kontakt/"' in html
    assert "centrum@um.bialystok.pl" in html
    assert "ul. Świętojańska 22 lok. 1" in html


def test_the_home_page_shows_the_three_latest_public_news(client, db):
    for index in range(4):
        news(f"wiadomosc-{index}", days_ago=index + 1)
    news("szkic", days_ago=0, is_published=False)
    news("jutro", days_ago=-1)

    html = client.get("/").content.decode()

    assert "Wiadomość wiadomosc-0" in html
    assert "Wiadomość wiadomosc-2" in html
    assert "Wiadomość wiadomosc-3" not in html
    assert "Wiadomość szkic" not in html
    assert "Wiadomość jutro" not in html


def test_the_home_page_has_one_heading_of_the_first_level(client, db):
    html = client.get("/").content.decode()

    assert html.count("<h1") == 1


def test_the_home_page_runs_a_constant_number_of_queries(client, db, django_assert_num_queries):
    for index in range(5):
        news(f"wiadomosc-{index}", days_ago=index + 1)

    # The news; through their apps' template tags the next events, the competitions calling for offers, the
    # open consultations, the body's next meeting, the newest good practices and partner posts, and whether the
    # 1.5% campaign is in season (campaigns/templatetags/opp_campaign.py; two more in season).
    with django_assert_num_queries(8):
        client.get("/")


def test_the_home_page_shows_what_is_coming(client, db):
    from partnerstwo.events.tests import factories as events
    from partnerstwo.grants.competitions.models import Competition
    from partnerstwo.grants.tests import factories as grants
    from partnerstwo.team.tests import factories as team

    events.event(title="Szkolenie z pisania ofert", starts_at=events.in_days(2, 10))
    events.event(title="Szkic wydarzenia", status="draft", starts_at=events.in_days(2, 12))
    grants.competition(title="Konkurs na zadania kulturalne", status=Competition.Status.ACCEPTING)
    grants.competition(title="Konkurs po ocenie", status=Competition.Status.RESULTS)
    team.meeting(9, title="Posiedzenie grudniowe")

    html = client.get("/").content.decode()

    assert "Najbliższe wydarzenia" in html and "Szkolenie z pisania ofert" in html
    assert "Szkic wydarzenia" not in html
    assert "Konkurs na zadania kulturalne" in html and "oferty do" in html
    assert "Konkurs po ocenie" not in html
    assert "Trwające konsultacje" in html and "Nie trwają teraz żadne konsultacje." in html
    assert "Posiedzenie grudniowe" in html
    assert 'href="/newsletter/"' in html


def test_the_home_page_lists_dates_running_now_that_began_within_a_month(client, db):
    from partnerstwo.events.tests import factories as events

    events.event(title="Wystawa od tygodnia", starts_at=events.in_days(-7, 10), ends_at=events.in_days(20, 18))
    events.event(title="Wystawa od kwartału", starts_at=events.in_days(-90, 10), ends_at=events.in_days(20, 18))
    events.event(title="Wczorajsze spotkanie", starts_at=events.in_days(-1, 10))

    html = client.get("/").content.decode()

    assert "Wystawa od tygodnia" in html
    assert "Wystawa od kwartału" not in html and "Wczorajsze spotkanie" not in html
