"""The committee at work (art. 15 ust. 2a–2f; docs/law.md#art-15-committee): the declaration of impartiality
that opens the offers, which offers each member sees, the formal assessment before the merit one, scoring
cards, averages and the ranking (the protocol: protocol.py).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.grants.committees.appointment import can_manage, offering_organizations, seat_of
from partnerstwo.grants.committees.models import CommitteeMember, ImpartialityDeclaration, Score
from partnerstwo.grants.competitions.models import Competition, Criterion
from partnerstwo.grants.offers.models import Offer

# Points are given in halves (e.g. 7.5): a product choice, not a legal rule.
SCORE_STEP = Decimal("0.5")
# The committee assesses offers after the offer period.
ASSESSMENT_STATUSES = {Competition.Status.CLOSED, Competition.Status.EVALUATION}

# "2026-2": all grounds of art. 24 § 1 pkt 1–7, § 2 and § 3 k.p.a. (2026-1 had pkt 1–3, part of 4 and § 3).
DECLARATION_VERSION = "2026-2"


def declaration_text() -> str:
    """The declaration each member signs, with the grounds of art. 24 k.p.a. (docs/law.md#art-15-impartiality).

    The brief states the rule, not the article's wording: the points below are our reading of art. 24 § 1
    pkt 1–7, § 2 and § 3 put to a committee member and an offer [unverified wording], to confirm with the
    city's legal office. A corrected text is a new DECLARATION_VERSION; each declaration keeps its own text.
    """
    return "\n".join(
        [
            _(
                "Oświadczam, że zgodnie z art. 15 ustawy o działalności pożytku publicznego i o wolontariacie "
                "do członków komisji konkursowej opiniujących oferty stosuje się przepisy Kodeksu postępowania "
                "administracyjnego (art. 24) o wyłączeniu pracownika. Nie będę opiniować oferty organizacji, "
                "wobec której:"
            ),
            _("1) jestem stroną albo pozostaję z nią w takim stosunku prawnym, że wynik oceny może oddziaływać "
              "na moje prawa lub obowiązki (art. 24 § 1 pkt 1);"),
            _("2) stroną jest mój małżonek albo mój krewny lub powinowaty do drugiego stopnia "
              "(art. 24 § 1 pkt 2);"),
            _("3) stroną jest osoba związana ze mną z tytułu przysposobienia, opieki lub kurateli "
              "(art. 24 § 1 pkt 3);"),
            _("4) byłem(-am) w tej sprawie świadkiem lub biegłym, jestem albo byłem(-am) przedstawicielem strony, "
              "albo przedstawicielem strony jest osoba wymieniona w pkt 2 lub 3 (art. 24 § 1 pkt 4);"),
            _("5) brałem(-am) udział w wydaniu rozstrzygnięcia, którego ta ocena dotyczy (art. 24 § 1 pkt 5);"),
            _("6) z powodu tej sprawy wszczęto przeciwko mnie dochodzenie służbowe, postępowanie dyscyplinarne "
              "lub karne (art. 24 § 1 pkt 6);"),
            _("7) stroną jest osoba pozostająca wobec mnie w stosunku nadrzędności służbowej "
              "(art. 24 § 1 pkt 7)."),
            _("Powody te trwają także po ustaniu małżeństwa, przysposobienia, opieki lub kurateli (art. 24 § 2)."),
            _(
                "Jeżeli zaistnieją okoliczności, które mogą wywołać wątpliwość co do mojej bezstronności, "
                "wskażę je poniżej i nie będę opiniować oferty tej organizacji (art. 24 § 3)."
            ),
            _(
                "Oświadczam także, że nie pozostaję z organizacjami składającymi oferty w stosunku prawnym ani "
                "faktycznym, który mógłby budzić wątpliwości co do mojej bezstronności, z wyjątkiem organizacji "
                "wskazanych poniżej."
            ),
        ]
    )


# --- The declaration and the offers a member sees ----------------------------------------------


@transaction.atomic
def sign_declaration(member: CommitteeMember, *, conflicts, explanation: str) -> ImpartialityDeclaration:
    declaration = ImpartialityDeclaration.objects.create(
        member=member, text_version=DECLARATION_VERSION, text=declaration_text(), conflict_explanation=explanation
    )
    declaration.conflicts.set(conflicts)
    declaration.organizations_shown.set(offering_organizations(member.competition))
    return declaration


@transaction.atomic
def amend_declaration(member: CommitteeMember, *, conflicts, explanation: str) -> ImpartialityDeclaration:
    """A new declaration over the organisations that offered since the member signed: earlier conflicts stay."""
    declaration = member.declaration
    declaration.conflicts.add(*conflicts)
    if explanation:
        declaration.conflict_explanation = "\n".join(filter(None, [declaration.conflict_explanation, explanation]))
    declaration.text_version = DECLARATION_VERSION
    declaration.text = declaration_text()
    declaration.amended_at = timezone.now()
    declaration.save(update_fields=["conflict_explanation", "text_version", "text", "amended_at"])
    declaration.organizations_shown.set(offering_organizations(member.competition))
    return declaration


def organizations_not_declared(member: CommitteeMember):
    """Organisations that offered after the member signed: their declaration does not cover them."""
    return offering_organizations(member.competition).exclude(pk__in=member.declaration.organizations_shown.all())


def access_refusal(member: CommitteeMember | None) -> str | None:
    """Why this member may see no offer now (suspended seat, no declaration, or one that misses a later
    offering organisation), or None."""
    if member is None:
        return None
    if member.suspended_at:
        return member.suspension_reason
    if not has_declared(member):
        return _("Najpierw podpisz oświadczenie o bezstronności.")
    if organizations_not_declared(member).exists():
        return _(
            "Od złożenia oświadczenia ofertę złożyły organizacje, których nie było wtedy na liście. "
            "Złóż oświadczenie o bezstronności także wobec nich, zanim zobaczysz oferty."
        )
    return None


def has_declared(member: CommitteeMember | None) -> bool:
    if member is None:
        return False
    try:
        return member.declaration is not None
    except ImpartialityDeclaration.DoesNotExist:
        return False


def conflicted_organization_ids(member: CommitteeMember) -> set[int]:
    return set(member.declaration.conflicts.values_list("pk", flat=True))


def hidden_organizations(user, competition: Competition) -> set[int]:
    """Organisations whose offers, scores and ranking this person never sees in this competition: those they
    declared a conflict with on their seat, also when they run the competition as an official."""
    seat = seat_of(user, competition)
    if not has_declared(seat):
        return set()
    return conflicted_organization_ids(seat)


def conflict_notice(count: int) -> str:
    """What a conflicted person reads where hidden offers would be (worded to need no plural forms)."""
    return _("Ukryte oferty organizacji, wobec których zgłosił(a) Pan(i) konflikt interesów: %(count)s.") % {
        "count": count
    }


def hidden_offer_count(competition: Competition, hidden: set[int]) -> int:
    return Offer.objects.filter(competition=competition, organization__in=hidden).count() if hidden else 0


def offers_for(user, competition: Competition, seat: CommitteeMember | None):
    """The offers this person may see: all for the officials running it; for a member, after the declaration,
    all but those of organisations they declared a conflict with. None means: sign the declaration first."""
    offers = Offer.objects.filter(competition=competition).select_related("organization")
    if seat is not None:
        if access_refusal(seat):
            return None
        return offers.exclude(organization__in=conflicted_organization_ids(seat))
    if can_manage(user, competition):
        return offers
    return offers.none()


# --- Formal assessment -------------------------------------------------------------------------


def formal_criteria(competition: Competition):
    return competition.criteria.filter(kind=Criterion.Kind.FORMAL)


def merit_criteria(competition: Competition):
    return competition.criteria.filter(kind=Criterion.Kind.MERIT)


def formal_assessment_complete(competition: Competition) -> bool:
    offers = Offer.objects.filter(competition=competition)
    return offers.exists() and not offers.filter(formal_status=Offer.Formal.PENDING).exists()


def assess_formally(offer: Offer, *, status: str, notes: str, checks: dict, by) -> None:
    offer.formal_status = status
    offer.formal_notes = notes
    offer.formal_checks = {str(key): bool(value) for key, value in checks.items()}
    offer.formal_assessed_at = timezone.now()
    offer.formal_assessed_by = by
    offer.save(update_fields=["formal_status", "formal_notes", "formal_checks", "formal_assessed_at",
                              "formal_assessed_by"])


# --- Scoring -----------------------------------------------------------------------------------


def scoring_refusal(competition: Competition, offer: Offer, seat: CommitteeMember | None) -> str | None:
    """Why this member may not score this offer now, or None."""
    if seat is None:
        return _("Oferty oceniają członkowie komisji.")
    if seat.role == CommitteeMember.Role.EXPERT:
        return _("Eksperci mają w komisji głos doradczy i nie przyznają punktów.")
    refusal = access_refusal(seat)
    if refusal:
        return refusal
    if offer.organization_id in conflicted_organization_ids(seat):
        return _("Zgłosił(a) Pan(i) konflikt interesów z tą organizacją.")
    if competition.status not in ASSESSMENT_STATUSES:
        return _("Ocena merytoryczna jest możliwa po zakończeniu naboru, przed ogłoszeniem wyników.")
    if not formal_assessment_complete(competition):
        return _("Ocena merytoryczna zaczyna się po zakończeniu oceny formalnej wszystkich ofert.")
    if offer.formal_status != Offer.Formal.PASSED:
        return _("Ocenie merytorycznej podlegają tylko oferty, które spełniły wymogi formalne.")
    return None


def card_scores(offer: Offer, member: CommitteeMember) -> dict[int, Score]:
    return {s.criterion_id: s for s in Score.objects.filter(offer=offer, member=member)}


def card_submitted(scores: dict[int, Score]) -> bool:
    return any(s.submitted_at for s in scores.values())


class ScoreError(ValueError):
    pass


def points_error(points: Decimal, criterion: Criterion) -> str | None:
    if points < 0 or points > criterion.max_points:
        return _("Podaj od 0 do %(max)s punktów.") % {"max": criterion.max_points}
    if points % SCORE_STEP:
        return _("Punkty podaje się w całości lub z połówką (np. 7,5).")
    return None


@transaction.atomic
def save_card(offer: Offer, member: CommitteeMember, entries: dict, *, submit: bool) -> None:
    """entries: {criterion: (points or None, justification)}. A score without justification is refused;
    a criterion left empty is kept for later unless the card is submitted."""
    refusal = scoring_refusal(offer.competition, offer, member)
    if refusal:
        raise ScoreError(refusal)
    existing = card_scores(offer, member)
    if card_submitted(existing):
        raise ScoreError(_("Karta oceny została już złożona."))
    now = timezone.now()
    for criterion, (points, justification) in entries.items():
        if points is None:
            if submit:
                raise ScoreError(_("Aby złożyć kartę, oceń wszystkie kryteria."))
            Score.objects.filter(offer=offer, member=member, criterion=criterion).delete()
            continue
        error = points_error(points, criterion)
        if error:
            raise ScoreError(error)
        if not justification.strip():
            raise ScoreError(_("Uzasadnij ocenę każdego kryterium."))
        Score.objects.update_or_create(
            offer=offer, member=member, criterion=criterion,
            defaults={"points": points, "justification": justification, "submitted_at": now if submit else None},
        )


# --- Averages, ranking and the proposed amounts ------------------------------------------------


@dataclass
class RankedOffer:
    offer_id: int
    average: Decimal | None
    cards: int = 0  # submitted cards of voting members that count in the average
    rank: int | None = None
    tied: bool = False
    offer: Offer | None = None  # read for the rows shown (attach_offers), not for every row of a large ranking


def counted_scores(offers):
    """The scores of these offers that the averages are made of (Score.objects.counted)."""
    return Score.objects.counted().filter(offer__in=offers)


def passed_offers(competition: Competition, *, hide_organizations=frozenset()):
    return (
        Offer.objects.filter(competition=competition, formal_status=Offer.Formal.PASSED)
        .exclude(organization__in=hide_organizations)
    )


def averages(offers) -> dict[int, tuple[Decimal, int]]:
    """{offer id: (average, cards)} of these offers that have counted cards, in one grouped query: the database
    sums each offer's counted points and counts its cards; the average of the members' card totals is the sum
    of their points over the number of cards."""
    return {
        offer_id: ((Decimal(points) / cards).quantize(Decimal("0.01")), cards)
        for offer_id, points, cards in counted_scores(offers).values("offer_id").order_by()
        .annotate(points=Sum("points"), cards=Count("member_id", distinct=True))
        .values_list("offer_id", "points", "cards")
        if cards
    }


def ranking(competition: Competition, *, hide_organizations=frozenset(), with_offers=True) -> list[RankedOffer]:
    """Offers that passed the formal assessment, by the average of the totals of submitted cards of voting
    members (experts excluded), highest first; offers with equal averages share a rank and are marked.
    hide_organizations: left out before places are given, so a conflicted reader cannot tell from a gap in
    the places where a hidden offer stood.

    Two queries whatever the size: the averages (one grouped query over the scores) and the offers'
    organisation names, which give the order within a tie; the places are then given to all offers here, so a
    page of the ranking (with_offers=False, then attach_offers on the rows shown) reads only the offers it
    shows."""
    passed = passed_offers(competition, hide_organizations=hide_organizations)
    found = averages(passed)
    rows = []
    for offer_id, organization_name in passed.order_by().values_list("pk", "organization__name"):
        average, cards = found.get(offer_id, (None, 0))
        rows.append((organization_name, RankedOffer(offer_id=offer_id, average=average, cards=cards)))
    rows.sort(key=lambda r: (r[1].average is None, -(r[1].average or 0), r[0], r[1].offer_id))
    rows = [row for _name, row in rows]
    previous = None
    for position, row in enumerate(rows, start=1):
        if row.average is None:
            continue
        if previous is not None and previous.average == row.average:
            row.rank = previous.rank
            row.tied = previous.tied = True
        else:
            row.rank = position
        previous = row
    if with_offers:
        attach_offers(rows)
    return rows


def attach_offers(rows) -> None:
    """Reads the offers (with their organisations) of these ranking rows in one query."""
    rows = list(rows)
    offers = Offer.objects.select_related("organization").in_bulk([row.offer_id for row in rows])
    for row in rows:
        row.offer = offers[row.offer_id]


def proposed_amount_error(offer: Offer, amount: Decimal) -> str | None:
    if amount < 0:
        return _("Kwota nie może być ujemna.")
    if amount > offer.requested_amount:
        return _("Proponowana kwota nie może przekraczać kwoty wnioskowanej (%(amount)s zł).") % {
            "amount": offer.requested_amount
        }
    return None
