"""The lifecycle: each transition, each refusal, the public history and the change records alerts read."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from partnerstwo.grants.competitions import lifecycle
from partnerstwo.grants.competitions.models import Competition, CompetitionChange, CompetitionDocument, StatusChange
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.tests import factories as make
from partnerstwo.grants.tests.competition_factories import at, competition, pdf, today
from partnerstwo.organizations.tests import factories as directory

Status = Competition.Status
pytestmark = pytest.mark.django_db


def statuses(made):
    return list(StatusChange.objects.filter(competition=made).values_list("status", flat=True))


def test_announcing_a_complete_competition_records_it_and_opens_offers_on_the_last_announcement_day(
    department_x, official_x
):
    made = competition(department_x, announced_on=today())
    lifecycle.announce(made, by=official_x)
    made.refresh_from_db()
    assert made.status == Status.ACCEPTING
    assert statuses(made) == [Status.ANNOUNCED, Status.ACCEPTING]
    assert StatusChange.objects.filter(competition=made, status=Status.ANNOUNCED).get().changed_by == official_x


def test_a_competition_announced_ahead_waits_for_its_last_announcement_day(department_x):
    later = today() + dt.timedelta(days=3)
    made = competition(department_x, announced_on=later)
    lifecycle.announce(made)
    assert made.status == Status.ANNOUNCED
    lifecycle.advance_all(now=at(later, 0, 1))
    made.refresh_from_db()
    assert made.status == Status.ACCEPTING


def test_announcing_an_incomplete_competition_is_refused_with_the_missing_items(department_x):
    made = competition(department_x, website_published_on=None, criteria=False)
    with pytest.raises(ValidationError) as refused:
        lifecycle.announce(made)
    assert any("art. 13 ust. 3" in message for message in refused.value.messages)
    assert any("kryteria" in message for message in refused.value.messages)
    made.refresh_from_db()
    assert made.status == Status.PLANNED
    assert statuses(made) == []


def test_announcing_twice_is_refused(department_x):
    made = competition(department_x)
    lifecycle.announce(made)
    with pytest.raises(ValidationError):
        lifecycle.announce(made)


def test_offers_close_after_the_deadline_and_the_scheduled_command_is_idempotent(department_x):
    made = competition(department_x, status=Status.ACCEPTING, announced_on=today() - dt.timedelta(days=30),
                       deadline=timezone.now() - dt.timedelta(minutes=1))
    call_command("advance_competitions")
    call_command("advance_competitions")
    made.refresh_from_db()
    assert made.status == Status.CLOSED
    assert statuses(made) == [Status.ACCEPTING, Status.CLOSED]


def test_offers_stay_open_until_the_deadline(department_x):
    made = competition(department_x, status=Status.ACCEPTING)
    assert lifecycle.advance_all() == 0
    made.refresh_from_db()
    assert made.status == Status.ACCEPTING


def test_evaluation_cannot_start_before_the_deadline(department_x):
    made = competition(department_x, status=Status.ACCEPTING)
    with pytest.raises(ValidationError, match="po upływie terminu"):
        lifecycle.start_evaluation(made)
    assert made.status == Status.ACCEPTING


def test_evaluation_starts_after_the_deadline(department_x, official_x):
    made = competition(department_x, status=Status.ACCEPTING, announced_on=today() - dt.timedelta(days=30),
                       deadline=timezone.now() - dt.timedelta(hours=1))
    make.offer(made, with_file=False)
    lifecycle.start_evaluation(made, by=official_x)
    assert made.status == Status.EVALUATION
    assert statuses(made)[-2:] == [Status.CLOSED, Status.EVALUATION]


def test_publishing_results_records_the_amounts_and_the_note(department_x):
    made = competition(department_x, status=Status.EVALUATION, announced_on=today() - dt.timedelta(days=40),
                       deadline=timezone.now() - dt.timedelta(days=5))
    organization = directory.organization("Fundacja Alfa", is_published=True)
    offer = Offer.objects.create(competition=made, organization=organization, title="Klub seniora",
                                 requested_amount=Decimal("20000"), received_on=today() - dt.timedelta(days=6))
    lifecycle.publish_results(made, note="Wybrano jedną ofertę.", amounts={offer.pk: Decimal("18000")})
    made.refresh_from_db()
    offer.refresh_from_db()
    assert made.status == Status.RESULTS and made.results_published_at is not None
    assert offer.awarded_amount == Decimal("18000")
    assert made.results_note == "Wybrano jedną ofertę."


def test_results_cannot_be_published_before_evaluation(department_x):
    made = competition(department_x, status=Status.CLOSED)
    with pytest.raises(ValidationError):
        lifecycle.publish_results(made, note="")


def test_cancelling_needs_a_ground_and_is_recorded_publicly_as_a_change(department_x, official_x):
    made = competition(department_x, status=Status.CLOSED)
    with pytest.raises(ValidationError, match="art. 18a"):
        lifecycle.cancel(made, ground="")
    lifecycle.cancel(made, ground="no_offers", details="  Ogłosimy nowy nabór. ", by=official_x)
    made.refresh_from_db()
    assert made.status == Status.CANCELLED and made.cancellation_ground == "no_offers"
    assert made.cancellation_reason == "Nie złożono żadnej oferty (art. 18a). Ogłosimy nowy nabór."
    assert StatusChange.objects.get(competition=made, status=Status.CANCELLED).note == made.cancellation_reason
    assert made.revision == 1
    assert "unieważniono" in made.last_change_summary


@pytest.mark.parametrize("status", [Status.PLANNED, Status.ANNOUNCED, Status.ACCEPTING, Status.RESULTS,
                                    Status.CANCELLED])
def test_a_competition_is_cancelled_only_between_the_deadline_and_the_results(department_x, status):
    made = competition(department_x, status=status)
    with pytest.raises(ValidationError):
        lifecycle.cancel(made, ground="no_offers")


def test_a_competition_with_offers_cannot_be_cancelled_for_lack_of_offers(department_x):
    made = competition(department_x, status=Status.CLOSED)
    make.offer(made, with_file=False)
    with pytest.raises(ValidationError, match="złożono oferty"):
        lifecycle.cancel(made, ground="no_offers")


@pytest.mark.parametrize("formal_statuses, cancellable", [
    (["rejected"], True),
    (["rejected", "rejected"], True),
    (["rejected", "pending"], False),  # the pending one may still pass
    (["rejected", "passed"], False),
])
def test_none_met_the_requirements_only_when_every_offer_was_rejected_formally(
    department_x, formal_statuses, cancellable
):
    made = competition(department_x, status=Status.EVALUATION)
    for status in formal_statuses:
        make.offer(made, formal=status, with_file=False)
    assert (lifecycle.cancellation_ground(made) == "none_met_requirements") is cancellable
    if cancellable:
        lifecycle.cancel(made, ground="none_met_requirements")
        assert made.status == Status.CANCELLED
    else:
        with pytest.raises(ValidationError, match="art. 18a"):
            lifecycle.cancel(made, ground="none_met_requirements")


def test_a_competition_without_offers_can_only_be_cancelled(department_x):
    made = competition(department_x, status=Status.CLOSED, deadline=at(today() - dt.timedelta(days=1), 12),
                       announced_on=today() - dt.timedelta(days=40))
    with pytest.raises(ValidationError, match="można tylko unieważnić"):
        lifecycle.start_evaluation(made)
    evaluated = competition(department_x, status=Status.EVALUATION)
    make.offer(evaluated, formal="rejected", with_file=False)
    with pytest.raises(ValidationError, match="można tylko unieważnić"):
        lifecycle.publish_results(evaluated, note="")


def test_a_change_to_an_announced_competition_raises_the_revision_and_describes_the_new_deadline(department_x):
    old_deadline = at(today() + dt.timedelta(days=25), 15)
    made = competition(department_x, status=Status.ACCEPTING, deadline=old_deadline)
    before = lifecycle.snapshot(made)
    made.offer_deadline = old_deadline + dt.timedelta(days=7)
    made.save()
    change = lifecycle.record_changes(made, lifecycle.describe_changes(before, made))
    made.refresh_from_db()
    assert made.revision == 1 and made.changed_at is not None
    assert change.revision == 1
    assert "ermin składania ofert zmieniono z" in made.last_change_summary
    assert old_deadline.strftime("%Y") in change.summary


def test_an_edit_is_told_with_its_criteria_and_prior_funding(department_x, official_x):
    made = competition(department_x, status=Status.ACCEPTING)
    before = lifecycle.snapshot(made)
    made.title = "Nowy tytuł konkursu"
    made.save()

    change = lifecycle.record_edit(made, before, criteria_changed=True, prior_funding_changed=True, by=official_x)

    assert change.summary == (
        "Zmieniono: tytuł konkursu; zmieniono kryteria oceny ofert; "
        "zmieniono informację o zadaniach tego samego rodzaju (art. 13 ust. 2 pkt 7)"
    )
    assert change.changed_by == official_x


def test_adding_and_correcting_a_document_are_recorded_as_changes(department_x, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    made = competition(department_x, status=Status.ACCEPTING)

    old = lifecycle.add_document(made, CompetitionDocument(title="Regulamin", file=pdf()))
    new = lifecycle.replace_document(old, file=pdf())

    old.refresh_from_db()
    assert (old.is_current, new.is_current, new.replaces) == (False, True, old)
    assert list(CompetitionChange.objects.order_by("revision").values_list("summary", flat=True)) == [
        "Dodano dokument „Regulamin”", "Poprawiono dokument „Regulamin”",
    ]


def test_changes_to_a_planned_competition_are_not_recorded(department_x):
    made = competition(department_x)
    assert lifecycle.record_changes(made, ["zmieniono: tytuł"]) is None
    assert made.revision == 0
    assert not CompetitionChange.objects.exists()


def test_the_countdown_counts_calendar_days_to_the_deadline(department_x):
    made = competition(department_x, status=Status.ACCEPTING, deadline=at(today() + dt.timedelta(days=12), 15))
    assert lifecycle.days_left(made, now=at(today(), 9)) == 12
    made.status = Status.CLOSED
    assert lifecycle.days_left(made) is None
