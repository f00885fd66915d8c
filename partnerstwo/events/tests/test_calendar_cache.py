"""The month grid is rendered once per content (issue 18) and never shown stale: every change of what it
shows is on the very next request."""

import datetime

import pytest
import time_machine
from django.core.cache import caches

from partnerstwo.events import schedule
from partnerstwo.events.models import Event, EventStatus, Occurrence
from partnerstwo.events.tests import factories

pytestmark = pytest.mark.django_db

MONTH = "/wydarzenia/?data=2030-05-01"


def _grid(client, path=MONTH) -> str:
    html = client.get(path).content.decode()
    return html[html.index('<table class="calendar-month">'):html.index("</table>")]


def test_the_month_grid_is_served_from_the_cache_until_its_content_changes(client):
    caches["fragments"].clear()
    event = factories.event(title="Warsztaty ekologiczne", starts_at=factories.local(2030, 5, 6, 10))
    first = _grid(client)
    assert "Warsztaty ekologiczne" in first
    assert len([key for key in caches["fragments"]._cache if "fragment:events/_month.html" in key]) == 1
    assert _grid(client) == first
    assert len([key for key in caches["fragments"]._cache if "fragment:events/_month.html" in key]) == 1

    event.title = "Warsztaty przyrodnicze"  # the organiser's edit, as the form saves it
    event.save()
    assert "Warsztaty przyrodnicze" in _grid(client)
    assert "Warsztaty ekologiczne" not in _grid(client)

    event.starts_at, event.ends_at = factories.local(2030, 5, 7, 16), factories.local(2030, 5, 7, 18)
    event.save()
    schedule.rebuild(event)
    grid = _grid(client)
    assert "16:00 Warsztaty przyrodnicze" in grid and "10:00" not in grid

    Occurrence.objects.filter(event=event).update(is_cancelled=True)
    assert "odwołane" in _grid(client)

    other = factories.event(title="Piknik sąsiedzki", starts_at=factories.local(2030, 5, 20, 12))
    assert "Piknik sąsiedzki" in _grid(client)
    other.status = EventStatus.DRAFT  # withdrawn from the calendar
    other.save()
    assert "Piknik sąsiedzki" not in _grid(client)

    Event.objects.filter(pk=event.pk).delete()
    assert "Warsztaty przyrodnicze" not in _grid(client)


def test_the_grid_follows_the_language_the_filters_and_the_day(client):
    factories.event(title="Spotkanie sieciujące", starts_at=factories.local(2030, 5, 6, 10), is_free=True)
    polish = _grid(client)
    english = _grid(client, "/en/wydarzenia/?data=2030-05-01")
    assert "Wydarzenia: Maj 2030" in polish
    assert "May 2030" in english and "/en/wydarzenia/" in english
    filtered = _grid(client, "/wydarzenia/?data=2030-05-01&rodzaj=training")
    assert "Spotkanie sieciujące" not in filtered
    assert "rodzaj=training" in filtered  # the days' links keep the filters

    with time_machine.travel(datetime.datetime(2030, 5, 6, 9, tzinfo=factories.WARSAW), tick=False):
        assert "calendar-month__today" in _grid(client)
    with time_machine.travel(datetime.datetime(2030, 7, 15, 9, tzinfo=factories.WARSAW), tick=False):
        assert "calendar-month__today" not in _grid(client)
