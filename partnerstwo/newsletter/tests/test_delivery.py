"""A mailing's deliveries, sent through a real SMTP server on 127.0.0.1 (tasks run inline under pytest)."""

import email
import email.policy
from collections import Counter
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from partnerstwo.lib.testing import _free_port
from partnerstwo.newsletter import delivery, worker
from partnerstwo.newsletter.models import Delivery, Mailing, Recipient, SuppressedAddress
from partnerstwo.organizations.tests import factories as directory

Status = Delivery.Status


class ControllableHandler:
    """Accepts mail, except: `refuse` addresses get a 5xx at RCPT, `busy` ones a 4xx `busy[address]` times;
    `rcpt_reply[address]` answers RCPT, `mail_reply` MAIL FROM and `data_reply` the end of DATA, when set."""

    def __init__(self):
        self.messages = []
        self.refuse: set[str] = set()
        self.busy: dict[str, int] = {}
        self.rcpt_reply: dict[str, str] = {}
        self.mail_reply: str | None = None
        self.data_reply: dict[str, str] = {}
        self.peers: list = []  # the client's address and port at each MAIL FROM: one per connection


    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: N802 - aiosmtpd hook
        self.peers.append(session.peer)
        if self.mail_reply:
            return self.mail_reply
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 - aiosmtpd hook
        if address in self.rcpt_reply:
            return self.rcpt_reply[address]
        if address in self.refuse:
            return "550 5.1.1 Mailbox does not exist"
        if self.busy.get(address, 0) > 0:
            self.busy[address] -= 1
            return "451 4.7.1 Greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        refused = next((self.data_reply[address] for address in envelope.rcpt_tos if address in self.data_reply), None)
        if refused:
            return refused
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        for address in envelope.rcpt_tos:
            self.messages.append((address, message))
        return "250 Message accepted for delivery"

    def received(self) -> Counter:
        return Counter(address for address, _message in self.messages)


@pytest.fixture
def smtp(settings):
    handler = ControllableHandler()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.MAILING_BATCH_SIZE = 7
    settings.MAILING_RATE_PER_SECOND = 0
    settings.MAILING_RETRY_BASE_SECONDS = 0  # retries are due at once, so the inline worker takes them
    settings.MAILING_MAX_ATTEMPTS = 3
    yield handler
    controller.stop()


def subscribers(count: int, prefix: str = "osoba") -> list[Recipient]:
    now = timezone.now()
    return Recipient.objects.bulk_create(
        Recipient(email=f"{prefix}{n}@example.org", confirmed_at=now) for n in range(count)
    )


def mailing(**fields) -> Mailing:
    return Mailing.objects.create(subject="Nabór do konkursu", body="Zapraszamy **wszystkich**.", **fields)


def send(mailing_row, recipients=None) -> int:
    created = delivery.enqueue(mailing_row, recipients if recipients is not None else Recipient.objects.all())
    delivery.start(mailing_row)
    mailing_row.refresh_from_db()
    return created


@pytest.mark.django_db
def test_a_mailing_to_many_recipients_arrives_once_each_and_ends_done(smtp):
    subscribers(40)
    first = mailing()

    assert send(first) == 40

    assert smtp.received() == Counter({f"osoba{n}@example.org": 1 for n in range(40)})
    assert delivery.progress(first) == {**dict.fromkeys(Status.values, 0), "sent": 40, "total": 40}
    assert first.status == Mailing.Status.DONE and first.finished_at is not None
    assert not Delivery.objects.exclude(sent_at__isnull=False).exists()


@pytest.mark.django_db
def test_enqueue_takes_each_address_once_active_only_and_twice_changes_nothing():
    now = timezone.now()
    subscribers(3)
    Recipient.objects.create(email="niepotwierdzony@example.org")
    Recipient.objects.create(email="wypisany@example.org", confirmed_at=now, unsubscribed_at=now)
    SuppressedAddress.objects.create(email="osoba2@example.org", reason="550")
    first = mailing()

    assert delivery.enqueue(first, Recipient.objects.all()) == 2
    assert delivery.enqueue(first, Recipient.objects.all()) == 0
    assert sorted(first.deliveries.values_list("email", flat=True)) == ["osoba0@example.org", "osoba1@example.org"]


@pytest.mark.django_db
def test_an_organisation_that_also_subscribed_gets_one_message(smtp):
    organization = directory.organization("Fundacja Alfa", slug="fundacja-alfa", legal_form="fundacja")
    Recipient.objects.create(kind=Recipient.Kind.ORGANIZATION, organization=organization,
                             email="biuro@alfa.example.org", confirmed_at=timezone.now())
    Recipient.objects.create(email="biuro@alfa.example.org", confirmed_at=timezone.now())

    assert send(mailing()) == 1
    assert smtp.received() == Counter({"biuro@alfa.example.org": 1})


@pytest.mark.django_db
def test_temporary_errors_are_retried_with_backoff_then_sent(smtp):
    subscribers(3)
    smtp.busy["osoba1@example.org"] = 2
    first = mailing()

    send(first)

    row = first.deliveries.get(email="osoba1@example.org")
    assert row.status == Status.SENT and row.attempts == 3
    assert smtp.received()["osoba1@example.org"] == 1
    assert first.status == Mailing.Status.DONE


@pytest.mark.django_db
def test_a_temporary_error_waits_for_its_backoff(smtp, settings):
    settings.MAILING_RETRY_BASE_SECONDS = 60
    subscribers(2)
    smtp.busy["osoba0@example.org"] = 1
    first = mailing()

    send(first)

    row = first.deliveries.get(email="osoba0@example.org")
    assert row.status == Status.RETRYING and "451" in row.last_error
    assert row.next_attempt_at > timezone.now() + timedelta(seconds=50)
    assert first.status == Mailing.Status.SENDING  # not done while a retry is pending


@pytest.mark.django_db
def test_too_many_temporary_errors_fail_with_the_reason(smtp):
    subscribers(1)
    smtp.busy["osoba0@example.org"] = 10
    first = mailing()

    send(first)

    row = first.deliveries.get()
    assert row.status == Status.FAILED and "451" in row.last_error and row.attempts == 3
    assert first.status == Mailing.Status.DONE


@pytest.mark.django_db
def test_a_permanent_error_fails_suppresses_the_address_and_the_next_mailing_skips_it(smtp):
    subscribers(3)
    smtp.refuse.add("osoba1@example.org")
    first = mailing()

    send(first)

    failed = first.deliveries.get(email="osoba1@example.org")
    assert failed.status == Status.FAILED and "550" in failed.last_error
    assert SuppressedAddress.objects.get().email == "osoba1@example.org"

    smtp.refuse.clear()
    second = mailing()
    assert send(second) == 2
    assert smtp.received()["osoba1@example.org"] == 0

    delivery.lift_suppression("Osoba1@example.org")
    third = mailing()
    assert send(third) == 3
    assert smtp.received()["osoba1@example.org"] == 1


@pytest.mark.django_db
def test_unsubscribing_stops_the_next_mailing(smtp):
    people = subscribers(2)
    send(mailing())
    Recipient.objects.filter(pk=people[0].pk).update(unsubscribed_at=timezone.now())

    send(mailing())

    assert smtp.received() == Counter({"osoba0@example.org": 1, "osoba1@example.org": 2})


@pytest.mark.django_db
def test_unsubscribing_after_enqueue_skips_the_delivery_at_send_time(smtp):
    people = subscribers(2)
    first = mailing()
    delivery.enqueue(first, Recipient.objects.all())
    Recipient.objects.filter(pk=people[0].pk).update(unsubscribed_at=timezone.now())

    delivery.start(first)

    assert first.deliveries.get(email="osoba0@example.org").status == Status.SKIPPED
    assert smtp.received() == Counter({"osoba1@example.org": 1})


@pytest.mark.django_db
def test_a_server_that_cannot_be_reached_leaves_the_batch_retrying(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _free_port()  # nobody listens
    settings.MAILING_RETRY_BASE_SECONDS = 60
    subscribers(5)
    first = mailing()

    send(first)

    assert set(first.deliveries.values_list("status", flat=True)) == {Status.RETRYING}
    # One message was tried; the server's absence counts as an attempt for the rest of the batch too.
    assert set(first.deliveries.values_list("attempts", flat=True)) == {1}
    assert first.deliveries.filter(next_attempt_at__gt=timezone.now() + timedelta(seconds=50)).count() == 5


@pytest.mark.django_db
def test_a_row_whose_lease_was_taken_back_is_not_sent(smtp):
    subscribers(2)
    first = mailing(status=Mailing.Status.SENDING)
    delivery.enqueue(first, Recipient.objects.all())
    batch = worker.claim_batch(first.pk, "pracownik-a")
    Delivery.objects.filter(pk=batch[0].pk).update(status=Status.QUEUED, worker="")  # recovery took it back

    assert worker.send_batch(first, batch, "pracownik-a") == 1
    assert smtp.received() == Counter({batch[1].email: 1})
    assert Delivery.objects.get(pk=batch[0].pk).status == Status.QUEUED


@pytest.mark.django_db
def test_a_row_taken_back_in_the_middle_of_a_batch_is_not_sent_and_the_connection_goes_on(smtp):
    subscribers(3)
    first = mailing(status=Mailing.Status.SENDING)
    delivery.enqueue(first, Recipient.objects.all())
    batch = worker.claim_batch(first.pk, "pracownik-a")
    # Taken back while the first message was being sent: the worker learns it once MAIL FROM is on its way.
    Delivery.objects.filter(pk=batch[1].pk).update(status=Status.QUEUED, worker="")

    assert worker.send_batch(first, batch, "pracownik-a") == 2
    assert smtp.received() == Counter({batch[0].email: 1, batch[2].email: 1})
    assert [Delivery.objects.get(pk=row.pk).status for row in batch] == [Status.SENT, Status.QUEUED, Status.SENT]
    assert len(set(smtp.peers)) == 1  # RSET, and the connection went on


@pytest.mark.django_db
def test_a_worker_keeps_one_connection_from_batch_to_batch(smtp):
    subscribers(20)
    first = mailing()

    send(first)  # batches of 7: three of them

    assert smtp.received() == Counter({f"osoba{n}@example.org": 1 for n in range(20)})
    assert len(smtp.peers) == 20 and len(set(smtp.peers)) == 1


@pytest.mark.django_db
def test_two_claims_never_share_a_row(settings):
    settings.MAILING_BATCH_SIZE = 3
    subscribers(5)
    first = mailing(status=Mailing.Status.SENDING)
    delivery.enqueue(first, Recipient.objects.all())

    a = {row.pk for row in worker.claim_batch(first.pk, "a")}
    b = {row.pk for row in worker.claim_batch(first.pk, "b")}

    assert len(a) == 3 and len(b) == 2 and not a & b
    assert worker.claim_batch(first.pk, "c") == []


@pytest.mark.django_db
def test_expired_leases_requeue_claimed_rows_and_make_sending_rows_uncertain():
    subscribers(2)
    first = mailing(status=Mailing.Status.SENDING)
    delivery.enqueue(first, Recipient.objects.all())
    past = timezone.now() - timedelta(seconds=1)
    claimed, sending = first.deliveries.order_by("pk")
    Delivery.objects.filter(pk=claimed.pk).update(status=Status.CLAIMED, worker="x", lease_until=past)
    Delivery.objects.filter(pk=sending.pk).update(status=Status.SENDING, worker="x", lease_until=past)

    assert worker.recover_expired() == (1, 1)

    claimed.refresh_from_db()
    sending.refresh_from_db()
    assert claimed.status == Status.QUEUED and claimed.worker == ""
    assert sending.status == Status.UNCERTAIN and sending.last_error


@pytest.mark.django_db
def test_uncertain_deliveries_can_be_resent_by_staff(smtp):
    subscribers(3)
    first = mailing(status=Mailing.Status.DONE)
    delivery.enqueue(first, Recipient.objects.all())
    first.deliveries.update(status=Status.UNCERTAIN, last_error="?")
    chosen = first.deliveries.order_by("pk").first()

    assert delivery.requeue_uncertain(first, [chosen.pk]) == 1

    assert smtp.received() == Counter({chosen.email: 1})
    assert delivery.progress(first)["uncertain"] == 2
    first.refresh_from_db()
    assert first.status == Mailing.Status.DONE


@pytest.mark.django_db
def test_the_rate_limit_is_shared_through_next_batch_at(settings):
    settings.MAILING_RATE_PER_SECOND = 10
    settings.MAILING_BATCH_SIZE = 20  # one batch every 2 s
    first = mailing(status=Mailing.Status.SENDING)
    now = timezone.now()

    assert worker.reserve_batch_slot(first.pk, now) == 0
    wait = worker.reserve_batch_slot(first.pk, now)
    assert 1.5 < wait <= 2


@pytest.mark.django_db
def test_progress_counts_every_status_in_one_query(django_assert_num_queries):
    subscribers(4)
    first = mailing()
    delivery.enqueue(first, Recipient.objects.all())
    first.deliveries.filter(pk__in=first.deliveries.order_by("pk").values("pk")[:1]).update(status=Status.FAILED)

    with django_assert_num_queries(1):
        counts = delivery.progress(first)

    assert counts["queued"] == 3 and counts["failed"] == 1 and counts["total"] == 4


@pytest.mark.django_db
def test_recovery_starts_a_worker_for_a_mailing_whose_workers_are_gone(smtp, settings):
    subscribers(3)
    first = mailing(status=Mailing.Status.SENDING, workers_seen_at=timezone.now() - timedelta(hours=1))
    delivery.enqueue(first, Recipient.objects.all())

    assert delivery.recover_all()["relaunched"] == 1

    assert len(smtp.messages) == 3
    first.refresh_from_db()
    assert first.status == Mailing.Status.DONE


@pytest.mark.django_db
def test_recovery_leaves_a_mailing_with_a_live_worker_alone(smtp):
    subscribers(2)
    first = mailing(status=Mailing.Status.SENDING, workers_seen_at=timezone.now())
    delivery.enqueue(first, Recipient.objects.all())

    assert delivery.recover_all()["relaunched"] == 0
    assert smtp.messages == []


@pytest.mark.django_db
def test_the_scheduled_job_recovers_expired_leases_and_finishes_the_mailing(smtp):
    from io import StringIO

    from django.core.management import call_command

    subscribers(2)
    first = mailing(status=Mailing.Status.SENDING, workers_seen_at=timezone.now())
    delivery.enqueue(first, Recipient.objects.all())
    past = timezone.now() - timedelta(seconds=1)
    first.deliveries.update(status=Status.SENDING, worker="zmarly", lease_until=past)
    output = StringIO()

    call_command("recover_deliveries", stdout=output)

    assert delivery.progress(first)["uncertain"] == 2
    first.refresh_from_db()
    assert first.status == Mailing.Status.DONE
    assert "2 niepewnych" in output.getvalue()


# ---------------------------------------------------------------- which refusals suppress an address


@pytest.mark.django_db
@pytest.mark.parametrize("reply", [
    "550 5.1.1 Mailbox does not exist",
    "553 5.1.3 Bad recipient address syntax",
    "551 User not local",
    "550 No such user here",
    "554 5.1.2 Bad destination system address",
])
def test_a_missing_mailbox_at_rcpt_fails_and_suppresses_the_address(smtp, reply):
    subscribers(2)
    smtp.rcpt_reply["osoba0@example.org"] = reply
    first = mailing()

    send(first)

    row = first.deliveries.get(email="osoba0@example.org")
    assert row.status == Status.FAILED and row.last_error.startswith(reply[:3])
    assert list(SuppressedAddress.objects.values_list("email", flat=True)) == ["osoba0@example.org"]
    assert smtp.received() == Counter({"osoba1@example.org": 1})


@pytest.mark.django_db
@pytest.mark.parametrize(("phase", "reply"), [
    ("rcpt", "554 5.7.1 Relay access denied"),
    ("rcpt", "554 relay denied"),
    ("rcpt", "550 5.7.1 Client host rejected: listed at a block list"),
    ("data", "550 5.7.1 Message rejected as spam"),
    ("data", "554 5.6.0 Message content refused"),
])
def test_other_permanent_refusals_fail_the_delivery_with_the_reason_but_do_not_suppress(smtp, phase, reply):
    subscribers(2)
    replies = smtp.rcpt_reply if phase == "rcpt" else smtp.data_reply
    replies["osoba0@example.org"] = reply
    first = mailing()

    send(first)

    row = first.deliveries.get(email="osoba0@example.org")
    assert row.status == Status.FAILED and reply in row.last_error and row.attempts == 1
    assert not SuppressedAddress.objects.exists()
    assert first.deliveries.get(email="osoba1@example.org").status == Status.SENT
    first.refresh_from_db()
    assert first.status == Mailing.Status.DONE

    smtp.rcpt_reply.clear(), smtp.data_reply.clear()
    assert send(mailing()) == 2  # the next mailing tries the address again


# ---------------------------------------------------------------- our sender or login refused


@pytest.mark.django_db
def test_a_permanent_refusal_of_our_sender_fails_the_deliveries_with_the_reason_and_suppresses_nobody(smtp):
    subscribers(10)  # more than one batch of 7
    smtp.mail_reply = "553 5.7.1 Sender address rejected: not owned by user"
    first = mailing()

    send(first)

    rows = list(first.deliveries.all())
    assert {row.status for row in rows} == {Status.FAILED}
    assert all("553 5.7.1 Sender address rejected" in row.last_error for row in rows)
    assert not SuppressedAddress.objects.exists() and smtp.messages == []
    first.refresh_from_db()
    assert first.status == Mailing.Status.DONE  # staff see the failures now, not after days of retrying


@pytest.mark.django_db
def test_a_temporary_refusal_of_our_sender_counts_attempts_and_ends_failed_with_the_reason(smtp):
    subscribers(3)
    smtp.mail_reply = "451 4.3.0 Temporary sender problem"
    first = mailing()

    send(first)  # retries are due at once: the inline worker takes them until the attempts run out

    rows = list(first.deliveries.all())
    assert {row.status for row in rows} == {Status.FAILED}
    assert {row.attempts for row in rows} == {3}
    assert all("Po 3 próbach" in row.last_error and "451 4.3.0" in row.last_error for row in rows)
    assert not SuppressedAddress.objects.exists()
    first.refresh_from_db()
    assert first.status == Mailing.Status.DONE


@pytest.mark.django_db
def test_a_temporary_refusal_of_our_sender_waits_with_backoff(smtp, settings):
    settings.MAILING_RETRY_BASE_SECONDS = 60
    subscribers(3)
    smtp.mail_reply = "421 4.7.0 Try again later"
    first = mailing()

    send(first)

    rows = list(first.deliveries.all())
    assert {(row.status, row.attempts) for row in rows} == {(Status.RETRYING, 1)}
    assert all("421" in row.last_error and row.next_attempt_at > timezone.now() for row in rows)
    first.refresh_from_db()
    assert first.status == Mailing.Status.SENDING


@pytest.mark.django_db
def test_a_server_that_never_comes_back_ends_in_failed_deliveries(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _free_port()  # nobody listens
    settings.MAILING_RETRY_BASE_SECONDS = 0
    settings.MAILING_MAX_ATTEMPTS = 3
    subscribers(4)
    first = mailing()

    send(first)

    rows = list(first.deliveries.all())
    assert {(row.status, row.attempts) for row in rows} == {(Status.FAILED, 3)}
    assert all(row.last_error.startswith("Po 3 próbach") for row in rows)
    assert not SuppressedAddress.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "reply", "status", "attempts"), [
    (535, b"5.7.8 Authentication credentials invalid", Status.FAILED, {0, 1}),  # one was tried
    (454, b"4.7.0 Temporary authentication failure", Status.RETRYING, {1}),  # the wait counts for each
])
def test_a_refused_login_fails_for_good_or_waits(smtp, settings, monkeypatch, code, reply, status, attempts):
    import smtplib

    settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = "centrum", "niewlasciwe-haslo"
    settings.MAILING_RETRY_BASE_SECONDS = 60

    def refuse_login(self, user, password, **kwargs):
        raise smtplib.SMTPAuthenticationError(code, reply)

    monkeypatch.setattr(smtplib.SMTP, "login", refuse_login)
    subscribers(3)
    first = mailing()

    send(first)

    rows = list(first.deliveries.all())
    assert {row.status for row in rows} == {status} and {row.attempts for row in rows} <= attempts
    assert all(str(code) in row.last_error for row in rows)
    assert not SuppressedAddress.objects.exists() and smtp.messages == []


# ---------------------------------------------------------------- finishing and resending


@pytest.mark.django_db
def test_a_mailing_with_a_queued_delivery_is_not_finished():
    subscribers(2)
    first = mailing(status=Mailing.Status.SENDING)
    delivery.enqueue(first, Recipient.objects.all())
    first.deliveries.filter(pk=first.deliveries.order_by("pk")[0].pk).update(status=Status.UNCERTAIN)

    assert worker.finish_if_complete(first.pk) is False
    first.deliveries.update(status=Status.UNCERTAIN)
    assert worker.finish_if_complete(first.pk) is True
    first.refresh_from_db()
    assert first.status == Mailing.Status.DONE and first.finished_at is not None


@pytest.mark.django_db
def test_finishing_is_one_conditional_update():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = mailing(status=Mailing.Status.SENDING)
    with CaptureQueriesContext(connection) as queries:
        worker.finish_if_complete(first.pk)

    updates = [query["sql"] for query in queries if query["sql"].lstrip().upper().startswith("UPDATE")]
    assert len(updates) == 1 and "NOT" in updates[0].upper() and "EXISTS" in updates[0].upper()


@pytest.mark.django_db
def test_resending_uncertain_deliveries_of_a_done_mailing_makes_it_sending_and_starts_workers(monkeypatch):
    subscribers(2)
    first = mailing(status=Mailing.Status.DONE, finished_at=timezone.now())
    delivery.enqueue(first, Recipient.objects.all())
    first.deliveries.update(status=Status.UNCERTAIN, last_error="?")
    launched = []
    monkeypatch.setattr(delivery, "launch_workers", lambda mailing, count=1: launched.append(
        Mailing.objects.values_list("status", flat=True).get(pk=mailing.pk)))

    assert delivery.requeue_uncertain(first) == 2

    first.refresh_from_db()
    assert first.status == Mailing.Status.SENDING and first.finished_at is None
    assert launched and set(launched) == {Mailing.Status.SENDING}
    assert delivery.progress(first)["queued"] == 2
    assert worker.finish_if_complete(first.pk) is False  # a worker finishing now does not end it


@pytest.mark.django_db
def test_resending_nothing_leaves_a_done_mailing_done(monkeypatch):
    first = mailing(status=Mailing.Status.DONE)
    monkeypatch.setattr(delivery, "launch_workers", lambda *args, **kwargs: pytest.fail("no worker needed"))

    assert delivery.requeue_uncertain(first) == 0
    first.refresh_from_db()
    assert first.status == Mailing.Status.DONE
