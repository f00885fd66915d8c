"""The share of NGO members (art. 41f: at least half) counted on one day and checked against the body's rule,
with the edges of the rule, and the term and seat rules that keep the history consistent."""

import pytest
from django.core.exceptions import ValidationError

from partnerstwo.team.body import terms
from partnerstwo.team.models import Membership, Term
from partnerstwo.team.tests import factories as f

pytestmark = pytest.mark.django_db

ORG = Membership.Represents.ORGANIZATION
MAYOR = Membership.Represents.MAYOR
COUNCIL = Membership.Represents.COUNCIL


def seats(term, ngo: int, city: int, council: int = 0):
    for n in range(ngo):
        f.seat(term, name=f"Organizacja {n}", represents=ORG)
    for n in range(city):
        f.seat(term, name=f"Prezydent {n}", represents=MAYOR)
    for n in range(council):
        f.seat(term, name=f"Rada {n}", represents=COUNCIL)


@pytest.mark.parametrize(("ngo", "city", "meets"), [(5, 5, True), (4, 5, False), (6, 4, True), (1, 1, True),
                                                     (0, 1, False)])
def test_at_least_half_of_the_members_must_represent_organisations(ngo, city, meets):
    term = f.term()
    seats(term, ngo, city)

    found = terms.composition(term)

    assert (found.members, found.organizations, found.meets_rule) == (ngo + city, ngo, meets)
    assert (terms.composition_warning(found) is None) is meets


def test_the_share_is_the_bodys_setting_and_is_compared_without_rounding():
    f.body(ngo_share_percent=67)
    term = f.term()
    seats(term, 2, 1)  # 66.7%: rounds to 67 but is less

    found = terms.composition(term)

    assert found.organizations_percent == 67 and not found.meets_rule
    assert "co najmniej 67%" in terms.composition_warning(found)


def test_the_warning_names_the_numbers_the_staff_must_correct():
    term = f.term()
    seats(term, 4, 3, 2)

    warning = terms.composition_warning(terms.composition(term))

    assert "4 z 9 członków (44%)" in warning and "art. 41f" in warning


def test_a_member_who_left_no_longer_counts():
    term = f.term()
    seats(term, 3, 3)
    f.seat(term, name="Odeszła", represents=ORG, left_on=f.days(-1))

    assert terms.composition(term).members == 6


def test_an_empty_term_is_a_warning_too():
    assert "nie ma żadnego członka" in terms.composition_warning(terms.composition(f.term()))


def test_a_past_term_is_counted_on_its_last_day():
    past = f.term(starts_on=f.days(-900), ends_on=f.days(-200))
    f.seat(past, name="Do końca", represents=ORG)
    f.seat(past, name="Odszedł wcześniej", represents=MAYOR, left_on=f.days(-300))

    found = terms.composition(past)

    assert found.day == past.ends_on and (found.members, found.organizations) == (1, 1)


def test_terms_of_the_body_may_not_share_a_day():
    current = f.term()
    overlapping = Term(body=current.body, number=9, starts_on=current.ends_on, ends_on=f.days(2000))

    with pytest.raises(ValidationError) as refused:
        terms.save_term(term=overlapping)

    assert "nakłada się na kadencję" in str(refused.value)
    terms.save_term(term=Term(body=current.body, number=9, starts_on=f.days(731), ends_on=f.days(2000)))


def test_a_term_ending_before_it_starts_and_a_repeated_number_are_refused():
    current = f.term()
    with pytest.raises(ValidationError):
        terms.save_term(term=Term(body=current.body, number=8, starts_on=f.days(900), ends_on=f.days(800)))
    with pytest.raises(ValidationError):
        terms.save_term(term=Term(body=current.body, number=current.number, starts_on=f.days(900),
                                  ends_on=f.days(1000)))


def test_a_terms_dates_cannot_leave_its_members_outside():
    term = f.term()
    f.seat(term, joined_on=term.starts_on)
    term.starts_on = f.days(-10)

    with pytest.raises(ValidationError, match="poza nowymi datami"):
        terms.save_term(term=term)


@pytest.mark.parametrize(("joined", "left", "field"), [(-400, None, "joined_on"), (0, 800, "left_on"),
                                                       (0, -5, "left_on")])
def test_a_seat_stays_within_its_term_and_its_dates_in_order(joined, left, field):
    term = f.term()
    seat = Membership(term=term, person_name="Ktoś", represents=MAYOR, joined_on=f.days(joined),
                      left_on=f.days(left) if left is not None else None)

    with pytest.raises(ValidationError) as refused:
        terms.save_membership(membership=seat)

    assert field in refused.value.error_dict


def test_an_ngo_representative_names_the_organisation_and_no_one_else_does():
    term = f.term()
    with pytest.raises(ValidationError):
        terms.save_membership(membership=Membership(term=term, person_name="A", represents=ORG,
                                                    joined_on=term.starts_on))
    with pytest.raises(ValidationError):
        terms.save_membership(membership=Membership(term=term, person_name="B", represents=MAYOR,
                                                    organization=f.organization(), joined_on=term.starts_on))


def test_the_default_end_of_a_term_follows_the_bodys_length():
    body = f.body(term_years=2)

    assert terms.default_term_end(body, f.today().replace(month=1, day=24)) == (
        f.today().replace(year=f.today().year + 2, month=1, day=23))
