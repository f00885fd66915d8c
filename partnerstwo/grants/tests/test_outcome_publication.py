"""The results (art. 15 ust. 2h) and the cancellation (art. 18a) are announced in the three places of art. 13 ust. 3:
the panel records the days, the public page shows them."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerstwo.grants.competitions import lifecycle
from partnerstwo.grants.competitions.models import Competition, OutcomePublication
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.tests.competition_factories import competition, today
from partnerstwo.organizations.tests import factories as directory

Status = Competition.Status
pytestmark = pytest.mark.django_db


def url(made):
    return reverse("panel:grants_panel:outcome_publication", args=[made.pk])


def with_results(department):
    made = competition(department, status=Status.EVALUATION, announced_on=today() - dt.timedelta(days=40),
                       deadline=timezone.now() - dt.timedelta(days=5))
    offer = Offer.objects.create(
        competition=made, organization=directory.organization("Fundacja Alfa", is_published=True),
        title="Klub seniora", requested_amount=Decimal("20000"), received_on=today() - dt.timedelta(days=6),
    )
    lifecycle.publish_results(made, note="Wybrano jedną ofertę.", amounts={offer.pk: Decimal("18000")})
    return made


def cancelled(department):
    made = competition(department, status=Status.CLOSED)
    lifecycle.cancel(made, ground="no_offers")
    return made


def dates(day=None, **other):
    day = (day or today()).isoformat()
    return {"bip_published_on": day, "notice_board_published_on": day, "website_published_on": day, **other}


def test_an_official_records_where_the_results_appeared_and_the_public_page_shows_it(client, official_x):
    made = with_results(official_x.department)
    client.force_login(official_x)
    page = client.get(url(made)).content.decode()
    assert "Publikacja wyników konkursu" in page and "art. 15 ust. 2h" in page
    response = client.post(url(made), dates(website_published_on=""))
    assert response.status_code == 302
    record = OutcomePublication.objects.get(competition=made)
    assert record.bip_published_on == today() and record.website_published_on is None
    assert record.recorded_by == official_x
    client.logout()
    public = client.get(made.get_absolute_url()).content.decode()
    assert "Wyniki ogłoszono:" in public
    assert "w Biuletynie Informacji Publicznej: <time" in public
    assert "na stronie internetowej urzędu: <span class=\"meta\">jeszcze nie podano" in public


def test_a_missing_date_is_added_later_and_the_record_stays_one(client, official_x):
    made = with_results(official_x.department)
    client.force_login(official_x)
    client.post(url(made), dates(website_published_on=""))
    client.post(url(made), dates())
    assert OutcomePublication.objects.get(competition=made).website_published_on == today()


def test_a_cancellation_is_recorded_with_its_own_words_and_shown_under_the_cancellation(client, official_x):
    made = cancelled(official_x.department)
    client.force_login(official_x)
    page = client.get(url(made)).content.decode()
    assert "Publikacja unieważnienia konkursu" in page and "art. 18a" in page
    assert client.post(url(made), dates()).status_code == 302
    client.logout()
    public = client.get(made.get_absolute_url()).content.decode()
    assert "Unieważnienie ogłoszono:" in public
    assert public.count("<time datetime=\"" + today().isoformat()) >= 3


def test_the_public_page_says_when_no_date_was_given_yet(client, department_x):
    made = cancelled(department_x)
    public = client.get(made.get_absolute_url()).content.decode()
    assert "nie zostały jeszcze podane" in public


# Built in the test, under its fixed clock, not at collection.
BAD_DATES = [
    (lambda: {"bip_published_on": "", "notice_board_published_on": "", "website_published_on": ""},
     "co najmniej jednym"),
    (lambda: dates(today() + dt.timedelta(days=1)), "najpóźniej dzisiaj"),
    (lambda: dates(today() - dt.timedelta(days=3)), "nie może być wcześniejsza"),
    (lambda: dates(website_published_on="7 grudnia"), "RRRR-MM-DD"),
    (lambda: dates(bip_published_on="9" * 100_000), "RRRR-MM-DD"),
]


@pytest.mark.parametrize("field_values, message", BAD_DATES)
def test_bad_dates_are_refused_next_to_their_field_and_nothing_is_saved(client, official_x, field_values, message):
    made = with_results(official_x.department)
    client.force_login(official_x)
    response = client.post(url(made), field_values())
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OutcomePublication.objects.exists()


def test_before_the_results_or_the_cancellation_nothing_can_be_recorded(client, official_x):
    made = competition(official_x.department, status=Status.EVALUATION)
    client.force_login(official_x)
    page = client.get(url(made)).content.decode()
    assert "po ogłoszeniu wyników albo unieważnieniu" in page
    assert client.post(url(made), dates()).status_code == 200
    assert not OutcomePublication.objects.exists()
    with pytest.raises(Exception, match="po ogłoszeniu wyników"):
        lifecycle.record_outcome_publication(made, dates={"bip_published_on": today()})


def test_access_role_by_role(client, official_x, official_y, administrator, team_member, representative_a, resident):
    made = with_results(official_x.department)
    expected = {official_x: 302, administrator: 302, official_y: 404, team_member: 403, representative_a: 403,
                resident: 403}
    for user, status in expected.items():
        client.force_login(user)
        assert client.post(url(made), dates()).status_code == status, user
    client.logout()
    assert client.post(url(made), dates()).status_code == 302  # to the login page
    assert OutcomePublication.objects.get().recorded_by == administrator


def test_the_panel_page_of_the_competition_links_the_record(client, official_x):
    made = with_results(official_x.department)
    client.force_login(official_x)
    page = client.get(reverse("panel:grants_panel:edit", args=[made.pk])).content.decode()
    assert url(made) in page and "Zapisz publikację wyników" in page
