"""The art. 19a rules at their edges: amount, duration, publication deadline, comment period, yearly caps."""

import datetime
import zoneinfo
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from partnerstwo.grants.schedule.models import Mode, PlannedCompetition, ScheduleYear
from partnerstwo.lib import publication
from partnerstwo.organizations.tests import factories as directory
from partnerstwo.small_grants import procedure
from partnerstwo.small_grants.forms import PublishForm, SmallGrantOfferForm
from partnerstwo.small_grants.models import SmallGrantOffer
from partnerstwo.small_grants.tests import factories as make

pytestmark = pytest.mark.django_db
WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


def offer_form(user, **overrides):
    organization = overrides.pop("organization", None) or directory.organization()
    start = make.today() + timedelta(days=10)
    data = {
        "organization": organization.krs,
        "sphere": str(make.sphere().pk),
        "title": "Sąsiedzkie warsztaty ogrodnicze",
        "summary": "Cztery warsztaty na skwerze przy ul. Mickiewicza.",
        "amount": "9500.00",
        "task_start": start.isoformat(),
        "task_end": (start + timedelta(days=30)).isoformat(),
        "received_on": make.today().isoformat(),
    }
    data.update(overrides)
    return SmallGrantOfferForm(data, {"file": make.pdf()}, user=user)


# --- Amount: at most 10 000 zł (art. 19a ust. 1 pkt 1) ---------------------------------------


def test_an_offer_of_exactly_10000_zl_is_accepted(official_x):
    form = offer_form(official_x, amount="10000.00")
    assert form.is_valid(), form.errors


def test_an_offer_of_10000_zl_and_one_grosz_is_refused_citing_art_19a(official_x):
    form = offer_form(official_x, amount="10000.01")
    assert not form.is_valid()
    [message] = form.errors["amount"]
    assert "art. 19a ust. 1 pkt 1" in message
    assert "10\xa0000,00\xa0zł" in message


def test_the_database_refuses_an_amount_over_the_limit_too(official_x):
    with pytest.raises(IntegrityError), transaction.atomic():
        make.offer(amount=Decimal("10000.01"))


# --- Duration: at most 90 days (art. 19a ust. 1 pkt 2) ----------------------------------------


def test_a_task_of_90_days_is_accepted(official_x):
    start = date(2027, 1, 1)
    form = offer_form(official_x, task_start=start.isoformat(), task_end=date(2027, 3, 31).isoformat())
    assert procedure.task_days(start, date(2027, 3, 31)) == 90
    assert form.is_valid(), form.errors


def test_a_task_of_91_days_is_refused_citing_art_19a(official_x):
    form = offer_form(official_x, task_start="2027-01-01", task_end="2027-04-01")
    assert not form.is_valid()
    [message] = form.errors["task_end"]
    assert "90 dni" in message and "art. 19a ust. 1 pkt 2" in message and "91 dni" in message


@pytest.mark.parametrize("start", [date(2027, 1, 1), date(2027, 3, 1), date(2028, 2, 1), date(2027, 10, 1)])
def test_the_database_refuses_a_task_of_91_days_and_keeps_one_of_90(official_x, start):
    # Across a leap day (2028), both DST changes (March, October) and a month of 28 days.
    kept = make.offer(task_start=start, task_end=start + timedelta(days=89))
    assert procedure.task_days(kept.task_start, kept.task_end) == 90
    with pytest.raises(IntegrityError), transaction.atomic():
        make.offer(task_start=start, task_end=start + timedelta(days=90))


def test_the_database_refuses_a_task_stretched_past_90_days_by_an_update(official_x):
    made = make.offer(task_start=date(2027, 1, 1), task_end=date(2027, 3, 31))
    with pytest.raises(IntegrityError), transaction.atomic():
        SmallGrantOffer.objects.filter(pk=made.pk).update(task_end=date(2027, 4, 1))


def test_a_task_ending_before_it_starts_is_refused(official_x):
    form = offer_form(official_x, task_start="2027-02-01", task_end="2027-01-31")
    assert not form.is_valid()
    assert "wcześniejszy" in form.errors["task_end"][0]


def test_an_offer_cannot_be_received_in_the_future(official_x):
    form = offer_form(official_x, received_on=(make.today() + timedelta(days=1)).isoformat())
    assert not form.is_valid()
    assert "received_on" in form.errors


# --- Publication within 7 working days (art. 19a ust. 3) --------------------------------------


def everywhere(day: date) -> dict:
    """The same day in all three places (art. 19a ust. 3)."""
    return dict.fromkeys(publication.FIELDS, day)


def publish_form(received_on, published_on, today=date(2026, 11, 28), **other_places):
    offer = make.offer(received_on=received_on)
    data = {name: day.isoformat() for name, day in {**everywhere(published_on), **other_places}.items()}
    return PublishForm(data, offer=offer, today=today)


def test_the_last_publication_day_skips_a_holiday_in_between():
    # Received Thursday 5 Nov 2026; 11 Nov (Wednesday) is a holiday: 6, 9, 10, 12, 13, 16, 17.
    assert procedure.last_publication_day(date(2026, 11, 5)) == date(2026, 11, 17)


def test_publication_on_the_7th_working_day_is_accepted():
    form = publish_form(date(2026, 11, 5), date(2026, 11, 17))
    assert form.is_valid(), form.errors


def test_publication_on_the_8th_working_day_is_refused_naming_the_last_allowed_day():
    form = publish_form(date(2026, 11, 5), date(2026, 11, 18))
    assert not form.is_valid()
    [message] = form.errors["bip_published_on"]
    assert "art. 19a ust. 3" in message
    assert "17 listopada 2026" in message


def test_each_of_the_three_places_is_required_and_checked_on_its_own():
    form = publish_form(date(2026, 11, 5), date(2026, 11, 17), notice_board_published_on=date(2026, 11, 18))
    assert not form.is_valid()
    assert set(form.errors) == {"notice_board_published_on"}
    offer = make.offer(received_on=date(2026, 11, 5))
    form = PublishForm({"bip_published_on": "2026-11-10"}, offer=offer, today=date(2026, 11, 28))
    assert not form.is_valid()
    assert form.errors["website_published_on"] == ["Podaj datę publikacji w tym miejscu."]


def test_the_comment_period_counts_from_the_last_of_the_three_places():
    offer = make.offer(received_on=date(2026, 11, 20))
    dates = {**everywhere(date(2026, 11, 23)), "notice_board_published_on": date(2026, 11, 24)}
    procedure.publish(offer, dates=dates, today=date(2026, 11, 28))
    offer.refresh_from_db()
    assert offer.bip_published_on == date(2026, 11, 23)
    assert offer.published_on == date(2026, 11, 24)
    assert offer.comments_until == date(2026, 12, 1)


def test_publishing_without_all_three_places_is_refused():
    offer = make.offer(received_on=date(2026, 11, 20))
    with pytest.raises(ValidationError, match="trzech miejscach"):
        procedure.publish(offer, dates={"bip_published_on": date(2026, 11, 23)}, today=date(2026, 11, 28))


def test_the_database_refuses_a_publication_without_its_three_places():
    offer = make.offer(received_on=date(2026, 11, 20))
    offer.status, offer.published_on, offer.comments_until = "published", date(2026, 11, 23), date(2026, 11, 30)
    with pytest.raises(IntegrityError), transaction.atomic():
        offer.save()


def test_publication_before_the_offer_came_in_or_in_the_future_is_refused():
    assert not publish_form(date(2026, 11, 20), date(2026, 11, 19)).is_valid()
    assert not publish_form(date(2026, 11, 20), date(2026, 11, 29)).is_valid()


def test_publishing_opens_seven_days_for_comments():
    offer = make.offer(received_on=date(2026, 11, 20))
    procedure.publish(offer, dates=everywhere(date(2026, 11, 23)), today=date(2026, 11, 28))
    offer.refresh_from_db()
    assert offer.status == SmallGrantOffer.Status.PUBLISHED
    assert offer.published_on == date(2026, 11, 23)
    assert offer.comments_until == date(2026, 11, 30)


def test_an_offer_cannot_be_published_twice():
    offer = make.offer(published_days_ago=1)
    with pytest.raises(ValidationError):
        procedure.publish(offer, dates=everywhere(make.today()))


# --- Comments for 7 days (art. 19a ust. 4) ----------------------------------------------------


def published_on(day):
    offer = make.offer(received_on=day)
    procedure.publish(offer, dates=everywhere(day), today=day)
    offer.refresh_from_db()
    return offer


def test_comments_are_open_on_the_7th_day_and_closed_on_the_8th():
    offer = published_on(date(2026, 11, 23))  # Monday; the 7th day after is Monday 30 November
    assert procedure.comments_open(offer, today=date(2026, 11, 30))
    assert not procedure.comments_open(offer, today=date(2026, 12, 1))


def test_a_7th_day_on_a_saturday_moves_the_last_comment_day_to_monday(settings):
    settings.GRANTS_DEADLINES_SKIP_HOLIDAYS = True
    offer = published_on(date(2026, 11, 21))  # Saturday; the 7th day after is Saturday 28 November
    assert offer.comments_until == date(2026, 11, 30)
    assert procedure.comments_open(offer, today=date(2026, 11, 30))
    assert not procedure.comments_open(offer, today=date(2026, 12, 1))


def test_without_the_holiday_rule_the_7th_day_is_the_last_even_on_a_saturday(settings):
    settings.GRANTS_DEADLINES_SKIP_HOLIDAYS = False
    offer = published_on(date(2026, 11, 21))
    assert offer.comments_until == date(2026, 11, 28)
    assert not procedure.comments_open(offer, today=date(2026, 11, 30))


def test_the_last_comment_day_ends_at_midnight_in_warsaw():
    offer = make.offer(published_days_ago=0)
    last = offer.comments_until
    just_before = datetime.datetime.combine(last, datetime.time(23, 59), tzinfo=WARSAW)
    just_after = just_before + timedelta(minutes=1)
    assert procedure.comments_open(offer, today=procedure.local_today(just_before))
    assert not procedure.comments_open(offer, today=procedure.local_today(just_after))


def test_comments_are_not_open_on_an_offer_not_yet_published_or_decided():
    assert not procedure.comments_open(make.offer())
    decided = make.offer(published_days_ago=2, status=SmallGrantOffer.Status.REJECTED)
    assert not procedure.comments_open(decided)


# --- Decision only after the comment period ---------------------------------------------------


def test_a_decision_on_the_last_comment_day_is_refused(official_x):
    offer = make.offer(published_days_ago=7)
    with pytest.raises(ValidationError) as refused:
        procedure.decide(offer, accept=True, reason="Zadanie potrzebne.", by=official_x)
    assert "art. 19a ust. 4" in refused.value.messages[0]
    offer.refresh_from_db()
    assert offer.status == SmallGrantOffer.Status.PUBLISHED


def test_a_decision_the_day_after_the_period_is_recorded(official_x):
    offer = make.offer(published_days_ago=8)
    procedure.decide(offer, accept=False, reason="Zadanie nie ma charakteru lokalnego.", by=official_x)
    offer.refresh_from_db()
    assert offer.status == SmallGrantOffer.Status.REJECTED
    assert offer.decided_by == official_x and offer.decided_at is not None


def test_a_decided_offer_cannot_be_decided_again(official_x):
    offer = make.offer(published_days_ago=9, status=SmallGrantOffer.Status.ACCEPTED)
    with pytest.raises(ValidationError):
        procedure.decide(offer, accept=False, reason="Zmiana zdania.", by=official_x)


# --- Yearly caps (settings; accepted offers count) --------------------------------------------


def accepted(organization, amount, start):
    return make.offer(
        organization=organization, amount=Decimal(amount), task_start=start, task_end=start + timedelta(days=10),
        published_days_ago=20, status=SmallGrantOffer.Status.ACCEPTED,
    )


def test_an_organisation_may_reach_but_not_pass_its_yearly_cap(official_x):
    organization = directory.organization()
    start = date(make.today().year + 1, 3, 1)
    accepted(organization, "10000", start)
    accepted(organization, "2000", start)
    exactly = make.offer(organization=organization, amount=Decimal("8000"), task_start=start,
                         task_end=start + timedelta(days=5), published_days_ago=8)
    procedure.check_caps(organization, Decimal("8000"), start.year, exclude_pk=exactly.pk)
    with pytest.raises(ValidationError) as refused:
        procedure.check_caps(organization, Decimal("8000.01"), start.year)
    assert "20\xa0000,00\xa0zł" in refused.value.messages[0]


def test_offers_not_accepted_and_other_years_do_not_count_towards_the_cap():
    organization = directory.organization()
    start = date(make.today().year + 1, 3, 1)
    make.offer(organization=organization, amount=Decimal("10000"), task_start=start,
               task_end=start + timedelta(days=5), published_days_ago=20, status=SmallGrantOffer.Status.REJECTED)
    accepted(organization, "10000", date(start.year - 1, 12, 1))
    procedure.check_caps(organization, Decimal("10000"), start.year)
    accepted(organization, "10000", start)
    procedure.check_caps(organization, Decimal("10000"), start.year)


def test_the_cap_per_organisation_is_a_setting(settings):
    settings.SMALL_GRANTS_YEARLY_CAP_PER_ORGANIZATION = 5000
    with pytest.raises(ValidationError):
        procedure.check_caps(directory.organization(), Decimal("5000.01"), 2027)


def test_accepting_an_offer_over_the_cap_is_refused(official_x):
    organization = directory.organization()
    start = make.today() + timedelta(days=30)
    accepted(organization, "10000", start)
    accepted(organization, "9000", start)
    offer = make.offer(organization=organization, amount=Decimal("1000.01"), task_start=start,
                       task_end=start + timedelta(days=5), published_days_ago=8)
    with pytest.raises(ValidationError):
        procedure.decide(offer, accept=True, reason="Potrzebne.", by=official_x)
    offer.refresh_from_db()
    assert offer.status == SmallGrantOffer.Status.PUBLISHED


def test_the_registration_form_refuses_an_offer_that_would_pass_the_cap(official_x):
    organization = directory.organization()
    start = make.today() + timedelta(days=10)
    accepted(organization, "10000", start)
    accepted(organization, "9000", start)
    form = offer_form(official_x, organization=organization, amount="1000.01")
    assert not form.is_valid()
    assert any("limit" in error for error in form.non_field_errors())


def published_schedule(year, *amounts):
    schedule = ScheduleYear.objects.create(year=year, status=ScheduleYear.Status.PUBLISHED)
    for amount in amounts:
        PlannedCompetition.objects.create(
            schedule=schedule, department=make.department(), task="Zadanie", sphere=make.sphere(),
            mode=Mode.SUPPORT, planned_month=3, planned_amount=Decimal(amount),
        )
    return schedule


def test_all_small_grants_may_reach_but_not_pass_the_share_of_the_published_schedule():
    year = 2031
    published_schedule(year, "60000", "40000")  # 20% = 20 000 zł
    accepted(directory.organization(), "10000", date(year, 2, 1))
    accepted(directory.organization(), "5000", date(year, 2, 1))
    procedure.check_caps(directory.organization(), Decimal("5000"), year)
    with pytest.raises(ValidationError) as refused:
        procedure.check_caps(directory.organization(), Decimal("5000.01"), year)
    assert "20%" in refused.value.messages[0]


def test_without_a_published_schedule_the_share_is_not_checked():
    year = 2032
    ScheduleYear.objects.create(year=year, status=ScheduleYear.Status.DRAFT)
    accepted(directory.organization(), "10000", date(year, 2, 1))
    procedure.check_caps(directory.organization(), Decimal("10000"), year)


def test_the_share_is_a_setting(settings):
    settings.SMALL_GRANTS_MAX_SHARE = 0.05
    published_schedule(2033, "100000")
    with pytest.raises(ValidationError):
        procedure.check_caps(directory.organization(), Decimal("5000.01"), 2033)
