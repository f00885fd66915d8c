"""Demo of a committee at work: one competition in evaluation, four offers, a committee of five with its chair,
declarations (one with a conflict), the formal assessment, scoring cards and proposed amounts.

Runs after the competitions demo and uses its competition in evaluation; creates a minimal one if it is missing.
Idempotent: people, seats, declarations and cards that exist are left as they are.
"""

import datetime as dt
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.utils import timezone

from partnerstwo.accounts.demo import PASSWORD
from partnerstwo.accounts.models import User
from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.grants.committees import evaluation
from partnerstwo.grants.committees.models import CommitteeMember, Nomination
from partnerstwo.grants.competitions.models import Competition, Criterion
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.schedule.models import Mode
from partnerstwo.organizations.models import Organization

SLUG = "bezdomnosc-2027"
DEPARTMENT = "Departament Spraw Społecznych"

# (e-mail, full name, role, chair)
MEMBERS = [
    ("komisja.przewodniczaca@example.org", "Agnieszka Sokołowska", CommitteeMember.Role.CITY, True),
    ("komisja.miasto@example.org", "Marek Dąbrowski", CommitteeMember.Role.CITY, False),
    ("zespol@example.org", "Małgorzata Kowalczyk", CommitteeMember.Role.NGO, False),
    ("komisja.organizacje@example.org", "Ewa Jabłońska", CommitteeMember.Role.NGO, False),
    ("komisja.ekspert@example.org", "dr Jan Kamiński", CommitteeMember.Role.EXPERT, False),
]
PENDING_CANDIDATE = ("kandydat.komisja@example.org", "Paweł Wróblewski")

OFFER_TITLES = [
    "Noclegownia zimowa z całodobowym dyżurem streetworkera",
    "Łaźnia i pralnia dla osób w kryzysie bezdomności",
    "Mieszkania treningowe – pierwszy krok do samodzielności",
    "Gorący posiłek i punkt ogrzewania na Dojlidach",
]
# Points per offer (by position) for each voting member's card, criterion by criterion.
CARDS = {
    0: [[9, 8, 9, 4.5, 5], [8, 8, 8.5, 4, 4.5], [9, 7.5, 9, 5, 5]],
    1: [[7, 6.5, 7, 3, 4], [7.5, 7, 6, 3.5, 4], [6, 7, 7, 3, 3.5], [7, 6, 6.5, 3, 4]],
    2: [[8, 9, 8, 4, 5], [8.5, 8, 9, 4.5, 4], [9, 8.5, 8, 4, 4.5], [8, 8, 8, 4, 4]],
}
JUSTIFICATIONS = [
    "Oferent ma doświadczenie w podobnych zadaniach i zaplecze lokalowe.",
    "Koszty są realne i odpowiadają zakresowi działań.",
    "Kadra ma kwalifikacje; opisano sposób dotarcia do odbiorców.",
    "Wkład osobowy wolontariuszy opisano rzetelnie.",
    "Wcześniejsze dotacje rozliczono terminowo.",
]


def person(email: str, full_name: str, role: str = User.Role.RESIDENT) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name, "role": role})
    if created:
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def competition_in_evaluation() -> Competition:
    found = Competition.objects.filter(slug=SLUG).first()
    if found is not None:
        return found
    today = timezone.localdate()
    competition = Competition.objects.create(
        slug=SLUG, title="Pomoc osobom w kryzysie bezdomności w 2027 roku", year=today.year + 1,
        department=Department.objects.get_or_create(name=DEPARTMENT)[0],
        sphere=PublicTaskSphere.objects.order_by("position").first(), mode=Mode.ENTRUSTING,
        status=Competition.Status.EVALUATION, task_type="Pomoc osobom w kryzysie bezdomności",
        public_funds=Decimal("560000"), award_rules="Dotacje przyznaje Prezydent Miasta po opinii komisji.",
        implementation_terms="Od 1 stycznia do 31 grudnia 2027 r.", task_start=dt.date(today.year + 1, 1, 1),
        task_end=dt.date(today.year + 1, 12, 31), offer_deadline=timezone.now() - dt.timedelta(days=20),
        procedure_and_criteria="Ocena formalna, następnie merytoryczna (art. 15 ust. 1).",
        decision_date=today + dt.timedelta(days=14), eligibility="Organizacje pozarządowe i podmioty z art. 3 ust. 3.",
        submission_info="Kancelaria Urzędu Miejskiego, ul. Słonimska 1.",
    )
    for order, (kind, name, points) in enumerate([
        ("formal", "Oferta złożona w terminie i na właściwym formularzu", 0),
        ("merit", "Możliwość realizacji zadania (art. 15 ust. 1 pkt 1)", 10),
        ("merit", "Kalkulacja kosztów (art. 15 ust. 1 pkt 2)", 10),
        ("merit", "Jakość wykonania i kwalifikacje osób (art. 15 ust. 1 pkt 3)", 10),
    ]):
        Criterion.objects.create(competition=competition, kind=kind, name=name, max_points=points, order=order)
    return competition


def four_offers(competition: Competition) -> list[Offer]:
    offers = list(Offer.objects.filter(competition=competition).select_related("organization").order_by("pk"))
    taken = {o.organization_id for o in offers}
    spare = Organization.objects.public().exclude(pk__in=taken).order_by("name")
    for index, organization in zip(range(len(offers), 4), spare, strict=False):
        offers.append(Offer.objects.create(
            competition=competition, organization=organization, title=OFFER_TITLES[index],
            requested_amount=Decimal(60000 + 15000 * index), received_on=timezone.localdate() - dt.timedelta(days=21),
        ))
    return offers[:4]


def appoint_committee(competition: Competition, offers: list[Offer]) -> list[CommitteeMember]:
    team = User.objects.filter(email="zespol@example.org").first()
    # NGO persons sit because organisations that do not offer here indicated them (art. 15; a database constraint).
    indicating = iter(
        Organization.objects.public().exclude(pk__in=[offer.organization_id for offer in offers]).order_by("pk")
    )
    seats = []
    for email, full_name, role, chair in MEMBERS:
        user = person(email, full_name, User.Role.TEAM_MEMBER if email == "zespol@example.org" else User.Role.RESIDENT)
        seat = CommitteeMember.objects.filter(competition=competition, user=user).first()
        indicated_by = next(indicating, None) if role == CommitteeMember.Role.NGO else None
        if seat is None and role == CommitteeMember.Role.NGO and indicated_by is None:
            continue  # no organisation left to indicate them
        if seat is None:
            if role == CommitteeMember.Role.NGO and email != "zespol@example.org":
                # Recommended by the advisory body, then appointed by the department
                # (docs/law.md#advisory-body-committee-nominations).
                Nomination.objects.get_or_create(
                    competition=competition, candidate=user,
                    defaults={"email": user.email, "nominated_by": team,
                              "justification": "Wieloletnia działaczka organizacji "
                              "pomagających osobom w kryzysie bezdomności; zna standardy usług.",
                              "status": Nomination.Status.APPOINTED},
                )
            seat = CommitteeMember.objects.create(
                competition=competition, user=user, name=str(user), role=role, is_chair=chair,
                nominated_by=indicated_by,
            )
        seats.append(seat)
    candidate = person(*PENDING_CANDIDATE)
    Nomination.objects.get_or_create(
        competition=competition, candidate=candidate,
        defaults={"email": candidate.email, "nominated_by": team,
                  "justification": "Koordynator wolontariatu, doświadczenie w pracy socjalnej."},
    )
    # An address without an account: the nominator was told the same as for any other, the official sees it here.
    Nomination.objects.get_or_create(
        competition=competition, email="nowa.kandydatka@example.org",
        defaults={"nominated_by": team, "justification": "Prowadzi grupę wsparcia; konto założy po zaproszeniu."},
    )
    for seat in seats:
        if evaluation.has_declared(seat):
            continue
        # One NGO member sits on the board of the first offer's organisation and declares it.
        conflict = seat.user.email == "zespol@example.org" and offers
        evaluation.sign_declaration(
            seat, conflicts=[offers[0].organization] if conflict else [],
            explanation="Jestem członkinią zarządu tej organizacji." if conflict else "",
        )
    return seats


def assess_and_score(competition: Competition, offers: list[Offer], seats: list[CommitteeMember]) -> int:
    chair = seats[0]
    for index, offer in enumerate(offers):
        if offer.formal_status != Offer.Formal.PENDING:
            continue
        checks = {c.pk: index != 3 for c in evaluation.formal_criteria(competition)}
        evaluation.assess_formally(
            offer, status=Offer.Formal.REJECTED if index == 3 else Offer.Formal.PASSED,
            notes="Oferta wpłynęła po terminie." if index == 3 else "", checks=checks, by=chair.user,
        )
    merit = list(evaluation.merit_criteria(competition))
    cards = 0
    voters = [s for s in seats if s.role != CommitteeMember.Role.EXPERT]
    for index, offer in enumerate(offers[:3]):
        offer.refresh_from_db()
        scorers = [s for s in voters if evaluation.scoring_refusal(competition, offer, s) is None]
        for seat, points in zip(scorers, CARDS[index], strict=False):
            if evaluation.card_scores(offer, seat):
                continue
            entries = {c: (Decimal(str(p)), JUSTIFICATIONS[n % len(JUSTIFICATIONS)])
                       for n, (c, p) in enumerate(zip(merit, points, strict=False))}
            entries = {c: value for c, value in entries.items() if value[0] <= c.max_points}
            evaluation.save_card(offer, seat, entries, submit=len(entries) == len(merit))
            cards += 1
    # The chair proposes amounts for the two best offers: 90% of what they asked for.
    for row in evaluation.ranking(competition):
        if row.rank and row.rank <= 2 and row.offer.proposed_amount is None:
            Offer.objects.filter(pk=row.offer.pk).update(proposed_amount=row.offer.requested_amount * Decimal("0.9"))
    return cards


def load(stdout, **options):
    competition = competition_in_evaluation()
    if competition.status != Competition.Status.EVALUATION:
        stdout.write("  komisje: konkurs nie jest w ocenie – pominięto")
        return
    offers = four_offers(competition)
    seats = appoint_committee(competition, offers)
    cards = assess_and_score(competition, offers, seats)
    stdout.write(
        f"  komisja konkursu „{competition.title}”: {len(seats)} osób, {len(offers)} oferty, nowe karty: {cards}; "
        f"logowanie członków: {', '.join(m[0] for m in MEMBERS)} (hasło {PASSWORD})"
    )
