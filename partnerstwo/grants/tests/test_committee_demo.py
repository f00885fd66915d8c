"""The committee demo makes a committee at work and runs twice without duplicates."""

import io

import pytest

from partnerstwo.grants.committees import demo as demo_committees
from partnerstwo.grants.committees import evaluation
from partnerstwo.grants.committees.models import CommitteeMember, ImpartialityDeclaration, Nomination, Score
from partnerstwo.grants.offers.models import Offer
from partnerstwo.organizations.tests import factories as directory


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def test_the_demo_builds_a_committee_with_a_conflict_and_scores_and_is_idempotent(db):
    for name in ["Fundacja Ciepły Kąt", "Stowarzyszenie Wspólna Droga", "Caritas Osiedlowa", "Klub Pomocy",
                 "Fundacja Wskazująca", "Stowarzyszenie Wskazujące"]:
        directory.organization(name)
    demo_committees.load(io.StringIO())
    counts = [model.objects.count() for model in (Offer, CommitteeMember, ImpartialityDeclaration, Score, Nomination)]
    demo_committees.load(io.StringIO())
    assert [model.objects.count() for model in (Offer, CommitteeMember, ImpartialityDeclaration, Score,
                                                Nomination)] == counts
    competition = CommitteeMember.objects.first().competition
    assert competition.committee.count() == 5
    assert competition.committee.filter(is_chair=True).count() == 1
    assert competition.committee.filter(role="ngo").count() == 2
    offering = set(Offer.objects.filter(competition=competition).values_list("organization_id", flat=True))
    indicating = set(competition.committee.filter(role="ngo").values_list("nominated_by_id", flat=True))
    assert None not in indicating and not indicating & offering
    assert ImpartialityDeclaration.objects.filter(conflicts__isnull=False).distinct().count() == 1
    assert Offer.objects.filter(formal_status=Offer.Formal.REJECTED).count() == 1
    ranked = evaluation.ranking(competition)
    assert len(ranked) == 3 and all(row.average for row in ranked)
    assert not Score.objects.filter(member__role="expert").exists()
