"""Withdrawn consent records are kept for the limitation period, IP addresses for PERSONAL_DATA_IP_RETENTION_DAYS."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from partnerstwo.newsletter.models import ConsentRecord, Recipient
from partnerstwo.newsletter.subscriptions import years_before

pytestmark = pytest.mark.django_db


def run_at(moment):
    with time_machine.travel(moment, tick=False):
        call_command("apply_retention")


def consent(**fields):
    recipient = Recipient.objects.create(email="ewa@example.org", confirmed_at=timezone.now())
    return ConsentRecord.objects.create(
        recipient=recipient, email=recipient.email, text_version="v1", text="Zgoda.", ip_address="192.0.2.7",
        user_agent="Testowa/1.0", confirmed_at=timezone.now(), **fields,
    )


def test_a_withdrawn_consent_is_kept_for_the_limitation_period_then_deleted(settings):
    withdrawn = timezone.now()
    record = consent(withdrawn_at=withdrawn)
    end = withdrawn.replace(year=withdrawn.year + settings.NEWSLETTER_CONSENT_RETENTION_YEARS)

    run_at(end - timedelta(minutes=1))
    assert ConsentRecord.objects.filter(pk=record.pk).exists()

    run_at(end + timedelta(minutes=1))
    assert not ConsentRecord.objects.filter(pk=record.pk).exists()


def test_a_consent_not_withdrawn_is_never_deleted_for_its_age(settings):
    record = consent()

    run_at(timezone.now() + timedelta(days=366 * (settings.NEWSLETTER_CONSENT_RETENTION_YEARS + 2)))

    assert ConsentRecord.objects.filter(pk=record.pk).exists()


def test_the_ip_address_and_browser_are_dropped_after_the_ip_retention_period(settings):
    record = consent()
    end = record.given_at + timedelta(days=settings.PERSONAL_DATA_IP_RETENTION_DAYS)

    run_at(end - timedelta(minutes=1))
    record.refresh_from_db()
    assert record.ip_address == "192.0.2.7"

    run_at(end + timedelta(minutes=1))
    record.refresh_from_db()
    assert record.ip_address is None and record.user_agent == ""
    assert record.text == "Zgoda." and record.email == "ewa@example.org"


def test_the_ip_period_is_the_setting(settings):
    settings.PERSONAL_DATA_IP_RETENTION_DAYS = 7
    record = consent()

    run_at(record.given_at + timedelta(days=7, minutes=1))

    record.refresh_from_db()
    assert record.ip_address is None


def test_the_stated_defaults():
    from partnerstwo import settings as project_settings

    assert project_settings.PERSONAL_DATA_IP_RETENTION_DAYS == 90
    assert project_settings.NEWSLETTER_CONSENT_RETENTION_YEARS == 6
    assert project_settings.EVENTS_REGISTRATION_RETENTION_DAYS == 180


def test_years_before_keeps_29_february_inside_the_period():
    moment = timezone.now().replace(year=2028, month=2, day=29)

    assert (years_before(moment, 6).month, years_before(moment, 6).day) == (2, 28)


def test_unsubscribed_addresses_and_unconfirmed_sign_ups_go_as_before(settings):
    gone = Recipient.objects.create(email="odszedl@example.org", confirmed_at=timezone.now(),
                                    unsubscribed_at=timezone.now())
    pending = Recipient.objects.create(email="niepotwierdzony@example.org")

    run_at(timezone.now() + timedelta(days=max(settings.NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS, 7) + 1))

    assert not Recipient.objects.filter(pk__in=[gone.pk, pending.pk]).exists()
