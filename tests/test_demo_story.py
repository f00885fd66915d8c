"""The demo tells one story: what the news announce is in the calendar, and the yearly schedule of competitions
links each planned competition to the competition announced for it.

The demo is loaded once for the run (conftest.demo_database).
"""

import re

import pytest
from django.urls import Resolver404, resolve
from django.utils import timezone

from partnerstwo.events.models import Event, EventStatus
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.schedule.models import PlannedCompetition
from partnerstwo.lib.markdown import render_markdown
from partnerstwo.news.models import NewsItem

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_database")]

# The demo news that announce an event (news/demo_texts): each must link it.
ANNOUNCING = ["spotkanie-integracyjne-organizacji-zapisy", "szkolenie-sprawozdawczosc-opp", "dyzury-doradcze-w-centrum",
              "forum-inicjatyw-pozarzadowych-zaproszenie"]
LINK = re.compile(r'href="([^"]+)"')
POLISH_MONTHS = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                 "października", "listopada", "grudnia"]


def linked_events(item: NewsItem) -> list[str]:
    """The slugs of the event pages the item's text links to."""
    slugs = []
    for url in LINK.findall(str(render_markdown(item.body))):
        try:
            match = resolve(url)
        except Resolver404:
            continue
        if match.view_name == "events:detail":
            slugs.append(match.kwargs["slug"])
    return slugs


def test_every_event_a_news_item_links_is_published_in_the_calendar_on_the_day_the_news_gives(db):
    items = list(NewsItem.objects.published())
    assert {item.slug for item in items} >= set(ANNOUNCING)
    for item in items:
        for slug in linked_events(item):
            event = Event.objects.filter(slug=slug).first()
            assert event is not None, f"{item.slug} links {slug}, which the calendar does not hold"
            assert event.status == EventStatus.PUBLISHED, f"{item.slug} links {slug}, which is {event.status}"
            assert event.occurrences.filter(is_cancelled=False).exists()
            for day in event.occurrences.values_list("starts_at", flat=True)[:1]:
                local = timezone.localtime(day)
                spoken = f"{local.day} {POLISH_MONTHS[local.month - 1]} {local.year}"
                if event.rrule:
                    continue  # a repeating event: the news names its days of the week, not a date
                assert spoken in item.lead + item.body, f"{item.slug} does not give the day of {slug} ({spoken})"


def test_every_news_item_that_announces_an_event_links_it(db):
    for slug in ANNOUNCING:
        assert linked_events(NewsItem.objects.get(slug=slug)), f"{slug} announces an event but links none"


def test_the_advisory_hours_of_the_news_are_a_repeating_event_on_tuesdays_and_thursdays(db):
    event = Event.objects.get(slug=linked_events(NewsItem.objects.get(slug="dyzury-doradcze-w-centrum"))[0])
    weekdays = {timezone.localtime(start).weekday() for start in event.occurrences.values_list("starts_at", flat=True)}
    assert weekdays == {1, 3}
    assert {timezone.localtime(start).hour for start in event.occurrences.values_list("starts_at", flat=True)} == {12}


def _stems(text: str) -> set[str]:
    return {word[:5].lower() for word in re.findall(r"\w{6,}", text)}


def test_every_schedule_row_links_the_competition_announced_for_it(db):
    rows = PlannedCompetition.objects.filter(competitions__isnull=False).distinct()
    assert rows.count() >= 3
    for row in rows.select_related("schedule", "sphere", "department"):
        competitions = list(row.competitions.all())
        assert len(competitions) == 1, f"{row.task} ({row.schedule.year}) links {len(competitions)} competitions"
        competition = competitions[0]
        where = f"{row.task} ({row.schedule.year}) → {competition.title} ({competition.year})"
        assert competition.year == row.schedule.year, where
        assert (competition.sphere, competition.department) == (row.sphere, row.department), where
        assert _stems(competition.title) & _stems(row.task), where


def test_the_public_schedule_links_each_row_to_its_competition(client, db):
    public = Competition.objects.public()
    rows = PlannedCompetition.objects.filter(competitions__in=public, schedule__status="published").distinct()
    assert rows.exists()
    for row in rows:
        page = client.get(f"/konkursy/harmonogram/?rok={row.schedule.year}").content.decode()
        assert row.competitions.get().get_absolute_url() in page


def test_no_competition_claims_a_row_of_another_year_or_sphere(db):
    for competition in Competition.objects.exclude(planned=None).select_related("planned__schedule"):
        assert competition.planned.schedule.year == competition.year
        assert competition.planned.sphere_id == competition.sphere_id
