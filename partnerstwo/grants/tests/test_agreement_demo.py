"""The demo agreements: signed ones and one waiting for the table updated after a lower grant; no duplicates on a
second run."""

import io

import pytest
from django.utils import timezone

from partnerstwo.accounts import demo as accounts_demo
from partnerstwo.city import demo as city_demo
from partnerstwo.events import demo as events_demo
from partnerstwo.grants.agreements import demo, drafting
from partnerstwo.grants.agreements.models import Agreement
from partnerstwo.grants.competitions import demo as demo_competitions
from partnerstwo.grants.reports import demo as reports_demo
from partnerstwo.grants.reports.models import Report
from partnerstwo.organizations import demo as organizations_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def load_demo():
    for module in (city_demo, accounts_demo, organizations_demo, events_demo, demo_competitions, demo,
                   reports_demo):
        module.load(io.StringIO())


def test_the_demo_has_signed_agreements_and_one_waiting_for_the_updated_table():
    load_demo()
    count = Agreement.objects.count()
    statuses = sorted(Report.objects.values_list("status", flat=True))
    demo.load(io.StringIO())
    reports_demo.load(io.StringIO())
    assert sorted(Report.objects.values_list("status", flat=True)) == statuses == [
        "accepted", "draft", "draft", "returned"]
    assert Report.objects.late(timezone.localdate()).count() == 1
    returned = Report.objects.get(status="returned")
    assert returned.agreement.organization.representations.filter(user__email=demo.REPRESENTATIVE).exists()
    assert Agreement.objects.count() == count == 5
    assert Agreement.objects.filter(status="signed").count() == 4
    waiting = Agreement.objects.get(status="preparing")
    assert waiting.is_lower_than_requested
    assert waiting.organization.representations.filter(user__email=demo.REPRESENTATIVE).exists()
    assert "sources" in {p.section for p in drafting.problems(waiting)}
