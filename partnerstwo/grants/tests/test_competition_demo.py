"""The demo competitions: every state, complete announcements, a valid PDF, and no duplicates on a second run."""

import io

import pytest

from partnerstwo.city import demo as city_demo
from partnerstwo.grants.competitions import demo as demo_competitions
from partnerstwo.grants.competitions import rules
from partnerstwo.grants.competitions.models import Competition, CompetitionDocument

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_demo_has_every_state_and_loading_it_twice_creates_no_duplicates():
    city_demo.load(io.StringIO())
    demo_competitions.load(io.StringIO())
    demo_competitions.load(io.StringIO())
    assert Competition.objects.count() == len(demo_competitions.COMPETITIONS)
    assert set(Competition.objects.values_list("status", flat=True)) == set(Competition.Status.values)
    cancelled = Competition.objects.get(status=Competition.Status.CANCELLED)
    assert cancelled.cancellation_reason and cancelled.status_changes.filter(status="cancelled").exists()
    # Art. 15 ust. 2h, art. 18a: every outcome has its publication recorded; the cancellation's lacks a place.
    for outcome in Competition.objects.filter(status__in=["results", "cancelled"]):
        assert outcome.outcome_publication.bip_published_on >= outcome.offer_deadline.date(), outcome.slug
    assert not cancelled.outcome_publication.is_published_everywhere
    for competition in Competition.objects.all():
        assert rules.announcement_problems(competition) == [], competition.slug
    document = CompetitionDocument.objects.first()
    assert document.file.read().startswith(b"%PDF-1.4")
