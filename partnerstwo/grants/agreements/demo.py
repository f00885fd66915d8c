"""Demo agreements on the granted offers of the 2026 competitions with published results: signed ones (their
tasks over, so that their reports show), one of the main demo representative's organisation waiting for the cost
table updated after a lower grant, and the joint online offer's (offers/demo.py), whose partner is the main demo
representative's organisation. The other offers were registered from paper, so the organisation's table is written
here as the representative would type it. The city's clauses are a placeholder marked as the city's text to fill
in: version 1 before the agreements are sent for signature (they keep it), version 2 after. Idempotent: an offer
with an agreement is left as it is. Runs after the competitions and online offers demos; the reports demo
(reports/demo.py) follows.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from partnerstwo.accounts.demo import PASSWORD
from partnerstwo.accounts.models import User
from partnerstwo.grants.agreements import clauses, drafting
from partnerstwo.grants.agreements.models import (
    Agreement,
    AgreementAction,
    AgreementClauses,
    AgreementCostLine,
    AgreementResult,
)
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.organizations.models import Organization, Representation

REPRESENTATIVE = "organizacja@example.org"
OFFICIAL = "urzednik@example.org"
IBAN = "PL61109010140000071219812874"
# The main representative's own offers, added to the competitions' results: (competition, title, requested,
# granted, days since the task ended or None to leave the agreement waiting for the updated table).
OWN_OFFERS = [
    ("kultura-na-osiedlach-2026", "Pikniki sąsiedzkie na Bojarach", Decimal("24000"), Decimal("24000"), 60),
    ("niepelnosprawnosc-2026", "Klub wsparcia dla rodziców dzieci z niepełnosprawnościami", Decimal("30000"),
     Decimal("24000"), None),
]
# Of the competitions' own granted offers: how many days ago each task ended (its final report due 30 days on).
OTHERS = {"kultura-na-osiedlach-2026": [75, 40], "niepelnosprawnosc-2026": [-5]}
# The joint offer's task ended this long ago: its final report is being written, due in 20 days.
JOINT_ENDED_DAYS_AGO = 10

# Not the framework agreement's clauses, which the project does not have (docs/law.md#agreement-clauses): a
# placeholder that says so, for the city to replace.
CLAUSES_PLACEHOLDER = (
    "**Tekst do uzupełnienia przez miasto – to nie są postanowienia umowy.**\n\n"
    "W tym miejscu miasto wpisuje postanowienia umowy o realizację zadania publicznego w brzmieniu, które stosuje "
    "(ramowy wzór umowy z rozporządzenia w sprawie wzorów ofert i ramowych wzorów umów dotyczących realizacji zadań "
    "publicznych oraz wzorów sprawozdań z wykonania tych zadań, Dz. U. z 2018 r. poz. 2057). Serwis tego tekstu nie "
    "zawiera i go nie tworzy.\n\n"
    "## Jak wprowadzić tekst\n\n"
    "1. Administrator otwiera w panelu „Umowy dotacyjne”, a w nich „Postanowienia umowy dotacyjnej”.\n"
    "2. Wkleja tekst sprawdzony przez radcę prawnego; paragrafy jako śródtytuły, np. „## § 1.”.\n"
    "3. Zapisuje nową wersję: obowiązuje ona umowy, które nie zostały jeszcze przekazane do podpisu.\n"
)
CLAUSES_VERSION_2 = CLAUSES_PLACEHOLDER + (
    "\nWersja 2 (przykład): umowy przekazane do podpisu przed jej zapisaniem zachowują wersję 1.\n"
)
# Version 1 was written before the demo's agreements were sent for signature (a year and more back).
CLAUSES_VERSION_1_DAYS_AGO = 450


def fill(agreement: Agreement, grant: Decimal) -> None:
    """The schedule, results and cost table of a task whose costs are the grant plus 10% own contribution."""
    own = (grant / Decimal(9)).quantize(Decimal("1"))
    total = grant + own
    main = AgreementAction.objects.create(agreement=agreement, position=0, name="Zajęcia i spotkania",
                                          target_group="mieszkańcy osiedla", starts_on=agreement.task_start,
                                          ends_on=agreement.task_end,
                                          description="Cotygodniowe spotkania w grupach do 20 osób.")
    AgreementAction.objects.create(agreement=agreement, position=1, name="Promocja", starts_on=agreement.task_start,
                                   ends_on=agreement.task_start + dt.timedelta(days=30))
    AgreementResult.objects.create(agreement=agreement, position=0, name="Uczestnicy zajęć",
                                   target_value=Decimal("80"), unit="osób")
    AgreementResult.objects.create(agreement=agreement, position=1, name="Spotkania", target_value=Decimal("30"),
                                   unit="spotkań")
    admin = (total * Decimal("0.05")).quantize(Decimal("1"))
    materials = Decimal("2000")
    AgreementCostLine.objects.create(agreement=agreement, action=main, position=0, name="Wynagrodzenie prowadzących",
                                     unit="godzina", unit_cost=Decimal("100"),
                                     units=(total - admin - materials) / Decimal("100"))
    AgreementCostLine.objects.create(agreement=agreement, action=main, position=1, name="Materiały", unit="komplet",
                                     unit_cost=Decimal("40"), units=Decimal("50"))
    AgreementCostLine.objects.create(agreement=agreement, action=None, position=2, name="Obsługa księgowa",
                                     unit="usługa", unit_cost=admin, units=Decimal("1"))
    Agreement.objects.filter(pk=agreement.pk).update(own_financial=own)


def conclude(agreement: Agreement, representative: User, official: User, *, ended_days_ago: int) -> None:
    """The organisation's part, the signature, and the task's dates moved so that it ended `ended_days_ago`."""
    today = timezone.localdate()
    end = today - dt.timedelta(days=ended_days_ago)
    competition = agreement.competition
    start = max(competition.task_start, end - dt.timedelta(days=120))
    Agreement.objects.filter(pk=agreement.pk).update(task_start=start, task_end=min(end, competition.task_end),
                                                     organization_representatives="Prezes i skarbnik zarządu",
                                                     bank_account=IBAN, bank_name="Bank Przykładowy S.A.")
    agreement.refresh_from_db()
    agreement.actions.update(starts_on=agreement.task_start, ends_on=agreement.task_end)
    agreement = drafting.send_for_signature(agreement, by=representative, expected_version=agreement.version)
    drafting.record_signature(agreement, by=staff_for(competition, official), signed_on=today)
    signed_on = agreement.task_start - dt.timedelta(days=7)
    Agreement.objects.filter(pk=agreement.pk).update(
        signed_on=signed_on, ready_at=timezone.make_aware(dt.datetime.combine(signed_on, dt.time(10))))


def speaker_for(organization: Organization, main: User) -> User:
    """Whoever represents the organisation in the demo, or a demo representative made for it."""
    user = User.objects.filter(representations__organization=organization,
                               representations__status=Representation.Status.APPROVED).order_by("pk").first()
    if user:
        return user
    user, created = User.objects.get_or_create(
        email=f"umowy-{organization.pk}@example.org",
        defaults={"full_name": f"Przedstawiciel(ka) organizacji {organization.pk}", "role": User.Role.REPRESENTATIVE},
    )
    if created:
        user.set_password(PASSWORD)
        user.save()
    Representation.objects.get_or_create(user=user, organization=organization, defaults={
        "status": Representation.Status.APPROVED, "role_in_organization": "prezes zarządu"})
    return user


@transaction.atomic
def load(stdout, **options):
    main = User.objects.filter(email=REPRESENTATIVE).first()
    official = User.objects.filter(email=OFFICIAL).first()
    own = Organization.objects.represented_by(main).order_by("pk").first() if main else None
    if main is None or official is None or own is None:
        stdout.write("  no demo representative or official: agreements skipped")
        return
    administrator = User.objects.filter(role=User.Role.ADMINISTRATOR, is_active=True).order_by("pk").first()
    if administrator and not AgreementClauses.objects.exists():
        first = clauses.publish(text=CLAUSES_PLACEHOLDER, by=administrator, based_on=None,
                                note="Tekst zastępczy do uzupełnienia przez miasto.")
        AgreementClauses.objects.filter(pk=first.pk).update(
            created_at=timezone.now() - dt.timedelta(days=CLAUSES_VERSION_1_DAYS_AGO))
    made = 0
    for slug, title, requested, granted, ended in OWN_OFFERS:
        competition = Competition.objects.filter(slug=slug, status=Competition.Status.RESULTS).first()
        if competition is None:
            continue
        offer, _created = Offer.objects.get_or_create(
            competition=competition, organization=own, title=title,
            defaults={"requested_amount": requested, "awarded_amount": granted, "received_on": competition.
                      offer_deadline.date(), "formal_status": Offer.Formal.PASSED},
        )
        if hasattr(offer, "agreement"):
            continue
        agreement = draft(offer, official)
        made += 1
        # The table as in the offer: for the requested amount, so it must be updated after the lower grant.
        fill(agreement, requested if ended is None else granted)
        if ended is not None:
            conclude(agreement, main, official, ended_days_ago=ended)
    for slug, endings in OTHERS.items():
        offers = Offer.objects.filter(competition__slug=slug, competition__status=Competition.Status.RESULTS,
                                      awarded_amount__gt=0).exclude(organization=own).select_related("competition")
        for offer, ended in zip(offers.order_by("pk"), endings, strict=False):
            if Agreement.objects.filter(offer=offer).exists():
                continue
            agreement = draft(offer, official)
            made += 1
            fill(agreement, offer.awarded_amount)
            conclude(agreement, speaker_for(offer.organization, main), official, ended_days_ago=ended)
    joint = (Offer.objects.filter(online__partners__confirmed_at__isnull=False, agreement__isnull=True,
                                  competition__status=Competition.Status.RESULTS, awarded_amount__gt=0)
             .select_related("competition", "organization").distinct().first())
    if joint is not None:
        # Drafted from the online offer: its schedule, results and cost table are copied as they were offered.
        agreement = draft(joint, official)
        made += 1
        conclude(agreement, speaker_for(joint.organization, main), official, ended_days_ago=JOINT_ENDED_DAYS_AGO)
    latest = clauses.current()
    if administrator and latest and latest.number == 1:
        clauses.publish(text=CLAUSES_VERSION_2, by=administrator, based_on=1,
                        note="Przykład nowej wersji: umowy już przekazane do podpisu zachowują wersję 1.")
    stdout.write(f"  agreements: {made} created")


def staff_for(competition: Competition, official: User) -> User:
    """The demo official when the competition is their department's, otherwise an administrator."""
    if official.department_id == competition.department_id:
        return official
    return User.objects.filter(role=User.Role.ADMINISTRATOR, is_active=True).order_by("pk").first() or official


def draft(offer: Offer, official: User) -> Agreement:
    return drafting.draft(offer, by=staff_for(offer.competition, official), number=f"II.524.{offer.pk}.2026",
                          place="Białystok", city_representatives="Anna Nowak – Zastępczyni Prezydenta Miasta")
