"""The official's desk on /panel/: what waits in each queue, counted as the queue's own page counts it, role by role,
and the e-mails about it (at once, or a daily digest)."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from partnerstwo.accounts.desk import alert_messages
from partnerstwo.accounts.models import User
from partnerstwo.consultations.tests import factories as consultations
from partnerstwo.events import publishing
from partnerstwo.events.models import Event, EventChange, EventStatus
from partnerstwo.events.tests import factories as events
from partnerstwo.feedback import submission
from partnerstwo.feedback.models import FeedbackCategory, FeedbackMessage
from partnerstwo.grants import desk as grants_desk
from partnerstwo.grants.reports.models import Report
from partnerstwo.grants.tests import agreement_factories
from partnerstwo.grants.tests import factories as grants
from partnerstwo.organizations import claims, editing
from partnerstwo.organizations.models import OrganizationChangeRequest, Representation
from partnerstwo.organizations.tests import factories as directory
from partnerstwo.orgnews.models import Status as NewsStatus
from partnerstwo.orgnews.tests.factories import post as news_post
from partnerstwo.panel import desk

pytestmark = pytest.mark.django_db

DASHBOARD = "/panel/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def counts(user, today=None) -> dict[str, int]:
    return {section.queue.key: section.count for section in desk.desk_for(user, today)}


def feedback(**fields) -> FeedbackMessage:
    return FeedbackMessage.objects.create(
        category=FeedbackCategory.objects.first(), message="Literówka w stopce.", email="jan@example.org",
        status=FeedbackMessage.Status.NEW, confirmed_at=timezone.now(), **fields,
    )


def submitted_report(department, organization, representative, official) -> Report:
    agreement = agreement_factories.signed(official, representative,
                                           agreement_factories.granted(department, organization, representative))
    report = agreement.reports.get()
    Report.objects.filter(pk=report.pk).update(status=Report.Status.SUBMITTED, submitted_at=timezone.now(),
                                               first_submitted_at=timezone.now())
    return report


@pytest.fixture
def work(department_x, department_y, organization_a, organization_b, representative_a, representative_b,
         official_x):
    """Something in every queue: shared ones (events, the directory, feedback) and department X's and Y's own."""
    events.event(status=EventStatus.PENDING, organization=organization_a, title="Piknik sąsiedzki")
    news_post(organization_a, "Sprzątanie parku", status=NewsStatus.PENDING)
    published = events.event(organization=organization_b, title="Warsztaty")
    EventChange.objects.create(event=published, values={"title": "Warsztaty dla seniorów"})
    directory.represent(representative_a, organization_b, status=Representation.Status.PENDING)
    OrganizationChangeRequest.objects.create(organization=organization_a, requested_by=representative_a,
                                             changes={"name": ["Alfa", "Alfa Plus"]})
    feedback()
    for department, n in ((department_x, 2), (department_y, 1)):
        competition = grants.competition(department=department, slug=f"konkurs-biurka-{department.pk}")
        for _ in range(n):
            grants.offer(competition, with_file=False)
        consultations.consultation(department, starts=-20, days=14, slug=f"konsultacja-{department.pk}")
    report = submitted_report(department_x, organization_a, representative_a, official_x)
    return {"report": report}


SHARED = {"events": 1, "event_changes": 1, "orgnews": 1, "claims": 1, "organization_changes": 1, "feedback": 1}


def test_an_official_counts_the_shared_queues_and_their_own_departments(work, official_x, official_y):
    assert counts(official_x) == {**SHARED, "offers": 2, "reports": 1, "late_reports": 0, "consultations": 1}
    # Department Y's official sees the same shared queues and none of department X's work.
    assert counts(official_y) == {**SHARED, "offers": 1, "reports": 0, "late_reports": 0, "consultations": 1}


def test_an_administrator_counts_every_departments_work(work, administrator):
    assert counts(administrator) == {**SHARED, "offers": 3, "reports": 1, "late_reports": 0, "consultations": 2}


def test_the_counts_are_the_queue_pages_own(client, work, official_x, official_y):
    for official in (official_x, official_y):
        client.force_login(official)
        mine = counts(official)
        events_page = client.get(reverse("panel:events_panel:index")).context
        assert mine["events"] == len(events_page["pending"]) and mine["event_changes"] == len(events_page["changes"])
        assert mine["claims"] == len(client.get(reverse("panel:organizations_panel:claims")).context["pending"])
        assert mine["organization_changes"] == len(
            client.get(reverse("panel:organizations_panel:changes")).context["rows"])
        inbox = client.get(reverse("panel:feedback_panel:index"), {"status": "new"}).context
        assert mine["feedback"] == inbox["page_obj"].paginator.count
        reports = client.get(reverse("panel:grants_panel:reports")).context
        assert mine["reports"] == reports["counts"]["submitted"]


def test_a_report_past_its_due_day_waits_for_its_department(work, official_x, official_y):
    report = work["report"]
    Report.objects.filter(pk=report.pk).update(status=Report.Status.DRAFT)
    later = report.due_on + dt.timedelta(days=1)

    assert counts(official_x, later)["late_reports"] == 1
    assert counts(official_y, later)["late_reports"] == 0
    assert counts(official_x, report.due_on)["late_reports"] == 0


def test_the_desk_shows_each_queue_with_its_count_and_oldest_items_first(client, official_x, organization_a):
    with_times = []
    for days_ago, title in ((2, "Drugie"), (5, "Najstarsze"), (1, "Najnowsze"), (3, "Trzecie")):
        made = events.event(status=EventStatus.PENDING, organization=organization_a, title=title)
        Event.objects.filter(pk=made.pk).update(created_at=timezone.now() - dt.timedelta(days=days_ago))
        with_times.append(made)
    client.force_login(official_x)

    response = client.get(DASHBOARD)

    html = response.content.decode()
    section = next(s for s in response.context["desk"] if s.queue.key == "events")
    assert section.count == 4
    assert [item.label for item in section.oldest] == ["Najstarsze", "Trzecie", "Drugie"]
    assert "Czeka na Ciebie" in html and "Wydarzenia do akceptacji" in html
    assert f'href="{reverse("panel:events_panel:review", args=[with_times[1].pk])}"' in html
    assert "Wszystkie: Wydarzenia do akceptacji (4)" in html
    assert "Nic nie czeka." in html  # the queues with nothing in them say so


def test_the_desk_takes_the_same_queries_however_much_waits(client, official_x, organization_a,
                                                            django_assert_num_queries):
    client.force_login(official_x)
    events.event(status=EventStatus.PENDING, organization=organization_a)
    client.get(DASHBOARD)  # the first request of a session fills caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(DASHBOARD).status_code == 200
    for _ in range(6):
        events.event(status=EventStatus.PENDING, organization=organization_a)
        feedback()
        directory.represent(User.objects.create_user(email=f"r{_}@example.org"), organization_a,
                            status=Representation.Status.PENDING)

    with django_assert_num_queries(len(few)):
        assert client.get(DASHBOARD).status_code == 200


@pytest.mark.parametrize("role", ["resident", "representative_a"])
def test_residents_and_representatives_have_no_desk(client, request, work, role):
    user = request.getfixturevalue(role)
    client.force_login(user)

    assert client.get(DASHBOARD).status_code == 403
    assert desk.desk_for(user) == []


def test_a_team_member_has_the_panel_but_no_desk(client, work, team_member):
    client.force_login(team_member)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    assert "Czeka na Ciebie" not in response.content.decode()
    assert desk.desk_for(team_member) == []


def test_a_former_official_loses_the_desk_and_its_e_mails_at_once(client, work, official_x,
                                                                   django_capture_on_commit_callbacks):
    client.force_login(official_x)
    official_x.desk_alerts = User.DeskAlerts.AT_ONCE
    official_x.role, official_x.department = User.Role.RESIDENT, None
    official_x.save()

    assert client.get(DASHBOARD).status_code == 403
    assert desk.desk_for(official_x) == []
    assert alert_messages(grants_desk.REPORTS, work["report"].pk) == []


# E-mail at once


@pytest.fixture
def choices(official_x, official_y, administrator):
    """X wants every new item at once, Y a daily digest, the administrator nothing."""
    User.objects.filter(pk=official_x.pk).update(desk_alerts=User.DeskAlerts.AT_ONCE)
    User.objects.filter(pk=official_y.pk).update(desk_alerts=User.DeskAlerts.DAILY)
    User.objects.filter(pk=administrator.pk).update(desk_alerts=User.DeskAlerts.NEVER)


def test_a_submitted_event_is_e_mailed_at_once_to_those_who_chose_it(choices, official_x, representative_a,
                                                                     organization_a,
                                                                     django_capture_on_commit_callbacks):
    submitted = Event(title="Festyn rodzinny", organization=organization_a, **_event_fields())
    with django_capture_on_commit_callbacks(execute=True):
        publishing.save(submitted, by=representative_a)

    alerts = [message for message in mail.outbox if message.to == [official_x.email]]
    assert len(alerts) == 1
    assert alerts[0].subject == "Czeka w panelu: Wydarzenia do akceptacji"
    assert "Festyn rodzinny" in alerts[0].body
    assert reverse("panel:events_panel:review", args=[submitted.pk]) in alerts[0].body
    assert len(mail.outbox) == 1  # nobody else: Y chose the digest, the administrator nothing


def test_a_claim_is_e_mailed_at_once(choices, official_x, resident, organization_a,
                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        claims.claim(user=resident, organization=organization_a)

    alerts = [message for message in mail.outbox if message.to == [official_x.email]]
    assert [message.subject for message in alerts] == ["Czeka w panelu: Zgłoszenia organizacji do zatwierdzenia"]


def test_a_change_to_a_published_event_is_e_mailed_once_however_often_it_is_edited(
        choices, official_x, representative_a, organization_a, django_capture_on_commit_callbacks):
    published = events.event(organization=organization_a, title="Warsztaty")
    for title in ("Warsztaty dla seniorów", "Warsztaty dla seniorek i seniorów"):
        edited = Event.objects.get(pk=published.pk)
        edited.title = title
        with django_capture_on_commit_callbacks(execute=True):
            publishing.propose_change(edited, by=representative_a)

    # The second edit replaces the waiting change: nothing new entered the queue.
    assert [message.subject for message in mail.outbox] == ["Czeka w panelu: Zmiany wydarzeń do akceptacji"]


def test_a_change_of_an_organisations_name_and_confirmed_feedback_are_e_mailed_at_once(
        choices, official_x, representative_a, organization_a, django_capture_on_commit_callbacks):
    unconfirmed = feedback()
    FeedbackMessage.objects.filter(pk=unconfirmed.pk).update(status=FeedbackMessage.Status.UNCONFIRMED,
                                                             confirmed_at=None)
    unconfirmed.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        editing.request_change(organization_a, {"name": "Fundacja Alfa Nowa"}, user=representative_a)
        submission.confirm(unconfirmed)

    alerts = sorted(message.subject for message in mail.outbox if message.to == [official_x.email])
    assert alerts == ["Czeka w panelu: Uwagi do stron bez odpowiedzi",
                      "Czeka w panelu: Zmiany danych organizacji do zatwierdzenia"]


def test_an_alert_goes_only_to_the_department_whose_queue_it_is(work, official_x, official_y, department_x):
    User.objects.filter(pk__in=[official_x.pk, official_y.pk]).update(desk_alerts=User.DeskAlerts.AT_ONCE)
    colleague = User.objects.create_user(email="kolega@um.example.org", role=User.Role.OFFICIAL,
                                         department=department_x, desk_alerts=User.DeskAlerts.AT_ONCE,
                                         preferred_language="en")

    messages = alert_messages(grants_desk.REPORTS, work["report"].pk)

    assert sorted(message.to[0] for message in messages) == sorted([official_x.email, colleague.email])
    english = next(message for message in messages if message.to == [colleague.email])
    assert english.subject == "Waiting in the panel: Reports to assess"


def test_an_item_already_decided_is_not_e_mailed(work, official_x):
    User.objects.filter(pk=official_x.pk).update(desk_alerts=User.DeskAlerts.AT_ONCE)
    Report.objects.filter(pk=work["report"].pk).update(status=Report.Status.ACCEPTED)

    assert alert_messages(grants_desk.REPORTS, work["report"].pk) == []


# The daily digest


def digests():
    return [message for message in mail.outbox if message.subject.startswith("Sprawy czekające w panelu")]


def test_the_daily_digest_goes_once_a_day_to_those_who_chose_it(work, choices, official_y, fixed_clock,
                                                                 django_capture_on_commit_callbacks):
    fixed_clock.move_to(timezone.make_aware(dt.datetime(2026, 12, 2, 6, 59)))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_desk_digests")
    assert digests() == []  # before DESK_DIGEST_HOUR

    fixed_clock.move_to(timezone.make_aware(dt.datetime(2026, 12, 2, 7, 0)))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_desk_digests")
        call_command("send_desk_digests")

    [digest] = digests()
    assert digest.to == [official_y.email]
    total = sum(counts(official_y).values())
    assert digest.subject == f"Sprawy czekające w panelu: {total}"
    assert "Oferty do oceny formalnej: 1" in digest.body and "Piknik sąsiedzki" in digest.body
    assert "Sprawozdania do oceny" not in digest.body  # department X's, and nothing in Y's

    fixed_clock.move_to(timezone.make_aware(dt.datetime(2026, 12, 3, 8, 0)))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_desk_digests")
    assert len(digests()) == 2


@pytest.fixture
def after_the_digest_hour(fixed_clock, settings):
    """The test day (whatever PARTNERSTWO_TEST_NOW says) an hour after digests start: before it, nothing is sent."""
    today = timezone.localdate()
    fixed_clock.move_to(timezone.make_aware(dt.datetime.combine(today, dt.time(settings.DESK_DIGEST_HOUR + 1))))


def test_no_digest_when_nothing_waits(choices, official_y, after_the_digest_hour, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_desk_digests")

    assert digests() == []
    official_y.refresh_from_db()
    assert official_y.desk_digest_sent_on == timezone.localdate()  # looked at today: not again until tomorrow


def test_a_former_official_gets_no_digest(work, choices, official_y, after_the_digest_hour,
                                           django_capture_on_commit_callbacks):
    User.objects.filter(pk=official_y.pk).update(is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_desk_digests")

    assert digests() == []


# The choice on the account page


def test_an_official_chooses_the_e_mails_on_their_account_page(client, official_x):
    client.force_login(official_x)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Powiadomienia e-mail o sprawach czekających w panelu" in page

    response = client.post(reverse("accounts:profile"), {
        "full_name": official_x.full_name, "preferred_language": "pl", "desk_alerts": "daily"})

    assert response.status_code == 302
    official_x.refresh_from_db()
    assert official_x.desk_alerts == User.DeskAlerts.DAILY


def test_a_bad_choice_is_refused_next_to_the_field(client, official_x):
    client.force_login(official_x)

    response = client.post(reverse("accounts:profile"), {
        "full_name": "Ktoś Inny", "preferred_language": "pl", "desk_alerts": "hourly"})

    assert response.status_code == 200
    assert response.context["form"].errors["desk_alerts"]
    official_x.refresh_from_db()
    assert official_x.desk_alerts == User.DeskAlerts.NEVER and official_x.full_name != "Ktoś Inny"


def test_a_resident_is_not_offered_the_choice(client, resident):
    client.force_login(resident)
    assert "desk_alerts" not in client.get(reverse("accounts:profile")).content.decode()

    client.post(reverse("accounts:profile"), {"full_name": "Jan", "preferred_language": "pl", "desk_alerts": "daily"})

    resident.refresh_from_db()
    assert resident.desk_alerts == User.DeskAlerts.NEVER


def _event_fields():
    starts = events.in_days(5)
    return {
        "kind": "meeting", "starts_at": starts, "ends_at": starts + dt.timedelta(hours=2),
        "venue": "Centrum", "street": "ul. Warszawska 12", "town": "Białystok",
    }
