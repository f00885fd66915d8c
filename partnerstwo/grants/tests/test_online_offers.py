"""Representatives write an offer online on the standard form, section by section, see its sums and the call's
rules checked, and submit it before the deadline by the server's clock; what was submitted (its PDF and
checksum) is what the officials see."""

import datetime as dt
import hashlib
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from partnerstwo.grants.offers import budget, checks, document, submission
from partnerstwo.grants.offers.models import Offer, OfferPartner, OnlineOffer
from partnerstwo.grants.tests import online_offer_factories as factories
from partnerstwo.lib.testing import assert_tagged_pdf


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def call(department_x):
    return factories.call(department_x)


@pytest.fixture
def ready(call, organization_a, representative_a):
    return factories.complete(call, organization_a, representative_a)


def section_url(offer, slug):
    return reverse("my_grants:section", args=[offer.pk, slug])


def test_a_representative_starts_an_offer_from_a_call_that_takes_them(client, call, organization_a,
                                                                      representative_a):
    client.force_login(representative_a)
    assert call.title in client.get(reverse("my_grants:index")).content.decode()
    response = client.post(reverse("my_grants:start", args=[call.slug]),
                           {"organization": organization_a.pk, "title": "Spacery"})
    offer = OnlineOffer.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("my_grants:offer", args=[offer.pk])
    assert (offer.organization, offer.status, offer.contact_name) == (organization_a, "draft", "Adam Alfa")
    page = client.get(response["Location"]).content.decode()
    assert "Dodaj co najmniej jedno działanie." in page


def test_someone_who_represents_no_organisation_cannot_start_one(client, call, resident):
    client.force_login(resident)
    assert client.get(reverse("my_grants:start", args=[call.slug])).status_code == 404


def test_a_call_without_online_offers_cannot_be_offered_to(client, department_x, organization_a, representative_a):
    paper_only = factories.call(department_x, accepts_online_offers=False)
    client.force_login(representative_a)
    response = client.post(reverse("my_grants:start", args=[paper_only.slug]),
                           {"organization": organization_a.pk, "title": "Spacery"})
    assert response.status_code == 200 and not OnlineOffer.objects.exists()


def test_sums_and_shares_are_computed_from_the_lines(ready):
    computed = budget.compute(ready)
    assert (computed.actions_total, computed.administrative_total, computed.total) == (
        Decimal("9500.00"), Decimal("500.00"), Decimal("10000.00"))
    assert computed.administrative_share == Decimal("5.00")
    assert computed.own_share() == Decimal("10.00") and computed.balanced
    assert checks.problems(ready) == []


@pytest.mark.parametrize(("fields", "section", "text"), [
    ({"grant_amount": Decimal("25000"), "own_financial": Decimal("0")}, "sources", "najwyżej 20"),
    ({"grant_amount": Decimal("9500")}, "sources", "muszą być równe sumie kosztów"),
    ({"grant_amount": Decimal("9500"), "own_financial": Decimal("0")}, "sources", "co najmniej 10"),
    ({"title": "x" * 201}, "basics", "Najwyżej 200 znaków"),
    ({"description": ""}, "basics", "wymagane"),
    ({"statements_accepted": False}, "statements", "Potwierdź oświadczenia"),
])
def test_the_calls_rules_are_named_by_section_and_field(ready, fields, section, text):
    OnlineOffer.objects.filter(pk=ready.pk).update(**fields)
    ready.refresh_from_db()
    found = checks.problems(ready)
    assert any(p.section == section and text in p.message for p in found), found


def test_administrative_costs_over_the_calls_share_are_a_problem(ready):
    ready.cost_lines.filter(action=None).update(units=Decimal("10"))  # 2 500 of 12 000
    assert any("Koszty administracyjne to 20,83%" in p.message for p in checks.problems(ready))


def test_a_save_shows_the_problems_next_to_the_field_and_in_the_summary(client, ready, representative_a):
    client.force_login(representative_a)
    response = client.post(section_url(ready, "zrodla"), {
        "version": ready.version, "grant_amount": "9000", "own_financial": "100", "own_non_financial": "500",
        "recipient_payments": "0",
    }, follow=True)
    page = response.content.decode()
    assert "Zapisano" in page and 'id="error-summary"' in page
    assert "muszą być równe sumie kosztów" in page
    ready.refresh_from_db()
    assert ready.own_financial == Decimal("100.00")


@pytest.mark.parametrize(("field", "value", "message"), [
    ("grant_amount", "-5", "nie może być ujemna"),
    ("grant_amount", "abc", "Podaj kwotę liczbą"),
    ("own_financial", "1" * 20, "cyfr"),
])
def test_bad_amounts_are_refused_and_nothing_is_saved(client, ready, representative_a, field, value, message):
    client.force_login(representative_a)
    data = {"version": ready.version, "grant_amount": "9000", "own_financial": "500", "own_non_financial": "500",
            "recipient_payments": "0", field: value}
    response = client.post(section_url(ready, "zrodla"), data)
    assert response.status_code == 200 and message in response.content.decode()
    ready.refresh_from_db()
    assert (ready.grant_amount, ready.own_financial) == (Decimal("9000.00"), Decimal("500.00"))


def test_a_hundred_thousand_characters_are_refused_without_an_error_page(client, ready, representative_a):
    client.force_login(representative_a)
    response = client.post(section_url(ready, "opis"), {
        "version": ready.version, "title": "Spacery", "task_start": ready.task_start.isoformat(),
        "task_end": ready.task_end.isoformat(), "description": "x" * 100_000,
    })
    assert response.status_code == 200 and "20" in response.content.decode()
    ready.refresh_from_db()
    assert ready.description.startswith("Dziesięć")


def test_negative_cost_lines_are_refused(client, ready, representative_a):
    client.force_login(representative_a)
    lines = list(ready.cost_lines.all())
    data = {"version": ready.version, "rows-TOTAL_FORMS": "2", "rows-INITIAL_FORMS": "2",
            "rows-MIN_NUM_FORMS": "0", "rows-MAX_NUM_FORMS": "1000"}
    for index, line in enumerate(lines):
        data.update({f"rows-{index}-id": line.pk, f"rows-{index}-action": line.action_id or "",
                     f"rows-{index}-name": line.name, f"rows-{index}-unit": line.unit,
                     f"rows-{index}-unit_cost": "-95", f"rows-{index}-units": "100", f"rows-{index}-year": "1"})
    response = client.post(section_url(ready, "koszty"), data)
    assert response.status_code == 200 and "nie może być ujemna" in response.content.decode()
    assert ready.cost_lines.filter(unit_cost__lt=0).count() == 0


def test_two_representatives_saving_at_once_get_a_message_not_a_silent_overwrite(client, ready, representative_a):
    client.force_login(representative_a)
    read_at = ready.version
    first = {"version": read_at, "contact_name": "Pierwsza Osoba", "contact_phone": "", "contact_email": "a@b.pl"}
    second = {"version": read_at, "contact_name": "Druga Osoba", "contact_phone": "", "contact_email": "a@b.pl"}
    assert client.post(section_url(ready, "oferent"), first).status_code == 302
    response = client.post(section_url(ready, "oferent"), second)
    assert response.status_code == 200 and "Ktoś inny zapisał tę ofertę" in response.content.decode()
    ready.refresh_from_db()
    assert ready.contact_name == "Pierwsza Osoba"


def test_another_organisations_representative_sees_nothing(client, ready, representative_b):
    client.force_login(representative_b)
    assert client.get(reverse("my_grants:offer", args=[ready.pk])).status_code == 404
    assert client.get(section_url(ready, "opis")).status_code == 404


def test_submission_mails_the_pdf_with_its_checksum_and_lists_the_offer_for_the_officials(
        client, ready, representative_a, organization_a, django_capture_on_commit_callbacks):
    organization_a.email = "biuro@alfa.example.org"
    organization_a.save()
    client.force_login(representative_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("my_grants:submit", args=[ready.pk]), {"version": ready.version})
    assert response.status_code == 302
    ready.refresh_from_db()
    assert ready.status == "submitted"
    version = ready.versions.get()
    received = Offer.objects.get(online=ready)
    pdf = received.file.open("rb").read()
    assert hashlib.sha256(pdf).hexdigest() == version.sha256 == received.file_sha256
    assert received.requested_amount == Decimal("9000.00")
    assert_tagged_pdf(pdf)
    [message] = mail.outbox
    assert set(message.to) == {"biuro@alfa.example.org", representative_a.email}
    assert version.sha256 in message.body and message.attachments[0][2] == "application/pdf"


def test_an_offer_with_problems_is_not_submitted(client, ready, representative_a):
    OnlineOffer.objects.filter(pk=ready.pk).update(grant_amount=Decimal("9500"))
    client.force_login(representative_a)
    response = client.post(reverse("my_grants:submit", args=[ready.pk]), {"version": ready.version}, follow=True)
    assert "muszą być równe sumie kosztów" in response.content.decode()
    assert not Offer.objects.exists() and OnlineOffer.objects.get().status == "draft"


def test_submission_is_refused_after_the_deadline_by_the_servers_clock(client, ready, representative_a, call):
    client.force_login(representative_a)
    page = client.get(section_url(ready, "opis"))
    assert "Zostało:" in page.content.decode()
    with time_machine.travel(call.offer_deadline + dt.timedelta(seconds=1)):
        # the deadline passes while the page is open: neither a save nor the submission goes through
        saved = client.post(section_url(ready, "oferent"), {
            "version": ready.version, "contact_name": "Ktoś", "contact_phone": "", "contact_email": "a@b.pl"})
        assert "Termin składania ofert minął" in saved.content.decode()
        response = client.post(reverse("my_grants:submit", args=[ready.pk]), {"version": ready.version},
                               follow=True)
    assert "Termin składania ofert minął" in response.content.decode()
    assert not Offer.objects.exists()


def test_a_submitted_offer_is_withdrawn_and_submitted_again_before_the_deadline(ready, representative_a):
    submission.submit(ready, by=representative_a, expected_version=ready.version)
    submission.withdraw(ready, by=representative_a)
    ready.refresh_from_db()
    assert ready.status == "withdrawn" and not Offer.objects.exists()
    submission.submit(ready, by=representative_a, expected_version=ready.version)
    ready.refresh_from_db()
    assert ready.status == "submitted" and Offer.objects.count() == 1
    assert list(ready.versions.values_list("number", flat=True)) == [1, 2]
    assert ready.versions.get(number=1).withdrawn_at is not None


def test_a_joint_offer_waits_for_each_partner_to_confirm(client, ready, representative_a, representative_b,
                                                         organization_b, django_capture_on_commit_callbacks):
    client.force_login(representative_a)
    with django_capture_on_commit_callbacks(execute=True):
            client.post(section_url(ready, "oferenci"), {"version": ready.version, "organization": organization_b.krs})
    partner = OfferPartner.objects.get()
    assert mail.outbox[0].to == [representative_b.email]
    assert any("nie potwierdziła" in p.message for p in checks.problems(ready))
    # the lead offerer cannot confirm for the partner
    client.post(reverse("my_grants:confirm_partner", args=[ready.pk, partner.pk]))
    assert OfferPartner.objects.get().confirmed_at is None
    client.force_login(representative_b)
    assert client.get(reverse("my_grants:offer", args=[ready.pk])).status_code == 200
    client.post(reverse("my_grants:confirm_partner", args=[ready.pk, partner.pk]))
    assert OfferPartner.objects.get().confirmed_by == representative_b
    assert client.get(section_url(ready, "opis")).status_code == 404  # partners read, the lead writes


def test_the_print_page_and_the_pdf_follow_the_form(client, ready, representative_a):
    client.force_login(representative_a)
    page = client.get(reverse("my_grants:print", args=[ready.pk])).content.decode()
    for heading in ["I. Podstawowe informacje", "V.A Zestawienie kosztów", "V.B Źródła finansowania",
                    "VII. Oświadczenia", "Suma wszystkich kosztów"]:
        assert heading in page
    assert "10 000,00" in page or "10\xa0000,00" in page
    response = client.get(reverse("my_grants:draft_pdf", args=[ready.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert_tagged_pdf(response.content)


def test_the_official_asks_for_a_correction_and_the_history_keeps_both_versions(
        client, ready, representative_a, official_x, call):
    submission.submit(ready, by=representative_a, expected_version=ready.version)
    received = Offer.objects.get()
    with time_machine.travel(call.offer_deadline + dt.timedelta(hours=1)):
        call.status = call.Status.CLOSED
        call.save()
        submission.request_correction(received, sections=["sources"], note="Popraw wkład własny.",
                                       deadline=call.offer_deadline + dt.timedelta(days=7), by=official_x)
        ready.refresh_from_db()
        client.force_login(representative_a)
        assert client.get(section_url(ready, "opis")).status_code == 200
        refused = client.post(section_url(ready, "opis"), {
            "version": ready.version, "title": "Inny tytuł", "task_start": ready.task_start.isoformat(),
            "task_end": ready.task_end.isoformat(), "description": "Opis"})
        assert "tej części nie można zmienić" in refused.content.decode()
        saved = client.post(section_url(ready, "zrodla"), {
            "version": ready.version, "grant_amount": "8000", "own_financial": "1500", "own_non_financial": "500",
            "recipient_payments": "0"})
        assert saved.status_code == 302
        ready.refresh_from_db()
        submission.submit_correction(ready, by=representative_a, expected_version=ready.version)
    received.refresh_from_db()
    assert received.requested_amount == Decimal("8000.00") and received.formal_status == "pending"
    first, second = ready.versions.order_by("number")
    assert (first.snapshot["sources"][0]["amount"], second.snapshot["sources"][0]["amount"]) == ("9000.00", "8000.00")
    assert received.file_sha256 == second.sha256 != first.sha256


def test_officials_see_online_offers_beside_paper_ones_with_the_checksum(
        client, ready, representative_a, official_x, official_y, call, django_assert_max_num_queries):
    from partnerstwo.grants.tests import factories as paper

    version = submission.submit(ready, by=representative_a, expected_version=ready.version)
    paper.offer(call)
    received = Offer.objects.get(online=ready)
    client.force_login(official_x)
    with django_assert_max_num_queries(30):
        listing = client.get(reverse("panel:grants_panel:committee_offers", args=[call.slug])).content.decode()
    assert "papierowo" in listing and reverse("panel:grants_panel:online_offer", args=[received.pk]) in listing
    page = client.get(reverse("panel:grants_panel:online_offer", args=[received.pk])).content.decode()
    assert version.sha256 in page and "V.A Zestawienie kosztów" in page
    client.force_login(official_y)
    assert client.get(reverse("panel:grants_panel:online_offer", args=[received.pk])).status_code == 404


def test_the_official_sets_the_calls_rules(client, official_x, call):
    client.force_login(official_x)
    response = client.post(reverse("panel:grants_panel:offer_rules", args=[call.pk]), {
        "accepts_online_offers": "on", "max_grant": "15000", "min_own_contribution_percent": "5",
        "own_contribution_includes_non_financial": "on", "max_admin_percent": "12", "limit_title": "150",
    })
    assert response.status_code == 302
    call.refresh_from_db()
    assert (call.max_grant, call.max_admin_percent, call.allows_corrections) == (Decimal("15000"), Decimal("12"),
                                                                                False)
    assert call.field_limits == {"title": 150} and checks.limit_for(call, "title") == 150


def test_a_correction_request_needs_the_call_to_allow_it_and_a_future_deadline(client, ready, representative_a,
                                                                               official_x, call):
    submission.submit(ready, by=representative_a, expected_version=ready.version)
    received = Offer.objects.get()
    client.force_login(official_x)
    url = reverse("panel:grants_panel:online_offer_correction", args=[received.pk])
    response = client.post(url, {"sections": ["sources"], "note": "Popraw.", "deadline": "2027-01-10T12:00"})
    assert "po terminie składania ofert" in response.content.decode()  # still accepting offers
    assert not ready.correction_requests.exists()


def test_numbers_of_units_and_target_values_are_written_without_an_exponent(ready):
    data = document.snapshot(ready)
    units = [line["units"] for group in data["costs"]["groups"] for line in group["lines"]]
    assert "100" in units and not any("E" in u for u in units)
    assert [r["target_value"] for r in data["results"]] == ["120"]
