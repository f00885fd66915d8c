"""What a competition's, an offer's, a committee seat's, a nomination's and a schedule's status mean for the pages."""

import pytest

from partnerstwo.grants.committees.models import CommitteeMember, Nomination
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.schedule.models import ScheduleYear

Status = Competition.Status


@pytest.mark.parametrize("status", Status.values)
def test_a_competition_is_public_once_announced(status):
    assert Competition(status=status).is_public is (status != Status.PLANNED)


@pytest.mark.parametrize("status", Status.values)
def test_a_competition_calls_for_offers_from_its_announcement_until_it_closes(status):
    assert Competition(status=status).is_calling_for_offers is (status in (Status.ANNOUNCED, Status.ACCEPTING))


@pytest.mark.parametrize("status", Status.values)
def test_results_are_published_after_the_evaluation(status):
    competition = Competition(status=status)

    assert competition.can_publish_results is (status == Status.EVALUATION)
    assert competition.has_results is (status == Status.RESULTS)
    assert competition.is_cancelled is (status == Status.CANCELLED)


@pytest.mark.parametrize("formal_status", Offer.Formal.values)
def test_an_offer_is_scored_only_once_it_passed_the_formal_assessment(formal_status):
    offer = Offer(formal_status=formal_status)

    assert offer.is_formally_assessed is (formal_status != Offer.Formal.PENDING)
    assert offer.passed_formal_assessment is (formal_status == Offer.Formal.PASSED)


@pytest.mark.parametrize("role", CommitteeMember.Role.values)
def test_only_an_expert_has_an_advisory_vote(role):
    assert CommitteeMember(role=role).has_advisory_vote is (role == CommitteeMember.Role.EXPERT)


@pytest.mark.parametrize("status", Nomination.Status.values)
def test_a_nomination_is_pending_until_the_official_decides(status):
    assert Nomination(status=status).is_pending is (status == Nomination.Status.PENDING)


@pytest.mark.parametrize("status", ScheduleYear.Status.values)
def test_a_schedule_goes_from_draft_through_consultation_to_published(status):
    schedule = ScheduleYear(status=status)

    assert schedule.is_draft is (status == ScheduleYear.Status.DRAFT)
    assert schedule.is_in_consultation is (status == ScheduleYear.Status.CONSULTATION)
    assert schedule.is_published is (status == ScheduleYear.Status.PUBLISHED)
