"""Small grants in the panel and on the public pages, role by role: who may register, publish, decide and see."""

import datetime
from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerstwo.lib import publication
from partnerstwo.organizations.tests import factories as directory
from partnerstwo.small_grants.models import SmallGrantOffer
from partnerstwo.small_grants.tests import factories as make

pytestmark = pytest.mark.django_db

INDEX = reverse("panel:small_grants_panel:index")
CREATE = reverse("panel:small_grants_panel:create")
PUBLIC_LIST = reverse("small_grants:index")


def detail_url(offer):
    return reverse("panel:small_grants_panel:detail", args=[offer.pk])


def registration_data(organization, **overrides):
    start = make.today() + timedelta(days=14)
    data = {
        "organization": organization.name,
        "sphere": str(make.sphere().pk),
        "title": "Festyn sąsiedzki na Bojarach",
        "summary": "Festyn z warsztatami dla dzieci i kiermaszem rękodzieła.",
        "amount": "7500,00",
        "task_start": start.isoformat(),
        "task_end": (start + timedelta(days=20)).isoformat(),
        "received_on": make.today().isoformat(),
        "file": make.pdf(),
    }
    data.update(overrides)
    return data


def test_an_official_registers_an_offer_for_their_own_department(client, official_x, department_y):
    client.force_login(official_x)
    organization = directory.organization("Stowarzyszenie Bojary Razem")
    assert client.get(CREATE).status_code == 200
    response = client.post(CREATE, registration_data(organization, department=str(department_y.pk)))
    assert response.status_code == 302, response.content.decode()[:3000]
    offer = SmallGrantOffer.objects.get()
    assert offer.department == official_x.department  # never another department
    assert offer.organization == organization
    assert offer.status == SmallGrantOffer.Status.RECEIVED
    assert offer.registered_by == official_x
    assert offer.file.name.endswith(".pdf")
    # Not public until published.
    assert client.get(offer.get_absolute_url()).status_code == 404
    assert offer.title not in client.get(PUBLIC_LIST).content.decode()


def test_a_renamed_file_that_is_not_a_pdf_is_refused(client, official_x):
    client.force_login(official_x)
    fake = SimpleUploadedFile("oferta.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(CREATE, registration_data(directory.organization(), file=fake))
    assert response.status_code == 200
    assert "nie jest dokumentem PDF" in response.content.decode()
    assert not SmallGrantOffer.objects.exists()


def test_an_administrator_chooses_the_department(client, administrator, department_y):
    client.force_login(administrator)
    response = client.post(CREATE, registration_data(directory.organization(), department=str(department_y.pk)))
    assert response.status_code == 302
    assert SmallGrantOffer.objects.get().department == department_y


def test_publishing_through_the_panel_opens_the_public_comment_form(client, official_x, fixed_clock):
    fixed_clock.move_to(datetime.datetime(2026, 11, 21, 10, 0, tzinfo=ZoneInfo("Europe/Warsaw")))  # a Saturday
    offer = make.offer(department=official_x.department, received_on=make.today() - timedelta(days=1))
    client.force_login(official_x)
    page = client.get(detail_url(offer)).content.decode()
    assert "Opublikuj do uwag" in page
    response = client.post(
        reverse("panel:small_grants_panel:publish", args=[offer.pk]),
        dict.fromkeys(publication.FIELDS, make.today().isoformat()),
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == SmallGrantOffer.Status.PUBLISHED
    # Seven days end on Saturday 28 November; the last day moves to Monday (the setting's default).
    assert offer.comments_until == datetime.date(2026, 11, 30)
    client.logout()
    assert "<textarea" in client.get(offer.get_absolute_url()).content.decode()
    assert offer.title in client.get(PUBLIC_LIST).content.decode()


def test_a_late_publication_is_refused_in_the_panel_with_the_last_allowed_day(client, official_x):
    offer = make.offer(department=official_x.department, received_on=make.today() - timedelta(days=30))
    client.force_login(official_x)
    response = client.post(
        reverse("panel:small_grants_panel:publish", args=[offer.pk]),
        dict.fromkeys(publication.FIELDS, make.today().isoformat()),
    )
    assert response.status_code == 400
    assert "art. 19a ust. 3" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == SmallGrantOffer.Status.RECEIVED


def test_the_decision_form_appears_only_after_the_comment_period(client, official_x):
    during = make.offer(department=official_x.department, published_days_ago=7)
    after = make.offer(department=official_x.department, published_days_ago=8)
    client.force_login(official_x)
    assert "Zapisz decyzję" not in client.get(detail_url(during)).content.decode()
    assert "Zapisz decyzję" in client.get(detail_url(after)).content.decode()

    refused = client.post(
        reverse("panel:small_grants_panel:decide", args=[during.pk]),
        {"decision": "accept", "reason": "Zadanie potrzebne mieszkańcom."},
    )
    assert refused.status_code == 302
    during.refresh_from_db()
    assert during.status == SmallGrantOffer.Status.PUBLISHED


def test_the_decision_and_its_reason_are_shown_publicly(client, official_x):
    offer = make.offer(department=official_x.department, published_days_ago=8)
    make.comment(offer, text="Dobry pomysł, ale termin koliduje z Dniami Osiedla.")
    client.force_login(official_x)
    page = client.get(detail_url(offer)).content.decode()
    assert "koliduje z Dniami Osiedla" in page  # the official sees the confirmed comments before deciding
    response = client.post(
        reverse("panel:small_grants_panel:decide", args=[offer.pk]),
        {"decision": "accept", "reason": "Uwagę uwzględniono: organizacja przesunie festyn o tydzień."},
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == SmallGrantOffer.Status.ACCEPTED
    client.logout()
    public = client.get(offer.get_absolute_url()).content.decode()
    assert "przesunie festyn o tydzień" in public
    assert "przyjęta" in public


def test_a_decision_needs_a_reason(client, official_x):
    offer = make.offer(department=official_x.department, published_days_ago=8)
    client.force_login(official_x)
    response = client.post(reverse("panel:small_grants_panel:decide", args=[offer.pk]), {"decision": "reject"})
    assert response.status_code == 400
    assert "uzasadnienie" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == SmallGrantOffer.Status.PUBLISHED


def test_an_official_of_another_department_gets_404(client, official_x, official_y):
    offer = make.offer(department=official_x.department, published_days_ago=8)
    client.force_login(official_y)
    assert client.get(detail_url(offer)).status_code == 404
    assert client.post(
        reverse("panel:small_grants_panel:decide", args=[offer.pk]), {"decision": "accept", "reason": "x"}
    ).status_code == 404
    assert client.post(
        reverse("panel:small_grants_panel:publish", args=[offer.pk]), dict.fromkeys(publication.FIELDS, "2026-11-20")
    ).status_code == 404
    assert offer.title not in client.get(INDEX).content.decode()


def test_an_administrator_sees_every_department(client, administrator, official_x):
    offer = make.offer(department=official_x.department)
    client.force_login(administrator)
    assert client.get(detail_url(offer)).status_code == 200
    assert offer.title in client.get(INDEX).content.decode()


@pytest.mark.parametrize("role", ["resident", "representative_a", "team_member"])
def test_other_roles_cannot_enter_the_small_grants_panel(request, client, role, official_x):
    offer = make.offer(department=official_x.department)
    client.force_login(request.getfixturevalue(role))
    assert client.get(INDEX).status_code == 403
    assert client.get(CREATE).status_code == 403
    assert client.get(detail_url(offer)).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(INDEX)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_public_list_shows_open_waiting_and_decided_offers_but_not_received_ones(client):
    open_offer = make.offer(published_days_ago=1, title="Oferta otwarta")
    waiting = make.offer(published_days_ago=9, title="Oferta czekająca")
    decided = make.offer(published_days_ago=12, title="Oferta rozpatrzona", status=SmallGrantOffer.Status.REJECTED)
    received = make.offer(title="Oferta dopiero zarejestrowana")
    body = client.get(PUBLIC_LIST).content.decode()
    for offer in (open_offer, waiting, decided):
        assert offer.title in body
    assert received.title not in body


def test_the_public_list_takes_the_same_number_of_queries_for_any_number_of_offers(
    client, django_assert_num_queries
):
    make.offer(published_days_ago=1)
    make.offer(published_days_ago=9)
    make.offer(published_days_ago=12, status=SmallGrantOffer.Status.ACCEPTED)
    client.get(PUBLIC_LIST)  # warm caches
    with CaptureQueriesContext(connection) as few:
        client.get(PUBLIC_LIST)
    for _n in range(10):
        make.offer(published_days_ago=1, amount=Decimal("1000"))
        make.offer(published_days_ago=9)
        make.offer(published_days_ago=12, status=SmallGrantOffer.Status.REJECTED)
    with django_assert_num_queries(len(few)):
        client.get(PUBLIC_LIST)


def test_the_panel_list_takes_the_same_number_of_queries_for_any_number_of_offers(
    client, administrator, django_assert_num_queries
):
    client.force_login(administrator)
    make.comment(make.offer(published_days_ago=1))
    client.get(INDEX)
    with CaptureQueriesContext(connection) as few:
        client.get(INDEX)
    for _n in range(15):
        make.comment(make.offer(published_days_ago=2))
    with django_assert_num_queries(len(few)):
        client.get(INDEX)


def test_accepting_over_the_yearly_cap_is_refused_in_the_panel_with_the_reason(client, official_x):
    organization = directory.organization()
    start = make.today() + timedelta(days=30)
    for amount in ("10000", "9000"):
        make.offer(organization=organization, amount=Decimal(amount), task_start=start,
                   task_end=start + timedelta(days=5), published_days_ago=20, status=SmallGrantOffer.Status.ACCEPTED)
    offer = make.offer(organization=organization, department=official_x.department, amount=Decimal("2000"),
                       task_start=start, task_end=start + timedelta(days=5), published_days_ago=8)
    client.force_login(official_x)
    response = client.post(
        reverse("panel:small_grants_panel:decide", args=[offer.pk]),
        {"decision": "accept", "reason": "Zadanie potrzebne."},
    )
    assert response.status_code == 400
    assert "roczny limit" in response.content.decode()
    assert "Zadanie potrzebne." in response.content.decode()  # the typed reason is kept
    offer.refresh_from_db()
    assert offer.status == SmallGrantOffer.Status.PUBLISHED
