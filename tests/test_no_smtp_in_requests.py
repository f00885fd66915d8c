"""No web request opens an SMTP connection: every e-mail is a task queued on commit, sent by the worker.

Each flow runs through the test client with the durable database queue of production and a real SMTP
server on 127.0.0.1 that any request would fail to reach (connecting raises). Then the worker runs
the queued tasks and the server receives each message, addressed to the right people in their language.
The one request that does talk to the mail server, on purpose, is the mailing panel's test message to
oneself (docs/decisions/0012-one-way-to-send-email.md).
"""

import smtplib
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal
from functools import partial
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from partnerstwo.accounts import data_rights
from partnerstwo.accounts.models import User
from partnerstwo.accounts.tasks import send_account_email
from partnerstwo.events import publishing
from partnerstwo.events.models import Event, Registration, RegistrationMode
from partnerstwo.events.tests import factories as f
from partnerstwo.feedback.models import FeedbackCategory
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.tests import factories as grants
from partnerstwo.lib.testing import DATABASE_TASKS, first_link, message_text, run_queued_tasks, solved_captcha
from partnerstwo.organizations import editing
from partnerstwo.organizations.models import OrganizationChangeRequest, Representation
from partnerstwo.organizations.tests import factories as organizations
from partnerstwo.partners.tests.factories import post
from partnerstwo.practices.tests.factories import practice
from partnerstwo.small_grants.tests import factories as small_grants

pytestmark = pytest.mark.django_db


class Mailroom:
    def __init__(self, smtp_server, capture):
        self.smtp_server = smtp_server
        self.capture = capture
        self.received = 0
        self.attempts = []

    @contextmanager
    def request(self):
        """What runs inside may not connect to a mail server; what it queues on commit is queued."""

        def refuse(smtp, *args, **kwargs):
            self.attempts.append(args)
            raise AssertionError("a web request opened an SMTP connection")

        with mock.patch.object(smtplib.SMTP, "connect", refuse), self.capture(execute=True):
            yield
        assert self.attempts == []
        assert len(self.smtp_server.messages) == self.received

    def queued(self) -> list[str]:
        """The names of the tasks waiting in the queue."""
        paths = DBTaskResult.objects.filter(status=TaskResultStatus.READY).values_list("task_path", flat=True)
        return sorted(path.rsplit(".", 1)[1] for path in paths)

    def deliver(self) -> list:
        """Run the worker; the messages the mail server received from it, each once."""
        run_queued_tasks()
        assert not DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).exists()
        before, self.received = self.received, len(self.smtp_server.messages)
        return self.smtp_server.messages[before:]


@pytest.fixture
def mailroom(settings, use_smtp, django_capture_on_commit_callbacks):
    settings.TASKS = DATABASE_TASKS
    settings.ALTCHA_COST = 20  # the real cost takes the browser a fraction of a second
    return Mailroom(use_smtp, django_capture_on_commit_callbacks)


@pytest.fixture
def solve(client):
    return partial(solved_captcha, client)


def to(message) -> str:
    return message["X-Envelope-To"]


def local(link: str) -> str:
    return link.removeprefix(settings.SITE_URL)


# The feedback form -------------------------------------------------------------------------


def test_feedback_confirmation_and_staff_alert(client, mailroom, solve, administrator):
    category = FeedbackCategory.objects.get(name="Błąd na stronie")
    with mailroom.request():
        response = client.post("/en" + reverse("feedback:create"), {
            "category": category.pk, "message": "Brakuje daty aktualizacji.", "email": "jan@example.org",
            "page": "/misja-i-cele/", "altcha": solve(),
        })
    assert response.status_code == 302
    assert mailroom.queued() == ["send_confirmation_request"]
    [request] = mailroom.deliver()
    assert to(request) == "jan@example.org"
    assert "Confirm your feedback" in request["Subject"]  # the language of the form

    with mailroom.request():
        client.post(local(first_link(message_text(request), "/uwagi/potwierdz/")))
    assert mailroom.queued() == ["notify_staff"]
    [alert] = mailroom.deliver()
    assert to(alert) == administrator.email


# Events ------------------------------------------------------------------------------------


@pytest.fixture
def training():
    return f.occurrence(f.event(title="Szkolenie", registration_mode=RegistrationMode.HERE, capacity=1))


def registration_form(solve, **data):
    return {"name": "Jan Kowalski", "email": "jan@example.org", "organization": "", "needs": "", "consent": "on",
            "altcha": solve(), **data}


def test_event_registration_its_confirmation_a_repeat_cancelling_and_moving_up(
    client, mailroom, solve, training, resident
):
    register = reverse("registrations:register", args=[training.pk])
    with mailroom.request():
        client.post(register, registration_form(solve))
    assert mailroom.queued() == ["send_registration_email"]
    [request] = mailroom.deliver()
    assert to(request) == "jan@example.org" and "Potwierdź zapis" in request["Subject"]

    with mailroom.request():
        client.post(local(first_link(message_text(request), "/zapisy/potwierdz/")))
    [confirmed] = mailroom.deliver()
    assert to(confirmed) == "jan@example.org" and "Potwierdzenie zapisu" in confirmed["Subject"]

    with mailroom.request():
        client.post(register, registration_form(solve))  # the same address again
    assert mailroom.queued() == ["send_already_registered_email"]
    assert [to(message) for message in mailroom.deliver()] == ["jan@example.org"]

    # A signed-in resident who reads English takes the waiting list and hears of it in English.
    resident.preferred_language = "en"
    resident.save()
    client.force_login(resident)
    with mailroom.request():
        client.post(register, registration_form(solve))
    [waiting] = mailroom.deliver()
    assert to(waiting) == resident.email and waiting["Subject"] == "Waiting list: Szkolenie"
    client.logout()

    with mailroom.request():
        client.post(local(first_link(message_text(confirmed), "/zapisy/rezygnacja/")))
    assert mailroom.queued() == ["send_moved_up_email"]
    [moved_up] = mailroom.deliver()
    assert to(moved_up) == resident.email and moved_up["Subject"] == "You have a place at the event: Szkolenie"


@pytest.fixture
def picnic(organization_a, representative_a, official_x):
    event = f.event(organization=organization_a, title="Piknik", department=official_x.department,
                    submitted_by=representative_a)
    f.registration(f.occurrence(event), email="jan@example.org")
    return event


def test_event_change_notices_to_the_registered_and_the_decision_to_the_proposer(
    client, mailroom, picnic, representative_a, official_x, resident
):
    resident.preferred_language = "en"
    resident.save()
    f.registration(f.occurrence(picnic), email=resident.email, user=resident)
    edited = Event.objects.get(pk=picnic.pk)
    edited.venue = "Hala"
    change = publishing.propose_change(edited, by=representative_a)
    client.force_login(official_x)

    with mailroom.request():
        client.post(reverse("panel:events_panel:review_change", args=[change.pk]), {"decision": "approve"})

    assert mailroom.queued() == ["notify_registered", "notify_submitter"]
    messages = {to(message): message["Subject"] for message in mailroom.deliver()}
    assert messages == {
        "jan@example.org": "Zmiana w wydarzeniu: Piknik",
        resident.email: "Change to event: Piknik",
        representative_a.email: "Zmiany zatwierdzone: Piknik",
    }


def test_event_cancellation_to_the_registered_and_the_department(client, mailroom, picnic, representative_a,
                                                               official_x):
    client.force_login(representative_a)

    with mailroom.request():
        client.post(reverse("my_events:cancel", args=[picnic.pk]), {"reason": "Ulewa."})

    assert mailroom.queued() == ["notify_department_of_cancellation", "notify_registered"]
    messages = {to(message): message for message in mailroom.deliver()}
    assert set(messages) == {"jan@example.org", official_x.email}
    assert "Ulewa." in message_text(messages[official_x.email])


# Organisations ----------------------------------------------------------------------------


def test_organisation_claim_its_confirmation_and_approval(client, mailroom, resident, official_x):
    org = organizations.organization("Fundacja Alfa", email="biuro@alfa.example.org")
    resident.preferred_language = "en"
    resident.save()
    client.force_login(resident)

    with mailroom.request():
        client.post(reverse("my_organizations:claim", args=[org.slug]),
                    {"role_in_organization": "prezes", "statement": "on"})
    assert mailroom.queued() == ["send_confirmation_email"]
    [confirmation] = mailroom.deliver()
    assert to(confirmation) == "biuro@alfa.example.org"

    representation = Representation.objects.get()
    client.force_login(official_x)
    with mailroom.request():
        client.post(reverse("panel:organizations_panel:claim_decide", args=[representation.pk]),
                    {"decision": "approve", "verified_otherwise": "on"})
    [approval] = mailroom.deliver()
    assert to(approval) == resident.email
    assert approval["Subject"] == "Application approved: Fundacja Alfa"


def test_organisation_claim_rejection(client, mailroom, resident, official_x):
    representation = organizations.represent(
        resident, organizations.organization("Fundacja Alfa"), status=Representation.Status.PENDING
    )
    client.force_login(official_x)

    with mailroom.request():
        client.post(reverse("panel:organizations_panel:claim_decide", args=[representation.pk]),
                    {"decision": "reject", "reason": "Nie działa Pani w tej fundacji."})
    [rejection] = mailroom.deliver()
    assert to(rejection) == resident.email and "Nie działa Pani w tej fundacji." in message_text(rejection)


def test_organisation_edit_decision(client, mailroom, organization_a, representative_a, official_x):
    editing.request_change(organization_a, {"name": "Fundacja Alfa Nowa"}, user=representative_a)
    change = OrganizationChangeRequest.objects.get()
    client.force_login(official_x)

    with mailroom.request():
        client.post(reverse("panel:organizations_panel:change_decide", args=[change.pk]), {"decision": "approve"})

    assert mailroom.queued() == ["send_decision_email"]
    assert [to(message) for message in mailroom.deliver()] == [representative_a.email]


# Grants -----------------------------------------------------------------------------------


def test_committee_nomination(client, mailroom, team_member, resident, department_x, settings, tmp_path):
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = tmp_path, tmp_path / "private"
    competition = grants.competition(department=department_x, status=Competition.Status.CLOSED)
    resident.preferred_language = "en"
    resident.save()
    client.force_login(team_member)

    with mailroom.request():
        client.post(reverse("panel:grants_panel:committee_nominate", args=[competition.slug]),
                    {"candidate": resident.email, "justification": "Zna środowisko."})

    assert mailroom.queued() == ["send_nomination_notice"]
    [notice] = mailroom.deliver()
    assert to(notice) == resident.email and "competition committee" in notice["Subject"]


def test_online_offer_submission(client, mailroom, representative_a, organization_a, department_x, settings,
                                 tmp_path):
    from partnerstwo.grants.tests import online_offer_factories as online

    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = tmp_path, tmp_path / "private"
    offer = online.complete(online.call(department_x), organization_a, representative_a)
    client.force_login(representative_a)

    with mailroom.request():
        client.post(reverse("my_grants:submit", args=[offer.pk]), {"version": offer.version})

    assert mailroom.queued() == ["send_submitted"]
    [message] = mailroom.deliver()
    assert to(message) == representative_a.email and "application/pdf" in message.as_string()


def test_report_decision_and_partial_report_demand(client, mailroom, representative_a, organization_a, official_x,
                                                   settings, tmp_path):
    from partnerstwo.grants.reports import reporting
    from partnerstwo.grants.tests import agreement_factories

    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = tmp_path, tmp_path / "private"
    received = agreement_factories.granted(official_x.department, organization_a, representative_a)
    agreement = agreement_factories.signed(official_x, representative_a, received)
    report = agreement.reports.get()
    Report = type(report)
    Report.objects.filter(pk=report.pk).update(status="submitted", first_submitted_at=timezone.now())
    client.force_login(official_x)

    with mailroom.request():
        client.post(reverse("panel:grants_panel:report", args=[report.pk]),
                    {"decision": "reject", "reason": "Brakuje list obecności."})
    assert mailroom.queued() == ["send_to_organization"]
    assert representative_a.email in to(mailroom.deliver()[0])

    with mailroom.request():
        client.post(reverse("panel:grants_panel:report_demand", args=[agreement.pk]), {
            "period_end": agreement.task_start.isoformat(),
            "due_on": (timezone.localdate() + timedelta(days=reporting.REPORT_DAYS)).isoformat()})
    assert mailroom.queued() == ["send_to_organization"]
    assert len(mailroom.deliver()) == 1


def test_agreement_drafted_for_the_organisation(client, mailroom, representative_a, organization_a, official_x,
                                                 settings, tmp_path):
    from partnerstwo.grants.tests import agreement_factories

    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = tmp_path, tmp_path / "private"
    received = agreement_factories.granted(official_x.department, organization_a, representative_a,
                                           awarded=Decimal("8000"))
    client.force_login(official_x)

    with mailroom.request():
        client.post(reverse("panel:grants_panel:agreement_draft", args=[received.pk]),
                    {"number": "1", "place": "Białystok", "city_representatives": "Anna Nowak"})
    assert mailroom.queued() == ["send_to_organization"]
    [message] = mailroom.deliver()
    assert representative_a.email in to(message) and "Projekt umowy do uzupełnienia" in message["Subject"]


def test_report_reminders_from_the_scheduled_job(mailroom, representative_a, organization_a, official_x, settings,
                                                 tmp_path):
    from partnerstwo.grants.tests import agreement_factories

    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = tmp_path, tmp_path / "private"
    received = agreement_factories.granted(official_x.department, organization_a, representative_a)
    report = agreement_factories.signed(official_x, representative_a, received).reports.get()
    type(report).objects.filter(pk=report.pk).update(due_on=timezone.localdate() - timedelta(days=1))

    with mailroom.request():
        call_command("remind_grant_reports")

    assert mailroom.queued() == ["send_overdue"]
    assert [to(message) for message in mailroom.deliver()] == [official_x.email]


def test_schedule_consultation_notices(client, mailroom, administrator, team_member):
    grants.schedule_year(2027, status="draft")
    team_member.preferred_language = "en"
    team_member.save()
    client.force_login(administrator)

    with mailroom.request():
        client.post(reverse("panel:grants_panel:schedule_status", args=[2027]), {
            "action": "consultation", "notify": "on",
            "comments_until": (timezone.localdate() + timedelta(days=14)).isoformat(),
        })

    assert mailroom.queued() == ["send_consultation_notices"]
    [notice] = mailroom.deliver()
    assert to(notice) == team_member.email
    assert notice["Subject"] == "The draft competition schedule for 2027 is awaiting the Team's comments"


# The advisory body ----------------------------------------------------------------------


def test_meeting_invitations_and_their_update(client, mailroom, administrator, team_member):
    from partnerstwo.team.models import Guest
    from partnerstwo.team.tests import factories as team

    team_member.preferred_language = "en"
    team_member.save()
    meeting = team.meeting(10, items=["Program współpracy"])
    Guest.objects.create(meeting=meeting, name="Gość", email="gosc@example.org")
    client.force_login(administrator)
    send = reverse("panel:team_panel:invitations_send", args=[meeting.pk])

    with mailroom.request():
        client.post(send)
    assert mailroom.queued() == ["send_invitations"]
    invitations = {to(message): message for message in mailroom.deliver()}
    assert set(invitations) == {team_member.email, "gosc@example.org"}
    assert str(invitations[team_member.email]["Subject"]).strip().startswith("Invitation: ")  # their language

    with mailroom.request():
        client.post(reverse("panel:team_panel:item_create", args=[meeting.pk]), {"title": "Wolne wnioski"})
        client.post(send)
    assert {str(message["Subject"]).strip().split(":")[0] for message in mailroom.deliver()} == {"Changed", "Zmiana"}


def test_opinion_deadline_reminder_from_the_scheduled_job(mailroom, team_member):
    from partnerstwo.team.models import Body, Position
    from partnerstwo.team.positions import voting

    voting.save_draft(position=Position(
        body=Body.objects.the_body(), kind="opinion", title="Opinia o programie", text="T", concerns="programme",
        delivered_on=timezone.localdate() - timedelta(days=12),
    ))

    with mailroom.request():
        call_command("remind_team_opinion_deadlines")

    assert mailroom.queued() == ["send_deadline_reminder"]
    assert [to(message) for message in mailroom.deliver()] == [team_member.email]


def test_an_adopted_position_to_the_departments_addressed_at_the_close_and_at_a_meeting(
    client, mailroom, administrator, team_member, department_x, department_y,
):
    from partnerstwo.team.models import Body, Membership, Position
    from partnerstwo.team.positions import voting
    from partnerstwo.team.tests import factories as team

    department_x.email = "dss@um.example.org"
    department_x.save()
    body = Body.objects.the_body()
    seat = Membership.objects.get(user=team_member)
    electronic = voting.save_draft(position=Position(body=body, title="Stanowisko A", text="Treść A"),
                                   addressed_to=[department_x, department_y])  # department_y has no address
    voting.open_electronic_vote(position=electronic, until=timezone.now() + timedelta(hours=1))
    voting.cast(position=electronic, seat=seat, choice="for")
    client.force_login(administrator)

    with mailroom.request():
        client.post(reverse("panel:team_panel:position_close", args=[electronic.pk]))
    assert mailroom.queued() == ["send_to_departments"]
    [message] = mailroom.deliver()
    assert to(message) == "dss@um.example.org" and "1/" in str(message["Subject"])

    meeting = team.meeting(-1)
    team.attend(meeting, [seat])
    at_meeting = voting.save_draft(position=Position(body=body, title="Stanowisko B", text="Treść B"),
                                   addressed_to=[department_x])
    with mailroom.request():
        client.post(reverse("panel:team_panel:meeting_vote", args=[at_meeting.pk, meeting.pk]),
                    {f"member_{seat.pk}": "for"})
    assert [to(message) for message in mailroom.deliver()] == ["dss@um.example.org"]


# Small grants ---------------------------------------------------------------------------


def test_programme_duty_reminder_from_the_scheduled_job(mailroom, official_x, department_x, settings):
    from partnerstwo.programme.tests import factories as programme

    settings.PROGRAMME_REMINDER_DAYS = 21
    programme.programme(department_x, year=timezone.localdate().year + 1)  # its adoption is due by 30 November

    with mailroom.request():
        call_command("remind_programme_duties")

    assert set(mailroom.queued()) == {"send_duty_reminder"}
    assert {to(message) for message in mailroom.deliver()} == {official_x.email}


def test_small_grant_comment_confirmation(client, mailroom, solve, official_x):
    offer = small_grants.offer(published_days_ago=2, department=official_x.department)

    with mailroom.request():
        client.post("/en" + offer.get_absolute_url(), {
            "author_name": "Maria Sąsiadka", "email": "maria@example.org", "text": "Zajęcia dla seniorów.",
            "altcha": solve(),
        })

    assert mailroom.queued() == ["send_comment_confirmation"]
    [request] = mailroom.deliver()
    assert to(request) == "maria@example.org" and "Confirm your comment" in request["Subject"]


def test_small_grant_deadline_reminder_from_the_scheduled_job(mailroom, official_x):
    small_grants.offer(department=official_x.department, published_days_ago=8)

    with mailroom.request():
        call_command("remind_small_grant_deadlines")

    assert mailroom.queued() == ["send_reminder"]
    assert [to(message) for message in mailroom.deliver()] == [official_x.email]


# The newsletter's sign-up ------------------------------------------------------------------


def test_newsletter_sign_up_confirmation(client, mailroom):
    with mailroom.request():
        client.post(reverse("newsletter:subscribe"), {"email": "ewa@example.org", "topics": ["grants"],
                                                      "consent": "on"})

    assert mailroom.queued() == ["send_confirmation_task"]
    assert [to(message) for message in mailroom.deliver()] == ["ewa@example.org"]


# Accounts (allauth) -----------------------------------------------------------------------


def test_sign_up_confirmation_and_password_reset(client, mailroom, resident):
    with mailroom.request():
        client.post("/en/konto/signup/", {"email": "new.person@example.org", "password1": "dlugie-haslo-42!",
                                          "password2": "dlugie-haslo-42!"})
    assert mailroom.queued() == ["send_account_email"]
    [confirmation] = mailroom.deliver()
    assert to(confirmation) == "new.person@example.org"
    assert "Confirm your email address" in confirmation["Subject"]

    with mailroom.request():
        client.post(reverse("account_reset_password"), {"email": resident.email})
    [reset] = mailroom.deliver()
    assert to(reset) == resident.email and "/konto/password/reset/key/" in message_text(reset)


def test_account_emails_leave_the_task_table_once_sent(client, mailroom, resident):
    with mailroom.request():
        client.post(reverse("account_reset_password"), {"email": resident.email})
    mailroom.deliver()
    assert DBTaskResult.objects.filter(task_path=send_account_email.module_path).exists()

    data_rights.apply_retention()

    assert not DBTaskResult.objects.filter(task_path=send_account_email.module_path).exists()


# A mail server outage ---------------------------------------------------------------------


def test_an_outage_during_the_task_loses_no_e_mail(client, mailroom, solve, training, settings):
    register = reverse("registrations:register", args=[training.pk])
    with mailroom.request():
        client.post(register, registration_form(solve))
    settings.EMAIL_PORT = 9  # nothing listens there
    settings.EMAIL_TIMEOUT = 1
    assert mailroom.deliver() == []
    assert mailroom.queued() == ["send_registration_email"]  # again, for later

    settings.EMAIL_PORT = mailroom.smtp_server.port
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.EMAIL_RETRY_BASE_SECONDS + 1)):
        [request] = mailroom.deliver()
    assert to(request) == "jan@example.org"
    assert Registration.objects.get().status == Registration.Status.UNCONFIRMED


# Partner search --------------------------------------------------------------------------------------


def test_partner_answer_to_the_poster_and_the_posters_reply_to_the_sender(
    client, mailroom, solve, representative_a, organization_a
):
    item = post("Szukamy sali", organization=organization_a, created_by=representative_a)
    with mailroom.request():
        client.post(item.get_absolute_url(), {"sender_name": "Jan", "sender_email": "jan@example.org",
                                              "text": "Mamy salę.", "altcha": solve()})
    assert mailroom.queued() == ["send_answer"]
    [answer] = mailroom.deliver()
    assert to(answer) == representative_a.email and "jan@example.org" not in message_text(answer)

    with mailroom.request():
        client.post(local(first_link(message_text(answer), "/partnerzy/odpowiedz/")), {"text": "Zapraszamy."})
    assert mailroom.queued() == ["send_reply"]
    [reply] = mailroom.deliver()
    assert to(reply) == "jan@example.org" and reply["Reply-To"] == representative_a.email


def test_good_practice_decision_to_the_proposer(client, mailroom, official_x, representative_a, organization_a):
    item = practice("Propozycja", organization=organization_a, status="pending", submitted_by=representative_a)
    client.force_login(official_x)
    with mailroom.request():
        client.post(reverse("panel:practices_panel:review", args=[item.pk]), {"decision": "approve"})
    assert mailroom.queued() == ["notify_submitter"]
    assert [to(message) for message in mailroom.deliver()] == [representative_a.email]
# Consultations -----------------------------------------------------------------------------


def test_consultation_report_to_everyone_who_commented_and_the_closing_notice_to_followers(
        client, mailroom, official_x, representative_a, organization_a, resident, fixed_clock, settings, tmp_path):
    from partnerstwo.consultations import participation
    from partnerstwo.consultations.tests import factories as consultations

    settings.MEDIA_ROOT = tmp_path  # the worker also makes the report's PDF

    consultation = consultations.consultation(official_x.department, by=official_x)
    comment = participation.submit_comment(
        consultation, by=representative_a, capacity="organization", organization=organization_a, unit=None,
        proposed_wording="Zmiana", justification="Powód")
    client.force_login(resident)
    with mailroom.request():
        client.post(reverse("consultations:follow", args=[consultation.slug]))
    fixed_clock.move_to(consultation.deadline() + timedelta(hours=1))
    with mailroom.request():
        call_command("notify_closed_consultations")
    assert mailroom.queued() == ["consultation_closed"]
    assert [to(message) for message in mailroom.deliver()] == [resident.email]

    client.force_login(official_x)
    with mailroom.request():
        client.post(reverse("panel:consultations_panel:answers", args=[consultation.pk]), {
            "comments": [comment.pk], "decision": "accepted", "justification": "Tak."})
        response = client.post(reverse("panel:consultations_panel:report", args=[consultation.pk]),
                               {"outcome": "Uwzględniono."})
    assert response.status_code == 302
    assert sorted(mailroom.queued()) == ["build_report_pdf", "report_published"]  # the PDF is made in the background
    assert sorted(to(message) for message in mailroom.deliver()) == sorted([representative_a.email, resident.email])


# The officials' desk --------------------------------------------------------------------------


def test_desk_alert_of_a_claim_goes_after_the_request(client, mailroom, resident, official_x):
    User.objects.filter(pk=official_x.pk).update(desk_alerts=User.DeskAlerts.AT_ONCE)
    organization = organizations.organization(name="Stowarzyszenie Bez Adresu")  # no address: no confirmation
    client.force_login(resident)
    with mailroom.request():
        response = client.post(reverse("my_organizations:claim", args=[organization.slug]),
                               {"role_in_organization": "prezes", "statement": "on"})
    assert response.status_code == 302
    assert mailroom.queued() == ["alert_officials"]
    [alert] = mailroom.deliver()
    assert to(alert) == official_x.email


# Needs surveys -----------------------------------------------------------------------------


def test_survey_invitation_with_each_organisations_own_link(client, mailroom, official_x):
    from partnerstwo.newsletter.tests.test_audience import member_organization
    from partnerstwo.surveys.models import Response
    from partnerstwo.surveys.tests import factories as surveys

    alfa = member_organization("Fundacja Alfa", "alfa@example.org").organization
    member_organization("Stowarzyszenie Beta", "beta@example.org")
    survey = surveys.survey()
    client.force_login(official_x)
    with mailroom.request():
        client.post(reverse("panel:surveys_panel:send", args=[survey.pk, "zaproszenie"]))
    assert mailroom.queued() == ["send_mailing", "send_mailing"]
    messages = {to(message): message for message in mailroom.deliver()}
    assert set(messages) == {"alfa@example.org", "beta@example.org"}
    alfa_link = first_link(message_text(messages["alfa@example.org"]), "/badania-potrzeb/")
    beta_link = first_link(message_text(messages["beta@example.org"]), "/badania-potrzeb/")
    assert alfa_link != beta_link
    client.logout()
    data = surveys.valid_post(survey)
    with mailroom.request():
        assert client.post(local(alfa_link), data).status_code == 302
    assert Response.objects.get().organization == alfa
