"""A one-off mailing from the panel: write, check the segment, preview, test, send now or schedule, cancel."""

import zoneinfo
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from partnerstwo.newsletter import one_off, panel_views
from partnerstwo.newsletter.models import Delivery, Mailing, RecipientTopic, Topic
from partnerstwo.newsletter.panel_forms import MailingForm
from partnerstwo.newsletter.tests.test_audience import member_organization, subscriber
from partnerstwo.organizations.tests import factories as directory

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


def form_data(**overrides):
    data = {
        "subject": "Szkolenie z pisania ofert",
        "body": "## Zapraszamy\n\nSzkolenie odbędzie się w **Centrum**.",
        "segment": Mailing.Segment.ALL_ORGANIZATIONS,
        "topic": "",
        "sphere": "",
        "district": "",
        "target_group": "",
    }
    data.update(overrides)
    return data


def url(name, mailing=None):
    return reverse(f"panel:newsletter_panel:{name}", args=[mailing.pk] if mailing else [])


@pytest.fixture
def staff(client, official_x):
    client.force_login(official_x)
    return official_x


@pytest.fixture
def draft(db, official_x):
    return Mailing.objects.create(
        subject="Konsultacje programu współpracy",
        body="Zapraszamy do **konsultacji**.",
        segment=Mailing.Segment.ALL_ORGANIZATIONS,
        created_by=official_x,
    )


@pytest.fixture
def audience(db):
    """Three organisations; one address is both an organisation and a subscriber of grants."""
    member_organization("Fundacja Alfa", "alfa@example.org")
    member_organization("Stowarzyszenie Beta", "beta@example.org")
    member_organization("Klub Gamma", "gamma@example.org")
    subscriber("alfa@example.org", topics=[Topic.GRANTS])


def test_a_new_mailing_is_saved_as_a_draft_by_its_author(client, staff):
    response = client.post(url("create"), form_data())

    mailing = Mailing.objects.get()
    assert response.url == url("detail", mailing)
    assert (mailing.status, mailing.kind, mailing.created_by) == (Mailing.Status.DRAFT, Mailing.Kind.ONE_OFF, staff)
    assert mailing.segment == Mailing.Segment.ALL_ORGANIZATIONS


@pytest.mark.parametrize(
    ("segment", "field", "message"),
    [
        (Mailing.Segment.TOPIC, "topic", "Wybierz temat"),
        (Mailing.Segment.SPHERE, "sphere", "Wybierz sferę zadań publicznych"),
        (Mailing.Segment.DISTRICT, "district", "Wybierz osiedle"),
        (Mailing.Segment.TARGET_GROUP, "target_group", "Wybierz grupę odbiorców"),
    ],
)
def test_a_segment_needs_its_parameter(client, staff, segment, field, message):
    response = client.post(url("create"), form_data(segment=segment, subject="Mój temat"))

    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert 'value="Mój temat"' in response.content.decode()  # what was typed stays
    assert not Mailing.objects.exists()


def test_a_missing_segment_and_body_are_explained(client, staff):
    response = client.post(url("create"), form_data(segment="", body=""))

    errors = response.context["form"].errors
    assert errors["segment"] == ["Wybierz, kto ma dostać wiadomość."]
    assert errors["body"] == ["Napisz treść wiadomości."]


def test_only_the_parameter_of_the_chosen_segment_is_kept(client, staff):
    dojlidy = directory.district("Dojlidy")

    client.post(url("create"), form_data(segment=Mailing.Segment.DISTRICT, district=dojlidy.pk, topic=Topic.GRANTS,
                                         target_group=directory.group("dzieci").pk))

    mailing = Mailing.objects.get()
    assert (mailing.district, mailing.topic, mailing.target_group) == (dojlidy, "", None)


def test_the_page_shows_how_many_addresses_will_receive_it(client, staff, draft, audience):
    html = client.get(url("detail", draft)).content.decode()

    assert "Wiadomość trafi teraz do 3 adresów" in html
    # A mailing to every organisation goes through a confirmation that names the count.
    assert f'href="{url("send_now", draft)}"' in html


def test_a_mailing_to_every_organisation_asks_to_confirm_the_count_before_it_goes(client, staff, draft, audience):
    response = client.post(url("send_now", draft))

    assert response.url == url("send_now", draft) and not Delivery.objects.exists()
    page = client.get(url("send_now", draft)).content.decode()
    assert "<title>Potwierdź wysyłkę" in page
    assert "Wiadomość trafi teraz do 3 adresów" in page and "Tak, wyślij do 3 adresów" in page
    assert 'name="count" value="3"' in page

    client.post(url("send_now", draft), {"count": "3"})

    assert Delivery.objects.filter(mailing=draft).count() == 3


def test_a_count_confirmed_before_the_list_grew_is_asked_again(client, staff, draft, audience):
    member_organization("Fundacja Nowa", "nowa@example.org")

    response = client.post(url("send_now", draft), {"count": "3"}, follow=True)

    assert not Delivery.objects.exists()
    page = response.content.decode()
    assert "Liczba odbiorców zmieniła się" in page and "Tak, wyślij do 4 adresów" in page


@pytest.mark.parametrize("count", ["", "abc", "-1", "99999999999"])
def test_a_forged_count_sends_nothing(client, staff, draft, audience, count):
    response = client.post(url("send_now", draft), {"count": count})

    assert response.status_code == 302 and not Delivery.objects.exists()


def test_a_large_topic_mailing_asks_too_and_a_small_one_does_not(client, staff, audience, settings):
    mailing = Mailing.objects.create(subject="Konkurs", body="Treść", segment=Mailing.Segment.TOPIC, topic=Topic.GRANTS)
    settings.MAILING_CONFIRM_ABOVE = 2

    assert client.post(url("send_now", mailing)).url == url("send_now", mailing)
    assert not Delivery.objects.exists()

    settings.MAILING_CONFIRM_ABOVE = 3
    client.post(url("send_now", mailing))
    assert Delivery.objects.filter(mailing=mailing).count() == 3


def test_the_preview_shows_the_message_as_the_recipient_sees_it(client, staff, draft):
    response = client.get(url("preview", draft))

    assert response.status_code == 200
    message = response.context["message"]
    assert "Konsultacje programu współpracy" in message["subject"]
    assert "konsultacji" in message["text"]
    assert "<strong>konsultacji</strong>" in message["html"]
    assert "srcdoc=" in response.content.decode()
    assert not Delivery.objects.exists()


def test_a_test_message_arrives_at_the_staff_members_address(client, staff, draft, use_smtp):
    response = client.post(url("send_test", draft))

    assert response.url == url("detail", draft)
    [message] = use_smtp.wait_for(1)
    assert message["X-Envelope-To"] == staff.email
    assert message["Subject"].startswith("[TEST]")
    assert "Konsultacje programu współpracy" in message["Subject"]
    assert not Delivery.objects.exists()
    draft.refresh_from_db()
    assert draft.status == Mailing.Status.DRAFT


def test_sending_now_creates_one_delivery_per_distinct_address(client, staff, audience):
    mailing = Mailing.objects.create(subject="Konkurs", body="Treść", segment=Mailing.Segment.TOPIC, topic=Topic.GRANTS)
    # The organisation "alfa" (default topics include grants) and the subscriber share one address.
    client.post(url("send_now", mailing))

    mailing.refresh_from_db()
    addresses = list(Delivery.objects.filter(mailing=mailing).values_list("email", flat=True))
    assert sorted(addresses) == ["alfa@example.org", "beta@example.org", "gamma@example.org"]
    assert mailing.status in (Mailing.Status.SENDING, Mailing.Status.DONE)
    assert mailing.started_at is not None


def test_a_second_send_click_enqueues_nothing_more(client, staff, draft, audience):
    client.post(url("send_now", draft), {"count": "3"})
    count = Delivery.objects.count()
    outbox = len(mail.outbox)

    response = client.post(url("send_now", draft), {"count": "3"}, follow=True)

    assert Delivery.objects.count() == count == 3
    assert len(mail.outbox) == outbox
    assert "nie wysłano jej drugi raz" in response.content.decode()


def test_a_stale_copy_of_the_mailing_cannot_send_it_twice(draft, audience):
    stale = Mailing.objects.get(pk=draft.pk)
    one_off.send_now(draft, confirmed_count=3)

    with pytest.raises(ValidationError):
        one_off.send_now(stale, confirmed_count=3)
    assert Delivery.objects.filter(mailing=draft).count() == 3


def test_a_mailing_to_nobody_is_not_started(client, staff):
    mailing = Mailing.objects.create(subject="Pusto", body="x", segment=Mailing.Segment.TOPIC, topic=Topic.POSITIONS)

    response = client.post(url("send_now", mailing), follow=True)

    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DRAFT
    assert "nie ma do kogo wysłać" in response.content.decode()


def test_a_sent_mailing_cannot_be_edited(client, staff, draft, audience):
    client.post(url("send_now", draft), {"count": "3"})

    response = client.post(url("edit", draft), form_data(subject="Zmieniony temat"))

    draft.refresh_from_db()
    assert response.url == url("detail", draft)
    assert draft.subject == "Konsultacje programu współpracy"


def test_a_mailing_that_started_sending_while_it_was_being_edited_is_not_changed(
    client, staff, draft, audience, monkeypatch
):
    from django.contrib.messages import get_messages

    from partnerstwo.newsletter import panel_views

    Mailing.objects.filter(pk=draft.pk).update(status=Mailing.Status.SCHEDULED)
    load = panel_views._mailing

    def started_meanwhile(pk):
        # The view read the mailing while it was still scheduled; the scheduler started it right after.
        stale = load(pk)
        one_off.start_due(now=timezone.now() + timedelta(days=1))
        return stale

    Mailing.objects.filter(pk=draft.pk).update(scheduled_for=timezone.now() - timedelta(minutes=1))
    monkeypatch.setattr(panel_views, "_mailing", started_meanwhile)

    response = client.post(url("edit", draft), form_data(subject="Zmieniony temat", body="Inna treść."))

    draft.refresh_from_db()
    assert response.status_code == 302 and response.url == url("detail", draft)
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Wysyłki rozpoczętej lub wysłanej nie można już zmieniać."
    ]
    assert draft.subject == "Konsultacje programu współpracy" and draft.body == "Zapraszamy do **konsultacji**."
    assert draft.status != Mailing.Status.SCHEDULED  # "scheduled" was not written back over the send


def test_one_off_saves_an_edit_under_the_row_lock_only_while_the_mailing_may_change(draft):
    form = MailingForm(form_data(subject="Zmieniony temat"), instance=draft)
    assert form.is_valid()

    assert one_off.save_if_editable(form) is True
    draft.refresh_from_db()
    assert draft.subject == "Zmieniony temat" and draft.status == Mailing.Status.DRAFT

    form = MailingForm(form_data(subject="Jeszcze inny temat"), instance=draft)
    assert form.is_valid()
    Mailing.objects.filter(pk=draft.pk).update(status=Mailing.Status.SENDING)  # started since the page loaded

    assert one_off.save_if_editable(form) is False
    draft.refresh_from_db()
    assert draft.subject == "Zmieniony temat" and draft.status == Mailing.Status.SENDING


def test_the_mailing_views_take_no_row_locks():
    source = Path(panel_views.__file__).read_text(encoding="utf-8")
    assert "select_for_update" not in source and "transaction" not in source


def test_editing_a_scheduled_mailing_changes_its_fields_and_keeps_it_scheduled(client, staff, draft):
    when = timezone.now() + timedelta(days=2)
    Mailing.objects.filter(pk=draft.pk).update(status=Mailing.Status.SCHEDULED, scheduled_for=when)

    response = client.post(url("edit", draft), form_data(subject="Nowy temat", body="Nowa **treść**."))

    draft.refresh_from_db()
    assert response.url == url("detail", draft)
    assert (draft.subject, draft.body) == ("Nowy temat", "Nowa **treść**.")
    assert draft.status == Mailing.Status.SCHEDULED and draft.scheduled_for == when
    assert draft.created_by == staff


def test_scheduling_takes_polish_time_and_the_command_starts_it_when_due(client, staff, draft, audience):
    response = client.post(url("schedule", draft), {"scheduled_for": "2030-03-02T09:30"})

    draft.refresh_from_db()
    assert response.url == url("detail", draft)
    assert draft.status == Mailing.Status.SCHEDULED
    assert draft.scheduled_for == datetime(2030, 3, 2, 9, 30, tzinfo=WARSAW)

    call_command("start_scheduled_mailings")
    draft.refresh_from_db()
    assert draft.status == Mailing.Status.SCHEDULED  # not yet due
    assert not Delivery.objects.exists()

    Mailing.objects.filter(pk=draft.pk).update(scheduled_for=timezone.now() - timedelta(minutes=1))
    call_command("start_scheduled_mailings")
    call_command("start_scheduled_mailings")  # idempotent: the second run finds nothing due

    draft.refresh_from_db()
    assert draft.status in (Mailing.Status.SENDING, Mailing.Status.DONE)
    assert Delivery.objects.filter(mailing=draft).count() == 3


def test_a_time_in_the_past_cannot_be_scheduled(client, staff, draft):
    response = client.post(url("schedule", draft), {"scheduled_for": "2020-01-01T10:00"})

    assert response.context["form"].errors["scheduled_for"] == ["Podaj chwilę w przyszłości."]
    draft.refresh_from_db()
    assert draft.status == Mailing.Status.DRAFT


def test_a_cancelled_scheduled_mailing_is_not_started(client, staff, draft, audience):
    client.post(url("schedule", draft), {"scheduled_for": "2030-03-02T09:30"})

    client.post(url("cancel", draft))
    Mailing.objects.filter(pk=draft.pk).update(scheduled_for=timezone.now() - timedelta(minutes=1))
    call_command("start_scheduled_mailings")

    draft.refresh_from_db()
    assert draft.status == Mailing.Status.CANCELLED
    assert not Delivery.objects.exists()


def test_an_organisation_without_grants_among_its_topics_is_not_in_the_grants_segment(draft, audience):
    beta = RecipientTopic.objects.filter(recipient__email="beta@example.org", topic=Topic.GRANTS)
    beta.delete()
    mailing = Mailing.objects.create(subject="Konkurs", body="Treść", segment=Mailing.Segment.TOPIC, topic=Topic.GRANTS)

    one_off.send_now(mailing)

    assert "beta@example.org" not in set(Delivery.objects.filter(mailing=mailing).values_list("email", flat=True))


@pytest.mark.django_db(transaction=True)
def test_two_send_requests_at_the_same_moment_enqueue_once(official_x):
    """Two requests race for the row lock; the second sees the mailing already started. (PostgreSQL: real
    row locks; SQLite's in-memory test database would only report "table locked" instead of waiting.)"""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("row locks between connections need PostgreSQL")
    import threading

    member_organization("Fundacja Alfa", "alfa@example.org")
    member_organization("Stowarzyszenie Beta", "beta@example.org")
    mailing = Mailing.objects.create(subject="Wyścig", body="x", segment=Mailing.Segment.ALL_ORGANIZATIONS)
    barrier = threading.Barrier(2)
    outcomes = []

    def click():
        try:
            barrier.wait()
            outcomes.append(one_off.send_now(Mailing.objects.get(pk=mailing.pk), confirmed_count=2))
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes, key=str) == [2, "refused"]
    assert Delivery.objects.filter(mailing=mailing).count() == 2
