"""The demo agreements: signed ones, one waiting for the table updated after a lower grant, and a joint online
offer's, whose partner is the main demo representative's organisation and whose report is being written; the city's
clauses as a placeholder in two versions (tests/test_demo.py runs the demo twice)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.grants.agreements import clauses, demo, drafting
from partnerstwo.grants.agreements import document as agreement_document
from partnerstwo.grants.agreements.models import Agreement, AgreementClauses
from partnerstwo.grants.offers.models import OnlineOffer
from partnerstwo.grants.reports.models import Report
from partnerstwo.organizations.models import Organization

# The demo as one load gives it (conftest.demo_database).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_database")]


def joint_agreement() -> Agreement:
    return Agreement.objects.get(offer__online__partners__isnull=False)


def test_the_demo_has_signed_agreements_one_waiting_for_the_updated_table_and_a_joint_one():
    assert (Agreement.objects.count(), OnlineOffer.objects.count(), AgreementClauses.objects.count()) == (6, 5, 2)
    assert sorted(Report.objects.values_list("status", flat=True)) == [
        "accepted", "draft", "draft", "draft", "returned"]
    assert Report.objects.late(timezone.localdate()).count() == 1
    returned = Report.objects.get(status="returned")
    assert returned.agreement.organization.representations.filter(user__email=demo.REPRESENTATIVE).exists()
    assert Agreement.objects.filter(status="signed").count() == 5
    waiting = Agreement.objects.get(status="preparing")
    assert waiting.is_lower_than_requested
    assert waiting.organization.representations.filter(user__email=demo.REPRESENTATIVE).exists()
    assert "sources" in {p.section for p in drafting.problems(waiting)}
    # Handed in, a report is kept as a PDF with its checksum.
    assert all(r.pdf and len(r.pdf_sha256) == 64 for r in Report.objects.filter(status__in=["accepted", "returned"]))


def test_the_demo_has_online_offers_in_every_state_and_a_granted_joint_offer_with_its_agreement_and_report():
    assert set(OnlineOffer.objects.values_list("status", flat=True)) == {"draft", "submitted", "withdrawn",
                                                                          "correction"}
    agreement = joint_agreement()
    online = agreement.offer.online
    partner = online.partners.get()
    main = User.objects.get(email=demo.REPRESENTATIVE)
    assert partner.confirmed_at and partner.confirmed_by == main
    assert Organization.objects.represented_by(main).filter(pk=partner.organization_id).exists()
    assert not Organization.objects.represented_by(main).filter(pk=online.organization_id).exists()
    assert online.status == "submitted" and online.versions.count() == 1
    assert online.competition.status == "results" and agreement.offer.awarded_amount == online.grant_amount
    # The agreement was drafted from the online offer (its rows copied) and signed; both offerers are its parties.
    assert agreement.status == "signed" and agreement.cost_lines.count() == online.cost_lines.count()
    assert len(agreement_document.parties(agreement)["offerers"]) == 2
    # It keeps the clauses it was sent for signature with; the agreement still being prepared shows the newer ones.
    assert agreement.clauses.number == 1 and "do uzupełnienia przez miasto" in agreement.clauses.text
    assert clauses.of(Agreement.objects.get(status="preparing")).number == 2
    report = agreement.reports.get()
    assert report.status == "draft" and report.results_description and report.due_on > timezone.localdate()
    assert report.results.filter(achieved_value__isnull=False).exists()
    assert not report.costs.filter(spent__gt=0).exists()  # part II still to be written


def test_the_main_demo_representative_reads_the_joint_offer_as_its_partner_and_writes_nothing(client):
    agreement = joint_agreement()
    report = agreement.reports.get()
    client.force_login(User.objects.get(email=demo.REPRESENTATIVE))
    mine = client.get(reverse("my_grants:index")).content.decode()
    assert reverse("my_grants:agreement", args=[agreement.pk]) in mine
    assert reverse("my_grants:offer", args=[agreement.offer.online_id]) in mine
    page = client.get(reverse("my_grants:agreement", args=[agreement.pk])).content.decode()
    assert "jako partner oferty wspólnej" in page and "Postanowienia umowy" in page
    assert reverse("my_grants:agreement_section", args=[agreement.pk, "rachunek"]) not in page
    page = client.get(reverse("my_grants:report", args=[report.pk])).content.decode()
    assert "jako partner oferty wspólnej" in page
    assert reverse("my_grants:report_submit", args=[report.pk]) not in page
    assert reverse("my_grants:report_section", args=[report.pk, "finansowe"]) not in page
    assert client.get(reverse("my_grants:report_section", args=[report.pk, "finansowe"])).status_code == 404
    assert client.get(reverse("my_grants:offer", args=[agreement.offer.online_id])).status_code == 200
