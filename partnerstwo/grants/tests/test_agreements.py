"""An official drafts the agreement from a granted offer; the organisation's representative gives the account and
who signs and, after a lower grant, updates the schedule and the cost table under the offer's sum checks; the
agreement goes for signature as a tagged PDF and the official records that it was signed. Only the
organisation's representatives and the department's officials see it."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerstwo.grants.agreements import drafting
from partnerstwo.grants.agreements.models import Agreement, AgreementCostLine
from partnerstwo.grants.tests import agreement_factories as factories
from partnerstwo.lib.testing import assert_tagged_pdf


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def received(department_x, organization_a, representative_a):
    return factories.granted(department_x, organization_a, representative_a)


@pytest.fixture
def lower(department_x, organization_a, representative_a):
    return factories.granted(department_x, organization_a, representative_a, awarded=Decimal("7000"))


@pytest.fixture
def agreement(official_x, received):
    return factories.drafted(official_x, received)


def account_url(agreement):
    return reverse("my_grants:agreement_section", args=[agreement.pk, "rachunek"])


def test_an_official_drafts_it_from_the_offer_and_the_decision(client, official_x, received):
    client.force_login(official_x)
    index = client.get(reverse("panel:grants_panel:agreements")).content.decode()
    assert received.title in index
    response = client.post(reverse("panel:grants_panel:agreement_draft", args=[received.pk]),
                           {"number": "ZS.1", "place": "Białystok", "city_representatives": "Anna Nowak"})
    agreement = Agreement.objects.get()
    assert response["Location"] == reverse("panel:grants_panel:agreement", args=[agreement.pk])
    assert (agreement.amount, agreement.requested_amount, agreement.status) == (
        Decimal("9000"), Decimal("9000"), "preparing")
    assert [a.name for a in agreement.actions.all()] == ["Spacery"]
    assert agreement.cost_lines.count() == 2 and agreement.results.get().target_value == Decimal("120")
    # Only the organisation's part is left.
    assert {p.section for p in drafting.problems(agreement)} == {"account"}
    assert client.get(reverse("panel:grants_panel:agreement_draft", args=[received.pk])).status_code == 404


def test_only_its_representatives_and_the_departments_officials_see_it(
        client, agreement, representative_a, representative_b, official_x, official_y, resident, team_member,
        administrator):
    mine = reverse("my_grants:agreement", args=[agreement.pk])
    panel = reverse("panel:grants_panel:agreement", args=[agreement.pk])
    for user, mine_status, panel_status in [
        (representative_a, 200, 403), (official_x, 404, 200), (administrator, 404, 200),
        (representative_b, 404, 403), (official_y, 404, 404), (resident, 404, 403), (team_member, 404, 403),
    ]:
        client.force_login(user)
        assert client.get(mine).status_code == mine_status, user
        assert client.get(panel).status_code == panel_status, user
        assert client.get(reverse("my_grants:agreement_pdf", args=[agreement.pk])).status_code in (
            (200,) if mine_status == 200 else (404,)), user
    client.logout()
    assert client.get(mine).status_code == 302


def test_each_side_writes_only_its_own_part(client, agreement, representative_a, official_x):
    client.force_login(representative_a)
    assert client.get(reverse("my_grants:agreement_section", args=[agreement.pk, "strony"])).status_code == 404
    client.force_login(official_x)
    assert client.get(reverse("panel:grants_panel:agreement_section", args=[agreement.pk, "rachunek"])
                      ).status_code == 404
    with pytest.raises(drafting.ValidationError):
        drafting.save(agreement, section="account", expected_version=agreement.version, by=official_x,
                      fields={"bank_account": factories.IBAN})


def account(agreement, **data):
    return {"version": agreement.version, "organization_representatives": "Adam Alfa – prezes",
            "bank_account": factories.IBAN, "bank_name": "Bank", **data}


def test_a_wrong_account_number_is_named_next_to_its_field_and_nothing_is_saved(client, agreement,
                                                                               representative_a):
    client.force_login(representative_a)
    response = client.post(account_url(agreement), account(agreement, bank_account="PL61 1090 1014 0000 0712 1981 "
                                                                                   "2875"))
    page = response.content.decode()
    assert response.status_code == 200 and "To nie jest poprawny numer rachunku" in page and "error-summary" in page
    agreement.refresh_from_db()
    assert agreement.bank_account == "" and agreement.organization_representatives == ""


def test_a_right_account_number_is_kept_in_its_compact_form(client, agreement, representative_a):
    client.force_login(representative_a)
    response = client.post(account_url(agreement), account(agreement, bank_account="61 1090 1014 0000 0712 1981 "
                                                                                   "2874"))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.bank_account == "PL61109010140000071219812874"
    assert drafting.problems(agreement) == []


@pytest.mark.parametrize("data", [
    {"organization_representatives": "x" * 100_000},
    {"bank_account": "9" * 100_000},
    {"bank_account": "\x00PL"},
    {"version": "abc"},
])
def test_bad_input_on_the_account_gives_an_error_not_a_crash(client, agreement, representative_a, data):
    client.force_login(representative_a)
    response = client.post(account_url(agreement), account(agreement, **data))
    assert response.status_code == 200
    agreement.refresh_from_db()
    assert agreement.version == 1


def test_two_people_saving_at_once_do_not_overwrite_each_other(client, agreement, representative_a):
    client.force_login(representative_a)
    stale = account(agreement)
    drafting.save(agreement, section="account", expected_version=agreement.version, by=representative_a,
                  fields={"organization_representatives": "Ewa", "bank_account": "", "bank_name": ""})
    response = client.post(account_url(agreement), stale)
    assert response.status_code == 200 and "Ktoś inny zapisał tę umowę" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.organization_representatives == "Ewa"


def costs_data(agreement, lines, **extra):
    data = {"version": agreement.version, "rows-TOTAL_FORMS": len(lines), "rows-INITIAL_FORMS": len(lines),
            "rows-MIN_NUM_FORMS": 0, "rows-MAX_NUM_FORMS": 1000}
    for i, (line, unit_cost, units) in enumerate(lines):
        data.update({f"rows-{i}-id": line.pk, f"rows-{i}-action": line.action_id or "", f"rows-{i}-name": line.name,
                     f"rows-{i}-unit": line.unit, f"rows-{i}-unit_cost": unit_cost, f"rows-{i}-units": units,
                     f"rows-{i}-year": 1})
    data.update(extra)
    return data


def test_after_a_lower_grant_the_representative_updates_the_table_under_the_offers_checks(
        client, official_x, representative_a, lower):
    agreement = factories.drafted(official_x, lower)
    client.force_login(representative_a)
    page = client.get(reverse("my_grants:agreement", args=[agreement.pk])).content.decode()
    assert "jest niższa od wnioskowanej" in page
    assert "muszą być równe sumie kosztów" in page  # 7 000 + 1 000 of own contribution ≠ 10 000
    walks, bookkeeping = agreement.cost_lines.all()
    url = reverse("my_grants:agreement_section", args=[agreement.pk, "koszty"])
    # Negative values are refused next to the field; nothing is saved.
    response = client.post(url, costs_data(agreement, [(walks, "-95", "100"), (bookkeeping, "250", "2")]))
    assert response.status_code == 200 and "nie może być ujemna" in response.content.decode()
    assert AgreementCostLine.objects.get(pk=walks.pk).unit_cost == Decimal("95")
    # 75 × 100 + 250 × 2 = 8 000 = 7 000 of grant + 1 000 of own contribution.
    response = client.post(url, costs_data(agreement, [(walks, "75", "100"), (bookkeeping, "250", "2")]))
    assert response.status_code == 302
    agreement.refresh_from_db()
    # The sums agree now; only the organisation's account and representation are left.
    assert {p.section for p in drafting.problems(agreement)} == {"account"}


def test_wrong_sums_stop_it_going_for_signature(client, official_x, representative_a, lower):
    agreement = factories.drafted(official_x, lower)
    drafting.save(agreement, section="account", expected_version=agreement.version, by=representative_a,
                  fields={"organization_representatives": "Adam Alfa", "bank_account": factories.IBAN})
    agreement.refresh_from_db()
    client.force_login(representative_a)
    response = client.post(reverse("my_grants:agreement_send", args=[agreement.pk]), {"version": agreement.version},
                           follow=True)
    assert "muszą być równe sumie kosztów" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == "preparing"


def test_sent_for_signature_it_is_a_tagged_pdf_with_its_checksum_then_the_official_records_the_signature(
        client, official_x, representative_a, agreement):
    drafting.save(agreement, section="account", expected_version=agreement.version, by=representative_a,
                  fields={"organization_representatives": "Adam Alfa", "bank_account": factories.IBAN})
    agreement.refresh_from_db()
    client.force_login(representative_a)
    response = client.post(reverse("my_grants:agreement_send", args=[agreement.pk]), {"version": agreement.version})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == "ready" and len(agreement.pdf_sha256) == 64
    pdf = b"".join(client.get(reverse("my_grants:agreement_pdf", args=[agreement.pk])).streaming_content)
    assert_tagged_pdf(pdf)
    import hashlib
    assert hashlib.sha256(pdf).hexdigest() == agreement.pdf_sha256
    # It cannot be changed any more.
    response = client.post(account_url(agreement), account(agreement, bank_name="Inny"))
    agreement.refresh_from_db()
    assert agreement.bank_name == ""
    # The signature: not in the future, by the department's official.
    client.force_login(official_x)
    url = reverse("panel:grants_panel:agreement_signature", args=[agreement.pk])
    tomorrow = timezone.localdate() + timezone.timedelta(days=1)
    response = client.post(url, {"signed_on": tomorrow.isoformat()})
    assert response.status_code == 200 and "nie może być w przyszłości" in response.content.decode()
    response = client.post(url, {"signed_on": "not a date"})
    assert response.status_code == 200
    response = client.post(url, {"signed_on": timezone.localdate().isoformat()})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == "signed" and agreement.signature_recorded_by == official_x


def test_the_official_returns_it_for_correction(client, official_x, representative_a, received):
    agreement = factories.ready(official_x, representative_a, received)
    client.force_login(official_x)
    client.post(reverse("panel:grants_panel:agreement_reopen", args=[agreement.pk]))
    agreement.refresh_from_db()
    assert agreement.status == "preparing" and not agreement.pdf and agreement.pdf_sha256 == ""


def test_the_panel_list_reads_in_constant_queries(client, official_x, department_x, organization_a, representative_a,
                                                 django_assert_max_num_queries):
    for _ in range(2):
        factories.drafted(official_x, factories.granted(department_x, organization_a, representative_a))
    factories.granted(department_x, organization_a, representative_a)
    client.force_login(official_x)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("panel:grants_panel:agreements")).status_code == 200
    for _ in range(3):
        factories.drafted(official_x, factories.granted(department_x, organization_a, representative_a))
        factories.granted(department_x, organization_a, representative_a)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("panel:grants_panel:agreements")).content.decode()
    assert page.count("Przygotuj umowę<") == 4


def test_the_draft_pdf_is_tagged(client, agreement, official_x):
    client.force_login(official_x)
    response = client.get(reverse("panel:grants_panel:agreement_pdf", args=[agreement.pk]))
    assert response.status_code == 200
    assert_tagged_pdf(response.content)


def test_a_paper_offer_gets_an_agreement_whose_table_the_organisation_writes(official_x, department_x,
                                                                              organization_a):
    from partnerstwo.grants.competitions.models import Competition
    from partnerstwo.grants.tests import factories as grants

    competition = grants.competition(department=department_x, status=Competition.Status.RESULTS)
    paper = grants.offer(competition, organization_a, awarded_amount=Decimal("5000"))
    agreement = factories.drafted(official_x, paper)
    assert agreement.cost_lines.count() == 0
    assert "Dodaj co najmniej jeden koszt." in [p.message for p in drafting.problems(agreement)]


@pytest.mark.parametrize("override", [
    {"rows-0-unit_cost": "1e999"}, {"rows-0-name": "x" * 100_000}, {"rows-0-units": "99999999999"},
    {"rows-0-year": "7"}, {"rows-0-action": "999999"}, {"rows-TOTAL_FORMS": "abc"},
])
def test_bad_rows_of_the_cost_table_give_errors_and_save_nothing(client, agreement, representative_a, override):
    client.force_login(representative_a)
    walks, bookkeeping = agreement.cost_lines.all()
    url = reverse("my_grants:agreement_section", args=[agreement.pk, "koszty"])
    response = client.post(url, costs_data(agreement, [(walks, "1", "1"), (bookkeeping, "1", "1")], **override))
    assert response.status_code == 200
    assert AgreementCostLine.objects.get(pk=walks.pk).unit_cost == Decimal("95")
    agreement.refresh_from_db()
    assert agreement.version == 1


def test_bad_dates_of_the_parties_give_errors(client, agreement, official_x):
    client.force_login(official_x)
    url = reverse("panel:grants_panel:agreement_section", args=[agreement.pk, "strony"])
    data = {"version": agreement.version, "number": "1", "place": "B", "city_representatives": "Anna",
            "title": "T", "task_start": "2030-02-01", "task_end": "2030-01-01"}
    response = client.post(url, data)
    assert response.status_code == 200 and "nie może być wcześniejsza" in response.content.decode()
    data["task_end"] = "2099-01-01"
    response = client.post(url, data)  # saved, but named as outside the call's period
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert "task_end" in {p.field for p in drafting.problems(agreement)}
