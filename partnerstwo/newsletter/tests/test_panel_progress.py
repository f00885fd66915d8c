"""What staff see of a mailing on its way: progress, failures, uncertain deliveries, suppressed addresses."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from partnerstwo.newsletter.models import Delivery, Mailing, SuppressedAddress
from partnerstwo.newsletter.panel_views import ROWS_PER_PAGE
from partnerstwo.newsletter.tests.test_audience import subscriber

Status = Delivery.Status


def url(name, *args):
    return reverse(f"panel:newsletter_panel:{name}", args=args)


def mailing_with(status=Mailing.Status.DONE, **counts):
    """A mailing whose deliveries already have these statuses (no sending here)."""
    mailing = Mailing.objects.create(
        subject=f"Wysyłka {Mailing.objects.count() + 1}", body="Treść", status=status,
        segment=Mailing.Segment.ALL_ORGANIZATIONS, started_at=timezone.now(),
    )
    rows = []
    for delivery_status, count in counts.items():
        for n in range(count):
            email = f"{delivery_status}{n}@m{mailing.pk}.example.org"
            rows.append(Delivery(
                mailing=mailing, email=email, status=delivery_status, attempts=1,
                recipient=subscriber(email) if delivery_status == Status.UNCERTAIN else None,
                last_error="550 5.1.1 Mailbox does not exist" if delivery_status == Status.FAILED else "",
            ))
    Delivery.objects.bulk_create(rows)
    return mailing


@pytest.fixture
def staff(client, official_x):
    client.force_login(official_x)
    return official_x


def test_the_page_of_a_sending_mailing_shows_progress_and_refreshes_itself(client, staff):
    mailing = mailing_with(Mailing.Status.SENDING, sent=5, failed=2, uncertain=1, queued=3, retrying=1)

    response = client.get(url("detail", mailing.pk))

    html = response.content.decode()
    assert response.context["progress"] == {
        "total": 12, "sent": 5, "failed": 2, "uncertain": 1, "skipped": 0, "left": 4, "finished": 8,
    }
    assert '<progress max="12" value="8"' in html
    assert '<meta http-equiv="refresh"' in html


def test_a_finished_mailing_does_not_refresh(client, staff):
    mailing = mailing_with(sent=3)

    html = client.get(url("detail", mailing.pk)).content.decode()

    assert '<meta http-equiv="refresh"' not in html
    assert "Wyślij teraz" not in html


def test_the_list_shows_each_mailings_counts_in_a_constant_number_of_queries(
    client, staff, django_assert_num_queries
):
    mailing_with(sent=2, failed=1)
    client.get(url("index"))
    with django_assert_num_queries(6) as few:
        client.get(url("index"))
    for _ in range(4):
        mailing_with(sent=1, uncertain=1, queued=2)
    Mailing.objects.create(subject="Szkic bez doręczeń", body="x", segment=Mailing.Segment.ALL_ORGANIZATIONS)

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url("index"))

    html = response.content.decode()
    assert "Szkic bez doręczeń" in html
    assert "2 / 1 / 0 / 0" in html
    assert "1 / 0 / 1 / 2" in html


def test_the_list_can_show_one_kind_of_mailing(client, staff):
    mailing_with(sent=1)
    Mailing.objects.create(subject="Przegląd wydarzeń", kind=Mailing.Kind.DIGEST, status=Mailing.Status.DONE)

    html = client.get(url("index"), {"rodzaj": "digest"}).content.decode()

    assert "Przegląd wydarzeń" in html
    assert "Wysyłka 1" not in html


def test_failures_are_listed_with_their_reasons_in_pages_of_constant_queries(
    client, staff, django_assert_num_queries
):
    small = mailing_with(failed=2, sent=1)
    client.get(url("failures", small.pk))
    with django_assert_num_queries(6) as few:
        client.get(url("failures", small.pk))
    big = mailing_with(failed=ROWS_PER_PAGE + 5)
    SuppressedAddress.objects.create(email=f"failed0@m{big.pk}.example.org", reason="550")

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url("failures", big.pk))

    html = response.content.decode()
    assert "550 5.1.1 Mailbox does not exist" in html
    assert html.count("<tr>") == ROWS_PER_PAGE + 1
    assert "wstrzymany</span>" in html
    assert "strona=2" in html
    assert client.get(url("failures", big.pk), {"strona": "2"}).content.decode().count("<tr>") == 6


def test_uncertain_deliveries_are_explained_and_the_chosen_ones_resent(client, staff):
    mailing = mailing_with(uncertain=3, sent=1)
    first, second, third = mailing.deliveries.filter(status=Status.UNCERTAIN).order_by("pk")

    html = client.get(url("uncertain", mailing.pk)).content.decode()
    assert "mógł je przyjąć" in html
    client.post(url("uncertain", mailing.pk), {"action": "selected", "delivery": [first.pk, third.pk]})

    statuses = dict(mailing.deliveries.values_list("pk", "status"))
    assert statuses[second.pk] == Status.UNCERTAIN
    assert statuses[first.pk] != Status.UNCERTAIN and statuses[third.pk] != Status.UNCERTAIN
    # The worker (run inline in tests) sent them again.
    assert sorted(message.to[0] for message in mail.outbox) == sorted([first.email, third.email])


def test_all_uncertain_deliveries_can_be_resent_at_once(client, staff):
    mailing = mailing_with(uncertain=2)

    client.post(url("uncertain", mailing.pk), {"action": "all"})

    assert not mailing.deliveries.filter(status=Status.UNCERTAIN).exists()
    assert len(mail.outbox) == 2


def test_resending_nothing_selected_is_explained(client, staff):
    mailing = mailing_with(uncertain=1)

    response = client.post(url("uncertain", mailing.pk), {"action": "selected", "delivery": ["abc"]}, follow=True)

    assert "Zaznacz adresy" in response.content.decode()
    assert mailing.deliveries.get().status == Status.UNCERTAIN


def test_another_mailings_delivery_is_not_resent(client, staff):
    mailing = mailing_with(uncertain=1)
    other = mailing_with(uncertain=1)

    client.post(url("uncertain", mailing.pk), {"action": "selected", "delivery": [other.deliveries.get().pk]})

    assert other.deliveries.get().status == Status.UNCERTAIN


def test_a_suppressed_address_can_be_lifted(client, staff):
    kept = SuppressedAddress.objects.create(email="zostaje@example.org", reason="550 User unknown")
    lifted = SuppressedAddress.objects.create(email="wraca@example.org", reason="550 Mailbox disabled")
    html = client.get(url("suppressed")).content.decode()
    assert "550 Mailbox disabled" in html

    response = client.post(url("lift", lifted.pk))

    assert response.url == url("suppressed")
    assert list(SuppressedAddress.objects.all()) == [kept]


def test_suppressed_addresses_can_be_searched(client, staff):
    SuppressedAddress.objects.create(email="zostaje@example.org", reason="550")
    SuppressedAddress.objects.create(email="wraca@example.org", reason="550")

    html = client.get(url("suppressed"), {"q": "wraca"}).content.decode()

    assert "wraca@example.org" in html
    assert "zostaje@example.org" not in html
