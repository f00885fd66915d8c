"""The weekly events digest: due once a week, matched to each recipient, sent once."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.formats import date_format

from partnerstwo.events.models import EventKind, EventStatus
from partnerstwo.events.tests import factories
from partnerstwo.newsletter import digest, digest_rendering
from partnerstwo.newsletter.models import Delivery, Mailing, Recipient, Topic
from partnerstwo.newsletter.tests.alert_factories import organization_recipient, recipient, texts_to
from partnerstwo.organizations.tests import factories as directory

DIGEST = [Topic.EVENTS_DIGEST]


@pytest.fixture
def digest_due_now(settings):
    """The digest's weekday and hour are today from midnight, so a run now is due."""
    settings.NEWSLETTER_DIGEST_WEEKDAY = timezone.localdate().weekday()
    settings.NEWSLETTER_DIGEST_HOUR = 0


@pytest.fixture
def calendar(db):
    """Two matching-worthy events in the next days and three that no digest may list."""
    dojlidy = directory.district("Dojlidy")
    centrum = directory.district("Centrum")
    ecology = factories.event(title="Sprzątanie Lasu Zwierzynieckiego", starts_at=factories.in_days(3, 10),
                              district=dojlidy, kind=EventKind.VOLUNTEERING)
    ecology.spheres.set([directory.sphere("ecology-animals")])
    health = factories.event(title="Szkolenie z pierwszej pomocy", starts_at=factories.in_days(5, 17),
                             district=centrum, kind=EventKind.TRAINING)
    health.spheres.set([directory.sphere("health")])
    too_late = factories.event(title="Wigilia organizacji", starts_at=factories.in_days(20))
    too_late.spheres.set([directory.sphere("ecology-animals")])
    cancelled = factories.event(title="Odwołany piknik", starts_at=factories.in_days(4))
    cancelled.spheres.set([directory.sphere("ecology-animals")])
    cancelled.status = EventStatus.CANCELLED
    cancelled.save()
    cancelled.occurrences.update(is_cancelled=True)
    draft = factories.event(title="Szkic spotkania", starts_at=factories.in_days(2), status=EventStatus.DRAFT)
    draft.spheres.set([directory.sphere("ecology-animals")])
    return {"dojlidy": dojlidy, "centrum": centrum}


def test_each_recipient_gets_the_events_of_their_spheres_and_districts_and_nothing_else(
    calendar, digest_due_now, use_smtp
):
    everything = recipient("wszystko@example.org", topics=DIGEST)
    ecologist = recipient("ekolog@example.org", topics=DIGEST, spheres=["ecology-animals"])
    downtown = recipient("centrum@example.org", topics=DIGEST, districts=[calendar["centrum"]])
    health_org = organization_recipient("Fundacja Zdrowie", spheres=["health"], topics=DIGEST)

    call_command("send_weekly_digest")

    [text] = texts_to(use_smtp, "wszystko@example.org")
    assert "Sprzątanie Lasu Zwierzynieckiego" in text and "Szkolenie z pierwszej pomocy" in text
    assert "Wigilia" not in text and "Odwołany piknik" not in text and "Szkic" not in text
    [text] = texts_to(use_smtp, "ekolog@example.org")
    assert "Sprzątanie Lasu Zwierzynieckiego" in text and "pierwszej pomocy" not in text
    [text] = texts_to(use_smtp, "centrum@example.org")
    assert "Szkolenie z pierwszej pomocy" in text and "Sprzątanie" not in text
    # An organisation that narrowed nothing is matched by its directory entry's spheres.
    [text] = texts_to(use_smtp, health_org.email)
    assert "Szkolenie z pierwszej pomocy" in text and "Sprzątanie" not in text
    assert {everything.pk, ecologist.pk, downtown.pk} <= set(Delivery.objects.values_list("recipient_id", flat=True))


def test_the_digest_gives_day_time_place_organiser_and_an_absolute_link_in_polish(
    calendar, digest_due_now, use_smtp, settings
):
    recipient("ekolog@example.org", topics=DIGEST, spheres=["ecology-animals"])

    call_command("send_weekly_digest")

    [message] = [m for m in use_smtp.messages if "ekolog@example.org" in m["To"]]
    text = texts_to(use_smtp, "ekolog@example.org")[0]
    day = timezone.localdate() + datetime.timedelta(days=3)
    assert date_format(day, "l, j E") in text
    assert "10:00–12:00" in text
    assert "Miejsce: Centrum Współpracy Organizacji Pozarządowych, ul. Warszawska 12, Białystok (osiedle Dojlidy)" in (
        text
    )
    assert "Organizator: Centrum Współpracy Organizacji Pozarządowych" in text
    assert f"{settings.SITE_URL}/wydarzenia/" in text
    html = message.get_body(preferencelist=("html",)).get_content()
    assert 'href="http' in html and "Sprzątanie Lasu Zwierzynieckiego" in html
    assert "Wydarzenia dla organizacji pozarządowych" in message["Subject"]


def test_a_recipient_with_nothing_matching_gets_no_digest(calendar, digest_due_now, use_smtp):
    recipient("pomoc@example.org", topics=DIGEST, spheres=["charity"])
    recipient("wszystko@example.org", topics=DIGEST)

    call_command("send_weekly_digest")

    assert texts_to(use_smtp, "pomoc@example.org") == []
    assert not Delivery.objects.filter(email="pomoc@example.org").exists()
    assert len(texts_to(use_smtp, "wszystko@example.org")) == 1


def test_running_the_digest_twice_in_a_week_sends_it_once(calendar, digest_due_now, use_smtp):
    recipient("wszystko@example.org", topics=DIGEST)

    call_command("send_weekly_digest")
    call_command("send_weekly_digest")
    digest.send_due(timezone.now() + datetime.timedelta(hours=3))

    assert Mailing.objects.filter(kind=Mailing.Kind.DIGEST).count() == 1
    assert len(texts_to(use_smtp, "wszystko@example.org")) == 1


def test_only_subscribers_of_the_digest_who_are_still_subscribed_receive_it(calendar, digest_due_now, use_smtp):
    recipient("powiadomienia@example.org", topics=[Topic.EVENT_NOTICES])
    recipient("niepotwierdzony@example.org", topics=DIGEST, confirmed=False)
    recipient("wypisany@example.org", topics=DIGEST, unsubscribed_at=timezone.now())

    call_command("send_weekly_digest")

    assert use_smtp.messages == []


def test_nothing_is_sent_before_the_digest_hour_nor_more_than_a_day_late(settings, db):
    settings.NEWSLETTER_DIGEST_WEEKDAY = 0
    settings.NEWSLETTER_DIGEST_HOUR = 7
    monday = datetime.date(2026, 11, 30)

    def at(day, hour):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))

    assert digest.due_period_start(at(monday, 6)) is None  # Sunday's week digest is 6 days old by now
    assert digest.due_period_start(at(monday, 7)) == monday
    assert digest.due_period_start(at(monday + datetime.timedelta(days=1), 6)) == monday
    assert digest.due_period_start(at(monday + datetime.timedelta(days=1), 8)) is None


def test_rendering_a_digest_costs_the_same_few_queries_however_many_events(
    calendar, digest_due_now, django_assert_max_num_queries
):
    for n in range(15):
        extra = factories.event(title=f"Spotkanie {n}", starts_at=factories.in_days(1 + n % 10, 9))
        extra.spheres.set([directory.sphere("ecology-animals")])
    person = recipient("wszystko@example.org", topics=DIGEST, spheres=["ecology-animals"])
    mailing = Mailing.objects.create(kind=Mailing.Kind.DIGEST, period_start=timezone.localdate(), subject="x")
    row = Delivery.objects.create(mailing=mailing, recipient=person, email=person.email)
    row = Delivery.objects.select_related("recipient").get(pk=row.pk)

    with django_assert_max_num_queries(6):
        _subject, text, _html = digest_rendering.render_digest(mailing, row)
    assert text.count("Spotkanie ") == 15


@pytest.mark.parametrize(
    ("chosen", "org_spheres", "districts", "item_spheres", "item_districts", "expected"),
    [
        ((), (), (), ("health",), ("Dojlidy",), True),
        (("health",), (), (), ("health", "charity"), (), True),
        (("health",), (), (), ("charity",), (), False),
        ((), ("health",), (), ("charity",), (), False),
        ((), ("health",), (), ("health",), (), True),
        (("charity",), ("health",), (), ("charity",), (), True),
        ((), (), ("Dojlidy",), (), ("Centrum",), False),
        ((), (), ("Dojlidy",), (), (), True),
        (("health",), (), ("Dojlidy",), ("health",), ("Dojlidy",), True),
    ],
)
def test_the_digest_matches_recipients_by_the_same_rule_as_the_alerts(
    db, chosen, org_spheres, districts, item_spheres, item_districts, expected
):
    org = directory.organization("Org", spheres=org_spheres) if org_spheres else None
    person = recipient(spheres=chosen, districts=districts, organization=org)
    sphere_ids = [directory.sphere(s).pk for s in item_spheres]
    district_ids = [directory.district(d).pk for d in item_districts]

    in_sql = Recipient.objects.filter(pk=person.pk).matching(sphere_ids=sphere_ids, district_ids=district_ids).exists()
    interests = digest_rendering.interests_of(person)
    in_memory = digest_rendering.interested_in(interests, sphere_ids=sphere_ids, district_ids=district_ids)
    assert in_sql == in_memory == expected


def test_an_english_subscribers_digest_is_english_throughout(calendar, digest_due_now, use_smtp):
    recipient("john@example.org", topics=DIGEST, spheres=["ecology-animals"], language="en")

    call_command("send_weekly_digest")

    [message] = [m for m in use_smtp.messages if "john@example.org" in m["To"]]
    html = message.get_body(preferencelist=("html",)).get_content()
    text = texts_to(use_smtp, "john@example.org")[0]
    assert "Events for non-governmental organisations" in message["Subject"]
    for part in (text, html):
        # The frame, the event's facts and the footer are English; only what the organiser wrote stays Polish.
        assert "Organiser: NGO Cooperation Centre" in part and "Unsubscribe" in part and "Change topics" in part
        assert "/en/wydarzenia/" in part
        for polish in ("Miejsce:", "Organizator:", "Wypisz", "Zmień tematy", "Wiadomość wysyła", "Otrzymujesz",
                       "wolontariat", "osiedle", "Urząd Miejski", "Cały kalendarz", "Pełny kalendarz"):
            assert polish not in part, polish
