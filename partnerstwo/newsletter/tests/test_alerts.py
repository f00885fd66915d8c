"""Alerts pulled on a schedule: each new or changed event, and each competition announcement, change and
deadline reminder, reaches the matching recipients once, however often (or late) send_alerts runs."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from partnerstwo.events import publishing
from partnerstwo.events.models import EventKind, EventStatus
from partnerstwo.events.tests import factories
from partnerstwo.newsletter import alert_sources
from partnerstwo.newsletter.models import AlertCursor, Delivery, Mailing, Topic
from partnerstwo.newsletter.tests.alert_factories import mail_to, organization_recipient, recipient, texts_to
from partnerstwo.organizations.tests import factories as directory

NOTICES = [Topic.EVENT_NOTICES]


def published_event(title="Warsztaty pisania wniosków", *, spheres=("health",), **fields):
    fields.setdefault("starts_at", factories.in_days(6, 16))
    event = factories.event(title=title, **fields)
    event.spheres.set([directory.sphere(s) for s in spheres])
    return event


def subjects_to(smtp, address):
    return [" ".join(str(message["Subject"]).split()) for message in mail_to(smtp, address)]


def test_a_new_event_is_alerted_once_however_often_the_alerts_run(db, use_smtp, settings):
    recipient("powiadomienia@example.org", topics=NOTICES)
    event = published_event()

    for _run in range(3):
        call_command("send_alerts")

    [subject] = subjects_to(use_smtp, "powiadomienia@example.org")
    assert subject == "Nowe wydarzenie: Warsztaty pisania wniosków"
    [text] = texts_to(use_smtp, "powiadomienia@example.org")
    assert "W kalendarzu pojawiło się nowe wydarzenie" in text
    assert f"{settings.SITE_URL}{event.get_absolute_url()}" in text
    assert "Miejsce: Centrum Współpracy Organizacji Pozarządowych, ul. Warszawska 12, Białystok" in text
    assert "Organizator: Centrum Współpracy Organizacji Pozarządowych" in text
    assert Mailing.objects.filter(kind=Mailing.Kind.ALERT, source="event").count() == 1


def test_a_training_reaches_training_subscribers_as_well_as_event_notice_subscribers(db, use_smtp):
    recipient("szkolenia@example.org", topics=[Topic.TRAININGS])
    recipient("powiadomienia@example.org", topics=NOTICES)
    recipient("przeglad@example.org", topics=[Topic.EVENTS_DIGEST])
    published_event("Szkolenie: księgowość stowarzyszeń", kind=EventKind.TRAINING)
    published_event("Spotkanie sąsiedzkie", kind=EventKind.MEETING)

    call_command("send_alerts")

    assert subjects_to(use_smtp, "szkolenia@example.org") == ["Nowe szkolenie: Szkolenie: księgowość stowarzyszeń"]
    assert len(subjects_to(use_smtp, "powiadomienia@example.org")) == 2
    assert subjects_to(use_smtp, "przeglad@example.org") == []


def test_event_alerts_follow_the_recipients_spheres_and_districts(db, use_smtp):
    dojlidy = directory.district("Dojlidy")
    recipient("zdrowie@example.org", topics=NOTICES, spheres=["health"])
    recipient("pomoc@example.org", topics=NOTICES, spheres=["charity"])
    recipient("dojlidy@example.org", topics=NOTICES, districts=[dojlidy])
    recipient("centrum@example.org", topics=NOTICES, districts=[directory.district("Centrum")])
    organization_recipient(
        "Fundacja Zdrowie", email="biuro@fundacja-zdrowie.example.org", spheres=["health"], topics=NOTICES
    )
    published_event(district=dojlidy)

    call_command("send_alerts")

    for address in ["zdrowie@example.org", "dojlidy@example.org", "biuro@fundacja-zdrowie.example.org"]:
        assert len(mail_to(use_smtp, address)) == 1, address
    assert mail_to(use_smtp, "pomoc@example.org") == []
    assert mail_to(use_smtp, "centrum@example.org") == []


def test_unsubscribed_and_unconfirmed_recipients_get_no_alerts(db, use_smtp):
    recipient("wypisany@example.org", topics=NOTICES, unsubscribed_at=timezone.now())
    recipient("niepotwierdzony@example.org", topics=NOTICES, confirmed=False)
    published_event()

    call_command("send_alerts")

    assert use_smtp.messages == []


def test_events_not_yet_published_or_cancelled_before_anyone_heard_of_them_are_not_alerted(db, use_smtp):
    recipient("powiadomienia@example.org", topics=NOTICES)
    published_event("Szkic", status=EventStatus.DRAFT)
    published_event("Czeka na akceptację", status=EventStatus.PENDING)
    published_event("Odwołane od razu", status=EventStatus.CANCELLED)
    published_event("Już było", starts_at=factories.in_days(-3))

    call_command("send_alerts")

    assert use_smtp.messages == []


def test_a_changed_event_is_alerted_again_once_per_change_and_its_cancellation_too(db, use_smtp, official_x):
    recipient("powiadomienia@example.org", topics=NOTICES)
    event = published_event()
    call_command("send_alerts")

    event.venue = "Sala 204, Urząd Miejski"
    publishing.save(event, by=official_x)
    call_command("send_alerts")
    call_command("send_alerts")
    publishing.cancel(event, by=official_x, reason="Prowadząca zachorowała.")
    call_command("send_alerts")
    call_command("send_alerts")

    assert subjects_to(use_smtp, "powiadomienia@example.org") == [
        "Nowe wydarzenie: Warsztaty pisania wniosków",
        "Zmiana w wydarzeniu: Warsztaty pisania wniosków",
        "Odwołane wydarzenie: Warsztaty pisania wniosków",
    ]
    texts = texts_to(use_smtp, "powiadomienia@example.org")
    assert "Sala 204, Urząd Miejski" in texts[1]
    assert "zostało odwołane" in texts[2] and "Prowadząca zachorowała." in texts[2]


def test_a_change_committed_late_within_the_overlap_is_not_missed(db, use_smtp, settings):
    settings.NEWSLETTER_ALERT_OVERLAP_SECONDS = 600
    recipient("powiadomienia@example.org", topics=NOTICES)
    call_command("send_alerts")
    looked_until = AlertCursor.objects.get(source="event").checked_until

    # Stamped 2 minutes before the last look, but its transaction committed only after it.
    late = published_event("Zatwierdzone z opóźnieniem")
    type(late).objects.filter(pk=late.pk).update(updated_at=looked_until - datetime.timedelta(minutes=2))
    # Older than the overlap: the look before would have seen it; this look does not ask again.
    old = published_event("Stare")
    type(old).objects.filter(pk=old.pk).update(updated_at=looked_until - datetime.timedelta(minutes=30))
    call_command("send_alerts")
    call_command("send_alerts")

    assert subjects_to(use_smtp, "powiadomienia@example.org") == ["Nowe wydarzenie: Zatwierdzone z opóźnieniem"]


def test_the_first_run_does_not_mail_what_was_published_long_before(db, use_smtp):
    recipient("powiadomienia@example.org", topics=NOTICES)
    old = published_event()
    type(old).objects.filter(pk=old.pk).update(updated_at=timezone.now() - datetime.timedelta(days=2))

    call_command("send_alerts")

    assert use_smtp.messages == []
    assert AlertCursor.objects.filter(source="event").exists()


def test_an_alert_that_another_run_created_meanwhile_is_not_sent_again(db, use_smtp, monkeypatch):
    recipient("powiadomienia@example.org", topics=NOTICES)
    event = published_event()
    # As if a concurrent run created the mailing between this run's look and its insert.
    Mailing.objects.create(kind=Mailing.Kind.ALERT, source="event", source_id=event.pk, source_version="0", subject="x")
    monkeypatch.setattr(alert_sources, "already_sent", lambda source, ids: set())

    call_command("send_alerts")

    assert Mailing.objects.filter(source="event").count() == 1
    assert not Delivery.objects.exists()


def test_a_failing_source_does_not_hold_up_the_others(db, use_smtp, monkeypatch):
    recipient("powiadomienia@example.org", topics=NOTICES)
    published_event()

    def broken(self, since, now):
        raise RuntimeError("grants tables not ready")

    monkeypatch.setattr(alert_sources.CompetitionAnnouncementSource, "items", broken)
    call_command("send_alerts")

    assert len(mail_to(use_smtp, "powiadomienia@example.org")) == 1
    assert not AlertCursor.objects.filter(source="competition").exists()
    assert AlertCursor.objects.filter(source="event").exists()


@pytest.mark.parametrize("name", [source.name for source in alert_sources.SOURCES])
def test_every_source_is_an_adapter_with_its_own_cursor_name(name):
    assert alert_sources.source_named(name).name == name
    assert len({source.name for source in alert_sources.SOURCES}) == len(alert_sources.SOURCES)


def test_an_alert_filled_but_never_started_is_started_by_the_next_run(db, use_smtp):
    person = recipient("powiadomienia@example.org", topics=NOTICES)
    event = published_event()
    # The process died after the deliveries were committed and before the workers were started.
    mailing = Mailing.objects.create(
        kind=Mailing.Kind.ALERT, source="event", source_id=event.pk, source_version="0", subject="x"
    )
    Delivery.objects.create(mailing=mailing, recipient=person, email=person.email)
    Mailing.objects.filter(pk=mailing.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=10))

    call_command("send_alerts")

    assert len(mail_to(use_smtp, "powiadomienia@example.org")) == 1
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DONE


def test_an_item_nobody_wants_is_recorded_as_done_without_workers(db, use_smtp):
    recipient("pomoc@example.org", topics=NOTICES, spheres=["charity"])
    published_event()

    call_command("send_alerts")

    mailing = Mailing.objects.get(source="event")
    assert mailing.status == Mailing.Status.DONE and not mailing.deliveries.exists()
    assert use_smtp.messages == []
