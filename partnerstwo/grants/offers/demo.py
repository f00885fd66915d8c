"""Demo online offers: competitions that take them (with the call's rules) and offers in every state: a draft,
a submitted one, a withdrawn one and one under correction; and a joint offer (art. 14 ust. 2) in a competition
with published results, led by another organisation with the main demo representative's organisation as the
partner that confirmed it, granted in full (the agreements and reports demos take it on to a signed agreement and
a report being written). Idempotent: an offer of the same organisation in the same competition is left as it is.
Runs after the competitions and committees demos.
"""

import datetime as dt
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from partnerstwo.accounts.demo import PASSWORD
from partnerstwo.accounts.models import User
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers import submission
from partnerstwo.grants.offers.models import CostLine, Offer, OfferAction, OfferPartner, OfferResult, OnlineOffer
from partnerstwo.organizations.models import Organization, Representation

REPRESENTATIVE = "organizacja@example.org"
OFFICIAL = "urzednik@example.org"
RULES = {"accepts_online_offers": True, "max_grant": Decimal("40000"), "min_own_contribution_percent": Decimal("10"),
         "max_admin_percent": Decimal("10"), "allows_corrections": True}
# competition slug, title of the offer, the state to leave it in
OFFERS = [
    ("seniorzy-2027", "Spacery historyczne dla seniorów z Bojar", OnlineOffer.Status.DRAFT),
    ("seniorzy-2027", "Klub seniora na Dziesięcinach", OnlineOffer.Status.SUBMITTED),
    ("profilaktyka-uzaleznien-2027", "Warsztaty profilaktyczne w szkołach", OnlineOffer.Status.WITHDRAWN),
    ("zwierzeta-bezdomne-2027", "Domy tymczasowe dla kotów", OnlineOffer.Status.CORRECTION),
]

# The joint offer: the competition (with results), its title, and the costs the partner carries (V.C).
JOINT = ("kultura-na-osiedlach-2026", "Podwórkowe festyny sąsiedzkie – oferta wspólna", Decimal("6000"))


def fill(offer: OnlineOffer) -> None:
    """Every section filled and the sums right: 20 000 zł of costs, 18 000 zł of grant."""
    OnlineOffer.objects.filter(pk=offer.pk).update(
        description="Zadanie realizujemy w Białymstoku dla mieszkańców osiedla; odpowiada na potrzeby zgłoszone "
                    "w konsultacjach i uzupełnia program miejski.",
        results_description="Uczestnicy zyskują nowe umiejętności i kontakty; działania będą kontynuowane.",
        experience="Organizacja działa od 2012 r. i zrealizowała 14 zadań publicznych.",
        resources="Koordynator, trzech wolontariuszy, sala i sprzęt organizacji.",
        grant_amount=Decimal("18000"), own_financial=Decimal("1000"), own_non_financial=Decimal("1000"),
        payment=OnlineOffer.Payment.UNPAID, statements_accepted=True,
    )
    offer.refresh_from_db()
    workshops = OfferAction.objects.create(offer=offer, name="Zajęcia", target_group="mieszkańcy osiedla",
                                           starts_on=offer.task_start, ends_on=offer.task_end,
                                           description="Cotygodniowe zajęcia w grupach do 15 osób.")
    OfferAction.objects.create(offer=offer, name="Promocja", starts_on=offer.task_start,
                               ends_on=offer.task_start + dt.timedelta(days=30))
    OfferResult.objects.create(offer=offer, name="Uczestnicy zajęć", target_value=Decimal("60"), unit="osób",
                               monitoring="Listy obecności i ankiety.")
    CostLine.objects.create(offer=offer, action=workshops, name="Wynagrodzenie prowadzącego", unit="godzina",
                            unit_cost=Decimal("120"), units=Decimal("120"))
    CostLine.objects.create(offer=offer, action=workshops, name="Materiały", unit="komplet",
                            unit_cost=Decimal("40"), units=Decimal("100"))
    CostLine.objects.create(offer=offer, action=None, name="Obsługa księgowa", unit="miesiąc",
                            unit_cost=Decimal("400"), units=Decimal("4"))


def submit_in_time(offer: OnlineOffer, by: User) -> None:
    """A demo offer in a competition whose deadline has passed is submitted as it would have been before it."""
    competition = offer.competition
    before = competition.offer_deadline - dt.timedelta(days=2)
    if competition.status == Competition.Status.ACCEPTING:
        submission.submit(offer, by=by, expected_version=offer.version)
        return
    status = competition.status
    Competition.objects.filter(pk=competition.pk).update(status=Competition.Status.ACCEPTING)
    submission.submit(offer, by=by, expected_version=offer.version, now=before)
    Competition.objects.filter(pk=competition.pk).update(status=status)


def speaker(index: int, organization: Organization, main: User) -> User:
    """The main demo representative writes the draft for their own organisation; the other demo offers come from
    representatives of their own (oferty-2@example.org, …), so the main one keeps exactly their organisations."""
    if index == 0:
        return main
    user, created = User.objects.get_or_create(
        email=f"oferty-{index + 1}@example.org",
        defaults={"full_name": f"Przedstawiciel(ka) {index + 1}", "role": User.Role.REPRESENTATIVE},
    )
    if created:
        user.set_password(PASSWORD)
        user.save()
    Representation.objects.get_or_create(
        user=user, organization=organization,
        defaults={"status": Representation.Status.APPROVED, "role_in_organization": "prezes zarządu"},
    )
    return user


def load(stdout, **options):
    main = User.objects.filter(email=REPRESENTATIVE).first()
    official = User.objects.filter(email=OFFICIAL).first()
    own = Organization.objects.represented_by(main).order_by("name").first() if main else None
    if main is None or own is None:
        stdout.write("  no demo representative: online offers skipped")
        return
    others = list(Organization.objects.filter(is_published=True).exclude(pk=own.pk).order_by("name")[:3])
    organizations = [own, *others]
    if len(organizations) < len(OFFERS):
        return
    made = 0
    for index, ((slug, title, state), organization) in enumerate(zip(OFFERS, organizations, strict=True)):
        competition = Competition.objects.filter(slug=slug).first()
        if competition is None:
            continue
        Competition.objects.filter(pk=competition.pk).update(**RULES)
        competition.refresh_from_db()
        representative = speaker(index, organization, main)
        if OnlineOffer.objects.filter(competition=competition, organization=organization).exists():
            continue
        offer = OnlineOffer.objects.create(
            competition=competition, organization=organization, title=title, created_by=representative,
            updated_by=representative, contact_name=representative.full_name, contact_email=representative.email,
            task_start=competition.task_start, task_end=competition.task_end,
        )
        made += 1
        if state == OnlineOffer.Status.DRAFT:
            continue
        fill(offer)
        submit_in_time(offer, representative)
        offer.refresh_from_db()
        if state == OnlineOffer.Status.WITHDRAWN:
            submission.withdraw(offer, by=representative)
        elif state == OnlineOffer.Status.CORRECTION and official is not None:
            submission.request_correction(
                offer.received, sections=["sources"], by=official, deadline=timezone.now() + dt.timedelta(days=7),
                note="Wkład własny niefinansowy: opiszcie, z czego się składa, albo przenieście go do finansowego.",
            )
    made += joint(main, own)
    stdout.write(f"  online offers: {made} created")


def joint(main: User, own: Organization) -> int:
    """The joint offer, submitted before the deadline with its partner's confirmation and granted what it asked."""
    slug, title, partner_costs = JOINT
    competition = Competition.objects.filter(slug=slug, status=Competition.Status.RESULTS).first()
    if competition is None or OnlineOffer.objects.filter(competition=competition, partners__organization=own).exists():
        return 0
    lead = (Organization.objects.filter(is_published=True)
            .exclude(pk__in=Organization.objects.represented_by(main).values("pk"))
            .exclude(pk__in=Offer.objects.filter(competition=competition).values("organization"))
            .order_by("name").first())
    if lead is None:
        return 0
    Competition.objects.filter(pk=competition.pk).update(**RULES)
    competition.refresh_from_db()
    representative = speaker(len(OFFERS), lead, main)
    offer = OnlineOffer.objects.create(
        competition=competition, organization=lead, title=title, created_by=representative,
        updated_by=representative, contact_name=representative.full_name, contact_email=representative.email,
        task_start=competition.task_start, task_end=competition.task_end,
    )
    fill(offer)
    OnlineOffer.objects.filter(pk=offer.pk).update(partners_roles=(
        f"{lead.name} prowadzi zajęcia i rozlicza dotację; {own.name} organizuje festyny na swoim osiedlu i "
        f"ponosi ich koszty. Wobec urzędu oferentów reprezentuje {lead.name}."))
    partner = OfferPartner.objects.create(offer=offer, organization=own, cost_share=partner_costs)
    submission.confirm_partner(partner, by=main)
    OfferPartner.objects.filter(pk=partner.pk).update(confirmed_at=competition.offer_deadline - dt.timedelta(days=3))
    offer.refresh_from_db()
    submit_in_time(offer, representative)
    # The decision: the offer passed the formal check and was granted what it asked for.
    Offer.objects.filter(online=offer).update(formal_status=Offer.Formal.PASSED, awarded_amount=F("requested_amount"))
    return 1
