"""The indicators' numbers are the numbers of the lists they come from: each test counts the public list (its own
filter, or the figure the page shows) and compares it with the measure."""

from decimal import Decimal

import pytest
from django.utils import timezone

from partnerstwo.consultations.tests import factories as consultations
from partnerstwo.grants.competitions.filters import CompetitionFilterForm
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.organizations.forms import DirectoryForm
from partnerstwo.organizations.models import Organization
from partnerstwo.programme import indicators
from partnerstwo.programme.tests import monitoring_factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def year():
    return timezone.localdate().year


def test_competitions_are_those_the_competitions_list_shows_for_the_year(client, department_x, year):
    f.year_of_grants(department_x, year, competitions=3)
    f.year_of_grants(department_x, year - 1, competitions=2)
    computed = indicators.compute("competitions", [year - 1, year])
    for y in (year - 1, year):
        listed = CompetitionFilterForm({"rok": str(y)}).filter(Competition.objects.public()).count()
        assert computed[y] == listed
        page = client.get(indicators.MEASURES["competitions"].list_url(y))
        assert page.status_code == 200 and page.context["page_obj"].paginator.count == listed
    assert computed == {year - 1: 2, year: 3}


def test_funds_awarded_are_the_results_pages_total_and_the_share_is_against_planned(client, department_x, year):
    f.year_of_grants(department_x, year, competitions=2, offers=4)
    programme = f.programme(department_x, year=year)
    f.priority(programme, planned="12000")
    page = client.get(indicators.MEASURES["funds_awarded"].list_url(year))
    computed = indicators.compute("funds_awarded", [year], programme=programme)
    assert computed[year] == page.context["year_amount"] == Decimal("6000.00")
    assert indicators.compute("funds_planned", [year], programme=programme)[year] == Decimal("12000")
    assert indicators.compute("funds_awarded_share", [year], programme=programme)[year] == Decimal("50.00")
    # One of four offers of each competition was rejected formally.
    assert indicators.compute("rejected_formally_share", [year])[year] == Decimal("25.00")


def test_an_organisation_funded_again_is_counted_in_its_first_year_only(department_x, year):
    from partnerstwo.grants.tests import factories as grants

    old = grants.competition(department=department_x, status=Competition.Status.RESULTS, year=year - 1)
    new = grants.competition(department=department_x, status=Competition.Status.RESULTS, year=year)
    veteran = grants.offer(old, with_file=False, awarded_amount=Decimal("10")).organization
    grants.offer(new, veteran, with_file=False, awarded_amount=Decimal("10"))
    grants.offer(new, with_file=False, awarded_amount=Decimal("10"))
    grants.offer(new, with_file=False, awarded_amount=None)  # not granted: not funded
    assert indicators.compute("first_funded", [year - 1, year]) == {year - 1: 1, year: 1}


def test_consultations_are_those_the_consultations_list_shows_for_the_year(client, department_x, official_x, year):
    consultations.consultation(department_x, by=official_x, title="A")
    consultations.consultation(department_x, by=official_x, title="B", starts=-40)
    consultations.consultation(department_x, by=official_x, title="C", announced=False)
    response = client.get(indicators.MEASURES["consultations"].list_url(year))
    listed = sum(group["page_obj"].paginator.count for group in response.context["groups"])
    assert indicators.compute("consultations", [year])[year] == listed == 2


def test_organisations_with_a_report_are_those_the_directory_filters_by_report_year(department_x, year):
    f.annual_reports(year - 1, 3)
    hidden = Organization.objects.get(pk=Organization.objects.order_by("pk").first().pk)
    hidden.is_published = False
    hidden.save(update_fields=["is_published"])
    listed = DirectoryForm({"raport": str(year - 1)}).filter(Organization.objects.public()).count()
    assert indicators.compute("organizations_with_report", [year - 1])[year - 1] == listed == 2
    directory = DirectoryForm({}).filter(Organization.objects.public()).count()
    assert indicators.compute("organizations", [year])[year] == directory


def test_every_measure_counts_on_an_empty_database_and_names_a_list_that_opens(client, department_x, year):
    programme = f.programme(department_x, year=year)
    for key, measure in indicators.MEASURES.items():
        values = indicators.compute(key, [year - 1, year], programme=programme)
        assert all(value == 0 for value in values.values()), key
        if measure.list_name:
            assert client.get(measure.list_url(year)).status_code == 200, key


def test_trainings_held_and_their_confirmed_participants_are_counted_by_the_year_of_the_date(year):
    from partnerstwo.events.models import EventKind, Registration
    from partnerstwo.events.tests import factories as events

    held = events.event(kind=EventKind.TRAINING, starts_at=events.local(year, 3, 10, 10))
    last_year = events.event(kind=EventKind.TRAINING, starts_at=events.local(year - 1, 12, 31, 23))
    events.event(kind=EventKind.TRAINING, starts_at=events.in_days(5))  # not yet held
    events.event(kind=EventKind.MEETING, starts_at=events.local(year, 2, 1, 10))  # not a training
    for _n in range(3):
        events.registration(events.occurrence(held))
    events.registration(events.occurrence(held), status=Registration.Status.CANCELLED)
    events.registration(events.occurrence(last_year))
    assert indicators.compute("trainings", [year - 1, year]) == {year - 1: 1, year: 1}
    assert indicators.compute("training_participants", [year - 1, year]) == {year - 1: 1, year: 3}
