"""Grant competition alerts: announcement and changes to matching organisations and grants subscribers,
deadline reminders 7 days and 1 day before to those who asked, each once."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from partnerstwo.newsletter import alert_sources
from partnerstwo.newsletter.models import Mailing, Recipient, Topic
from partnerstwo.newsletter.tests.alert_factories import (
    competition,
    mail_to,
    organization_recipient,
    recipient,
    texts_to,
)
from partnerstwo.organizations.tests import factories as directory


def subjects_to(smtp, address):
    return [" ".join(str(message["Subject"]).split()) for message in mail_to(smtp, address)]


@pytest.fixture
def audience(db):
    """Who should and should not hear of a competition in the health sphere."""
    return {
        "health_org": organization_recipient("Fundacja Zdrowie", spheres=["health"]).email,
        "org_chose_health": organization_recipient(
            "Stowarzyszenie Kultura", spheres=["culture"]
        ).email,
        "culture_org": organization_recipient("Teatr Ruchu", spheres=["culture"]).email,
        "health_org_without_grants": organization_recipient(
            "Klub Zdrowia", spheres=["health"], topics=[Topic.EVENTS_DIGEST]
        ).email,
        "grants_subscriber": recipient("granty@example.org", topics=[Topic.GRANTS]).email,
        "grants_health": recipient("granty-zdrowie@example.org", topics=[Topic.GRANTS], spheres=["health"]).email,
        "grants_charity": recipient("granty-pomoc@example.org", topics=[Topic.GRANTS], spheres=["charity"]).email,
        "events_only": recipient("wydarzenia@example.org", topics=[Topic.EVENT_NOTICES]).email,
        "unsubscribed": recipient("wypisany@example.org", topics=[Topic.GRANTS], unsubscribed_at=timezone.now()).email,
    }


@pytest.fixture
def org_chose_health(audience):
    Recipient.objects.get(email=audience["org_chose_health"]).spheres.set([directory.sphere("health")])


def test_an_announced_competition_reaches_matching_organisations_and_grants_subscribers_once_each(
    audience, org_chose_health, use_smtp
):
    competition(title="Aktywni seniorzy 2027", sphere="health")
    competition(title="Planowany konkurs", sphere="health", status="planned")

    for _run in range(3):
        call_command("send_alerts")

    for who in ["health_org", "org_chose_health", "grants_subscriber", "grants_health"]:
        assert subjects_to(use_smtp, audience[who]) == ["Ogłoszono konkurs: Aktywni seniorzy 2027"], who
    # An organisation whose representatives removed the grants topic chose not to hear of them.
    for who in ["culture_org", "health_org_without_grants", "grants_charity", "events_only", "unsubscribed"]:
        assert mail_to(use_smtp, audience[who]) == [], who
    assert Mailing.objects.filter(source="competition").count() == 1


def test_the_announcement_gives_the_competitions_key_facts_and_link(db, use_smtp, settings):
    recipient("granty@example.org", topics=[Topic.GRANTS])
    announced = competition(title="Aktywni seniorzy 2027", sphere="health", deadline_in_days=25)

    call_command("send_alerts")

    [text] = texts_to(use_smtp, "granty@example.org")
    assert "Miasto ogłosiło otwarty konkurs ofert: „Aktywni seniorzy 2027”" in text
    assert "Wydział: Departament Spraw Społecznych" in text
    assert "Sfera zadań publicznych:" in text and announced.sphere.name_pl in text
    assert "150" in text and "000,00 zł" in text
    assert "Termin składania ofert:" in text and "zostało 25 dni" in text
    assert f"{settings.SITE_URL}{announced.get_absolute_url()}" in text


def test_a_change_to_an_announced_competition_goes_to_the_same_people_once_per_change(
    audience, org_chose_health, use_smtp
):
    from partnerstwo.grants.competitions.models import CompetitionChange

    changed = competition(title="Aktywni seniorzy 2027", sphere="health")
    call_command("send_alerts")

    changed.revision = 1
    changed.changed_at = timezone.now()
    changed.last_change_summary = "Przedłużono termin składania ofert."
    changed.save()
    CompetitionChange.objects.create(competition=changed, revision=1, summary="Przedłużono termin składania ofert.")
    call_command("send_alerts")
    call_command("send_alerts")

    for who in ["health_org", "org_chose_health", "grants_subscriber", "grants_health"]:
        assert subjects_to(use_smtp, audience[who]) == [
            "Ogłoszono konkurs: Aktywni seniorzy 2027",
            "Zmiana w konkursie: Aktywni seniorzy 2027",
        ], who
    assert "Co się zmieniło: Przedłużono termin składania ofert." in texts_to(use_smtp, audience["health_org"])[1]
    # An organisation whose representatives removed the grants topic chose not to hear of them.
    for who in ["culture_org", "health_org_without_grants", "grants_charity", "events_only", "unsubscribed"]:
        assert mail_to(use_smtp, audience[who]) == [], who


def test_a_change_made_before_the_announcement_went_out_is_not_sent_separately(db, use_smtp):
    recipient("granty@example.org", topics=[Topic.GRANTS])
    competition(title="Aktywni seniorzy 2027", revision=2, changed_at=timezone.now() - datetime.timedelta(seconds=5))

    call_command("send_alerts")
    call_command("send_alerts")

    assert subjects_to(use_smtp, "granty@example.org") == ["Ogłoszono konkurs: Aktywni seniorzy 2027"]


def deadline_in(days: int) -> datetime.datetime:
    """An offer deadline `days` calendar days from today, at 15:00 local time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(15)))


@pytest.fixture
def reminders_from_midnight(settings):
    settings.NEWSLETTER_REMINDER_HOUR = 0


def test_deadline_reminders_go_7_days_and_1_day_before_to_those_who_asked_once_each(
    db, use_smtp, reminders_from_midnight
):
    recipient("przypomnienia@example.org", topics=[Topic.GRANT_REMINDERS], spheres=["health"])
    recipient("przypomnienia-kultura@example.org", topics=[Topic.GRANT_REMINDERS], spheres=["culture"])
    recipient("granty@example.org", topics=[Topic.GRANTS])
    competition(title="Za tydzień", sphere="health", offer_deadline=deadline_in(7))
    competition(title="Jutro", sphere="health", offer_deadline=deadline_in(1), status="accepting")
    competition(title="Za dziesięć dni", sphere="health", offer_deadline=deadline_in(10))
    competition(title="Zamknięty", sphere="health", offer_deadline=deadline_in(1), status="closed")

    for _run in range(3):
        call_command("send_alerts")

    assert sorted(subjects_to(use_smtp, "przypomnienia@example.org")) == [
        "Jutro mija termin składania ofert: Jutro",
        "Za 7 dni mija termin składania ofert: Za tydzień",
    ]
    assert mail_to(use_smtp, "przypomnienia-kultura@example.org") == []
    assert not [s for s in subjects_to(use_smtp, "granty@example.org") if "mija termin" in s]
    versions = set(Mailing.objects.filter(source="competition_deadline").values_list("source_version", flat=True))
    assert versions == {f"{deadline_in(7).date().isoformat()}/7", f"{deadline_in(1).date().isoformat()}/1"}


def test_the_reminder_waits_for_the_reminder_hour_and_the_1_day_one_follows_the_7_day_one(settings, db):
    settings.NEWSLETTER_REMINDER_HOUR = 8
    deadline = timezone.make_aware(datetime.datetime(2026, 12, 10, 15))

    def at(day, hour):
        return timezone.make_aware(datetime.datetime(2026, 12, day, hour))

    assert alert_sources.due_reminder_days(deadline, at(3, 7)) is None
    assert alert_sources.due_reminder_days(deadline, at(3, 8)) == 7
    assert alert_sources.due_reminder_days(deadline, at(8, 23)) == 7
    assert alert_sources.due_reminder_days(deadline, at(9, 8)) == 1
    assert alert_sources.due_reminder_days(deadline, at(10, 16)) is None


def test_a_moved_deadline_gets_its_own_reminder(db, use_smtp, reminders_from_midnight):
    recipient("przypomnienia@example.org", topics=[Topic.GRANT_REMINDERS])
    moved = competition(title="Przesunięty", offer_deadline=deadline_in(7))
    call_command("send_alerts")

    moved.offer_deadline = deadline_in(1)
    moved.save()
    call_command("send_alerts")
    call_command("send_alerts")

    assert subjects_to(use_smtp, "przypomnienia@example.org") == [
        "Za 7 dni mija termin składania ofert: Przesunięty",
        "Jutro mija termin składania ofert: Przesunięty",
    ]
