"""The demo agreements: signed ones and one waiting for the table updated after a lower grant; no duplicates on a
second run."""

import io

import pytest

from partnerstwo.accounts import demo as accounts_demo
from partnerstwo.city import demo as city_demo
from partnerstwo.events import demo as events_demo
from partnerstwo.grants.agreements import demo, drafting
from partnerstwo.grants.agreements.models import Agreement
from partnerstwo.grants.competitions import demo as demo_competitions
from partnerstwo.organizations import demo as organizations_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def load_demo():
    for module in (city_demo, accounts_demo, organizations_demo, events_demo, demo_competitions, demo):
        module.load(io.StringIO())


def test_the_demo_has_signed_agreements_and_one_waiting_for_the_updated_table():
    load_demo()
    count = Agreement.objects.count()
    demo.load(io.StringIO())
    assert Agreement.objects.count() == count == 5
    assert Agreement.objects.filter(status="signed").count() == 4
    waiting = Agreement.objects.get(status="preparing")
    assert waiting.is_lower_than_requested
    assert waiting.organization.representations.filter(user__email=demo.REPRESENTATIVE).exists()
    assert "sources" in {p.section for p in drafting.problems(waiting)}
