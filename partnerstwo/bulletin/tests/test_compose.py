"""The bulletin's domain: numbering and periods from the setting, the candidates of a period, the items' order, and
publication that locks the issue."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnerstwo.bulletin import compose
from partnerstwo.bulletin.models import Item, ItemKind, numbering_for, period_of
from partnerstwo.bulletin.tests.factories import issue, item
from partnerstwo.events.models import EventStatus
from partnerstwo.events.tests.factories import event as make_event
from partnerstwo.events.tests.factories import local
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.tests.factories import competition as make_competition
from partnerstwo.orgnews.models import Status
from partnerstwo.orgnews.tests.factories import post

pytestmark = pytest.mark.django_db


def test_a_quarterly_bulletin_numbers_issues_by_quarter():
    assert numbering_for(datetime.date(2026, 12, 2)) == (2026, 4)
    assert numbering_for(datetime.date(2026, 1, 1)) == (2026, 1)
    assert period_of(2026, 4) == (datetime.date(2026, 10, 1), datetime.date(2026, 12, 31))
    assert period_of(2026, 1) == (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))


def test_the_setting_makes_it_monthly(settings):
    settings.BULLETIN_ISSUES_PER_YEAR = 12
    assert numbering_for(datetime.date(2026, 12, 2)) == (2026, 12)
    assert period_of(2026, 2) == (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))


def test_the_next_issue_is_the_current_period_or_the_next_free_one():
    proposed = compose.next_numbering(datetime.date(2026, 12, 2))
    assert (proposed["year"], proposed["number"]) == (2026, 4)
    assert proposed["period_start"] == datetime.date(2026, 10, 1)
    issue(2026, 4)
    proposed = compose.next_numbering(datetime.date(2026, 12, 2))
    assert (proposed["year"], proposed["number"], proposed["period_end"]) == (2027, 1, datetime.date(2027, 3, 31))


def test_candidates_are_what_was_published_held_or_announced_in_the_period(organization_a):
    draft = issue(published=False)
    inside = post(organization_a, "W okresie", published_at=local(2026, 11, 10, 12))
    post(organization_a, "Przed okresem", published_at=local(2026, 9, 30, 12))
    post(organization_a, "Czeka", status=Status.PENDING)
    held = make_event(title="Odbyło się w okresie", starts_at=local(2026, 10, 20, 18))
    make_event(title="Za rok", starts_at=local(2027, 5, 1, 18))  # created today: announced in the period
    make_event(title="Szkic", status=EventStatus.DRAFT, starts_at=local(2026, 10, 21, 18))
    results = make_competition(status=Competition.Status.RESULTS, results_published_at=local(2026, 11, 5, 9))
    make_competition(status=Competition.Status.RESULTS, results_published_at=local(2026, 6, 5, 9))
    found = compose.candidates(draft)
    assert [p.title for p in found[ItemKind.NEWS]] == ["W okresie"]
    assert {e.title for e in found[ItemKind.EVENT]} == {"Odbyło się w okresie", "Za rok"}
    assert found[ItemKind.RESULTS] == [results]
    compose.add_item(draft, kind=ItemKind.NEWS, target_id=inside.pk)
    compose.add_item(draft, kind=ItemKind.EVENT, target_id=held.pk)
    found = compose.candidates(draft)
    assert found[ItemKind.NEWS] == [] and held not in found[ItemKind.EVENT]


def test_only_published_things_are_added_once_each(organization_a):
    draft = issue(published=False)
    waiting = post(organization_a, status=Status.PENDING)
    with pytest.raises(ValidationError, match="nie jest"):
        compose.add_item(draft, kind=ItemKind.NEWS, target_id=waiting.pk)
    planned = make_competition(status=Competition.Status.EVALUATION)
    with pytest.raises(ValidationError, match="nie jest"):
        compose.add_item(draft, kind=ItemKind.RESULTS, target_id=planned.pk)
    published = post(organization_a)
    compose.add_item(draft, kind=ItemKind.NEWS, target_id=published.pk, note="  Warto!  ")
    with pytest.raises(ValidationError, match="już jest"):
        compose.add_item(draft, kind=ItemKind.NEWS, target_id=published.pk)
    assert draft.items.get().note == "Warto!"


def test_items_move_up_and_down_and_stay_numbered(organization_a):
    draft = issue(published=False)
    first, second, third = (item(draft, post=post(organization_a, title)) for title in ("A", "B", "C"))
    compose.move(third, up=True)
    assert [i.title for i in draft.items.order_by("position")] == ["A", "C", "B"]
    compose.move(Item.objects.get(pk=first.pk), up=False)
    assert [i.title for i in draft.items.order_by("position")] == ["C", "A", "B"]
    compose.move(Item.objects.get(pk=third.pk), up=True)  # already first: nothing moves
    assert list(draft.items.order_by("position").values_list("position", flat=True)) == [1, 2, 3]
    compose.remove(Item.objects.get(pk=second.pk))
    assert [i.title for i in draft.items.order_by("position")] == ["C", "A"]


def test_publishing_needs_an_item_and_then_locks_the_issue(organization_a, official_x):
    draft = issue(published=False)
    with pytest.raises(ValidationError, match="co najmniej jedną"):
        compose.publish(draft, by=official_x)
    entry = item(draft, post=post(organization_a))
    compose.publish(draft, by=official_x)
    draft.refresh_from_db()
    assert draft.published_at <= timezone.now()
    assert draft.published_by == official_x
    for change in (lambda: compose.publish(draft, by=official_x), lambda: compose.move(entry, up=False),
                   lambda: compose.set_note(entry, "Zmiana"), lambda: compose.remove(entry),
                   lambda: compose.add_item(draft, kind=ItemKind.NEWS, target_id=post(organization_a, "X").pk)):
        with pytest.raises(ValidationError, match="już opublikowane"):
            change()


def test_an_issue_shows_only_items_still_public(organization_a):
    published = issue()
    shown = item(published, post=post(organization_a, "Widoczna"))
    hidden = item(published, post=post(organization_a, "Wycofana"))
    hidden.post.status = Status.RETURNED
    hidden.post.save()
    assert list(published.items.shown()) == [shown]
