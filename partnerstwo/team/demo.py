"""The advisory body of the demo: its rules, a past term and the current one with ten members (five NGO
representatives, three of the mayor, two of the City Council), one of whom left during the term.

The demo Team member (zespol@example.org) is the current term's secretary, so she runs the body's staff pages.
Dates follow the day the demo is loaded: the current term always includes today. Keyed by term number and
person, so running it twice creates nothing new.
"""

import datetime as dt

from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.organizations.models import Organization
from partnerstwo.team import terms
from partnerstwo.team.models import Body, Membership, Term

SECRETARY = "zespol@example.org"
DESCRIPTION = (
    "Zespół jest organem konsultacyjnym i doradczym Prezydenta Miasta w sprawach współpracy z organizacjami "
    "pozarządowymi. Opiniuje projekty uchwał i programów dotyczących organizacji, w tym roczny program "
    "współpracy, rekomenduje przedstawicieli organizacji do komisji konkursowych i monitoruje realizację "
    "programu współpracy.\n\nPosiedzenia Zespołu są jawne; protokoły publikujemy po ich przyjęciu."
)

R = Membership.Role
S = Membership.Represents
# (name, role, represents, organization (name in the demo directory), position, account e-mail)
CURRENT = [
    ("Anna Sokołowska", R.CO_CHAIR, S.ORGANIZATION, "Fundacja Pomocy Rodzinie „Przystań”", "", ""),
    ("Krzysztof Malinowski", R.CO_CHAIR, S.MAYOR, "", "zastępca dyrektora Departamentu Spraw Społecznych", ""),
    ("Małgorzata Kowalczyk", R.SECRETARY, S.ORGANIZATION, "Stowarzyszenie Seniorów „Złota Jesień” z Antoniuka", "",
     SECRETARY),
    ("Paweł Jankowski", R.MEMBER, S.ORGANIZATION, "Fundacja Edukacji Ekologicznej Podlasie", "", ""),
    ("Ewa Dąbrowska", R.MEMBER, S.ORGANIZATION, "Podlaskie Stowarzyszenie Pomocy Bezdomnym", "", ""),
    ("Marek Wróblewski", R.MEMBER, S.ORGANIZATION, "Klub Sportowy „Jaroszówka Biega”", "", ""),
    ("Joanna Kamińska", R.MEMBER, S.MAYOR, "", "Centrum Współpracy Organizacji Pozarządowych", ""),
    ("Tomasz Zieliński", R.MEMBER, S.MAYOR, "", "Departament Kultury, Promocji i Sportu", ""),
    ("Barbara Piotrowska", R.MEMBER, S.COUNCIL, "", "radna, Komisja Rodziny i Polityki Społecznej", ""),
    ("Grzegorz Lis", R.MEMBER, S.COUNCIL, "", "radny, Komisja Kultury", ""),
]
# Left after the first year; the council's seat passed to Grzegorz Lis (who joined that day).
LEFT = ("Robert Nowak", R.MEMBER, S.COUNCIL, "", "radny", "")
REPLACED_BY = "Grzegorz Lis"
PAST = [
    ("Halina Borowska", R.CHAIR, S.ORGANIZATION, "Stowarzyszenie Przyjaciół Osiedla Dojlidy", "", ""),
    ("Anna Sokołowska", R.MEMBER, S.ORGANIZATION, "Fundacja Pomocy Rodzinie „Przystań”", "", ""),
    ("Jan Wysocki", R.MEMBER, S.ORGANIZATION, "Fundacja Kultury Ulicznej „Bojary”", "", ""),
    ("Zofia Grabowska", R.SECRETARY, S.ORGANIZATION, "Stowarzyszenie Historyczne „Białystok Dawniej”", "", ""),
    ("Krzysztof Malinowski", R.MEMBER, S.MAYOR, "", "Departament Spraw Społecznych", ""),
    ("Adam Kowalewski", R.MEMBER, S.MAYOR, "", "Centrum Współpracy Organizacji Pozarządowych", ""),
    ("Irena Michalska", R.MEMBER, S.COUNCIL, "", "radna", ""),
]


def load(stdout, **options):
    body = Body.objects.the_body()
    if not body.resolution:
        body.description = DESCRIPTION
        body.resolution = "Uchwała Nr XII/144/15 Rady Miasta Białystok z dnia 28 września 2015 r."
        body.save()
    today = timezone.localdate()
    current_start = dt.date(today.year - 1, 1, 24)
    past_start = dt.date(today.year - 4, 1, 24)
    past = _term(body, 1, past_start, current_start - dt.timedelta(days=1), "Zarządzenie Nr 120/19 Prezydenta Miasta")
    current = _term(body, 2, current_start, terms.default_term_end(body, current_start),
                    "Zarządzenie Nr 45/23 Prezydenta Miasta")
    for row in PAST:
        _seat(past, row, joined_on=past.starts_on)
    change_day = current.starts_on.replace(year=current.starts_on.year + 1) - dt.timedelta(days=1)
    _seat(current, LEFT, joined_on=current.starts_on, left_on=change_day)
    for row in CURRENT:
        joined = change_day + dt.timedelta(days=1) if row[0] == REPLACED_BY else current.starts_on
        _seat(current, row, joined_on=joined)
    stdout.write(f"  kadencje: 2, członkostwa: {Membership.objects.filter(term__body=body).count()}")


def _term(body, number, starts_on, ends_on, appointed_by) -> Term:
    term = body.terms.filter(number=number).first()
    if term is None:
        term = terms.save_term(term=Term(body=body, number=number, starts_on=starts_on, ends_on=ends_on,
                                         appointed_by=appointed_by))
    return term


def _seat(term, row, *, joined_on, left_on=None) -> Membership:
    name, role, represents, organization, position, email = row
    found = term.memberships.filter(person_name=name).first()
    if found:
        return found
    seat = Membership(
        term=term, person_name=name, role=role, represents=represents, position=position, joined_on=joined_on,
        left_on=left_on, organization=Organization.objects.filter(name=organization).first() if organization else None,
    )
    if organization and seat.organization is None:  # the directory's demo was not loaded
        seat.represents, seat.position = S.MAYOR, organization
    has_account = User.objects.filter(email=email).exists()
    return terms.save_membership(membership=seat, account_email=email if has_account else "")
