"""The protocol of the committee's work (art. 15; docs/law.md#art-15-committee): its page and its document.

The page shows the members, their declarations and the formal assessment (a page of offers at a time), and
links to the ranking and to each offer's page, where that offer's scoring cards are: it reads what it shows,
not every card of every member. The whole protocol, with every card, is a document (a tagged PDF) that the
worker makes (tasks.build_protocol) when it is first asked for, and again whenever the committee's data change
after it was made (manage.py refresh_committee_protocols, every minute). Each file is stored under the digest
of what it was made from (`state`): a copy made before a change is never served as current, it is made again.

A large competition's document comes in parts of PART_OFFERS offers' cards each: the first part also holds the
members, the declarations and the formal assessment, the last the ranking and the signatures. A part is a few
hundred pages that WeasyPrint lays out in a minute or two with bounded memory; a single document of 2,000 offers
(about 4,000 pages) would hold the worker for half an hour and take gigabytes (docs/performance.md).

A reader who declared a conflict with an organisation reads a protocol without its offers, cards and ranking
rows (as everywhere else), which is a document of its own (a `variant` of the hidden organisations).
"""

import datetime as dt
import functools
import hashlib
import math
from collections import defaultdict

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db.models import Count, Max, Prefetch, Q, Sum, TextField
from django.db.models.functions import Cast
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation

from partnerstwo.grants.committees import evaluation
from partnerstwo.grants.committees.models import CommitteeMember, ImpartialityDeclaration, Score
from partnerstwo.grants.committees.stored_protocols import FOLDER, stored_files
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.private_storage import private_storage
from partnerstwo.lib.pdf import tagged_pdf
from partnerstwo.organizations.models import Organization

# Offers whose cards one part of the document holds (a product choice: about 300 A4 pages at 7 members).
PART_OFFERS = 150
# How long a request that queued a part keeps others from queueing it again: a part takes the worker a few
# minutes, so a part lost with a stopped worker is queued again by the next reader after this; a part queued
# twice is made once (the second run finds it stored).
QUEUED_SECONDS = 900
# A stale stored protocol is made again by the scheduler at most this often, so a committee scoring all day
# does not keep the worker busy with a document nobody reads between two cards.
REFRESH_MINUTES = 15
# After the results, the scheduler keeps stored protocols current for this long; later a change (rare) is
# still caught when the protocol is asked for.
REFRESH_DAYS_AFTER_RESULTS = 60
DOCUMENT_TEMPLATES = (
    "grants/committees/protocol_pdf.html",
    "grants/committees/_protocol.html",
    "grants/committees/_protocol_members.html",
    "grants/committees/_protocol_formal.html",
    "grants/committees/_card.html",
    "grants/committees/_ranking.html",
)


# --- What the protocol shows -------------------------------------------------------------------


def members(competition: Competition) -> list[CommitteeMember]:
    """The committee with the declarations and their conflicts (three queries); each with `signed`."""
    seats = list(
        CommitteeMember.objects.filter(competition=competition)
        .select_related("user", "nominated_by", "declaration")
        .prefetch_related(Prefetch("declaration__conflicts", queryset=Organization.objects.order_by("name")))
    )
    for seat in seats:
        seat.signed = evaluation.has_declared(seat)
    return seats


def offers(competition: Competition, hidden=frozenset()):
    """The offers the protocol lists, in its order (organisation, title)."""
    return (
        Offer.objects.filter(competition=competition).exclude(organization__in=hidden)
        .select_related("organization").order_by("organization__name", "title", "pk")
    )


def scored_offers(competition: Competition, hidden=frozenset()):
    """The offers that passed the formal assessment: the ones with scoring cards, split into parts."""
    return offers(competition, hidden).filter(formal_status=Offer.Formal.PASSED)


def part_count(competition: Competition, hidden=frozenset()) -> int:
    return max(1, math.ceil(scored_offers(competition, hidden).count() / PART_OFFERS))


def with_checklists(listed, formal) -> list[Offer]:
    listed = list(listed)
    for offer in listed:
        offer.checklist = [(c, offer.formal_checks.get(str(c.pk))) for c in formal]
    return listed


def cards(listed, seats, merit) -> list[dict]:
    """The submitted scoring cards of these offers (those that passed the formal assessment), offer by offer and
    member by member, in one query: {offer, member, rows: [(criterion, score)], total}."""
    listed = [offer for offer in listed if offer.formal_status == Offer.Formal.PASSED]
    scores = defaultdict(dict)  # (offer id, member id) -> {criterion id: score}
    for score in Score.objects.filter(offer__in=[offer.pk for offer in listed], submitted_at__isnull=False):
        scores[(score.offer_id, score.member_id)][score.criterion_id] = score
    found = []
    for offer in listed:
        for seat in seats:
            card = scores.get((offer.pk, seat.pk))
            if card:
                found.append({
                    "offer": offer,
                    "member": seat,
                    "rows": [(c, card.get(c.pk)) for c in merit],
                    "total": sum(s.points for s in card.values()),
                })
    return found


def offer_cards(offer: Offer, *, besides: CommitteeMember | None = None) -> list[dict]:
    """Every submitted card of one offer, as the protocol prints them (the offer's page shows them); `besides`:
    the reader's own seat, whose card the page already shows as theirs, above the others."""
    seats = CommitteeMember.objects.filter(competition=offer.competition_id).select_related("user")
    if besides is not None:
        seats = seats.exclude(pk=besides.pk)
    seats = list(seats)
    return cards([offer], seats, list(evaluation.merit_criteria(offer.competition)))


def hidden_notice(competition: Competition, hidden) -> str:
    count = evaluation.hidden_offer_count(competition, hidden)
    return evaluation.conflict_notice(count) if count else ""


def page(competition: Competition, hidden=frozenset()) -> dict:
    """What the protocol's page shows whatever the competition's size; the view adds the page of offers
    (`formal_page`, with_checklists) to it."""
    return {
        "competition": competition,
        "members": members(competition),
        "formal_criteria": list(evaluation.formal_criteria(competition)),
        "hidden_notice": hidden_notice(competition, hidden),
        "parts": range(1, part_count(competition, hidden) + 1),
        "part_offers": PART_OFFERS,
        "formal_complete": evaluation.formal_assessment_complete(competition),
        "declaration_version": evaluation.DECLARATION_VERSION,
    }


def document(competition: Competition, *, hidden=frozenset(), part: int = 1, parts: int = 1) -> dict:
    """Everything part `part` of `parts` of the protocol shows, in a constant number of queries: the first part
    the members, declarations and formal assessment, each part the cards of its PART_OFFERS offers, the last
    the ranking and the signatures; a protocol of one part shows it all.
    hidden: for a reader who declared a conflict, those organisations' offers, cards and ranking rows are left
    out, as offers_for leaves them out everywhere else, and only their number is given."""
    seats = members(competition)
    formal = list(evaluation.formal_criteria(competition))
    merit = list(evaluation.merit_criteria(competition))
    start = (part - 1) * PART_OFFERS
    carded = with_checklists(scored_offers(competition, hidden)[start:start + PART_OFFERS], formal)
    first, last = part == 1, part == parts
    return {
        "competition": competition,
        "members": seats,
        "offers": with_checklists(offers(competition, hidden), formal) if first else [],
        "formal_criteria": formal,
        "merit_criteria": merit,
        "cards": cards(carded, seats, merit),
        "ranking": evaluation.ranking(competition, hide_organizations=hidden) if last else [],
        "hidden_notice": hidden_notice(competition, hidden),
        "generated_at": timezone.now(),
        "declaration_version": evaluation.DECLARATION_VERSION,
        "part": part,
        "parts": parts,
        "part_first": start + 1,
        "part_last": start + len(carded),
        "first_part": first,
        "last_part": last,
        "part_offers": PART_OFFERS,
    }


def html(context) -> str:
    """The standalone document the PDF is printed from."""
    return render_to_string("grants/committees/protocol_pdf.html", context)


def pdf(context) -> bytes:
    return tagged_pdf(html(context))


# --- The stored document -----------------------------------------------------------------------


def variant(hidden) -> str:
    """The name of the protocol as a reader with these hidden organisations reads it ("full": nothing hidden)."""
    if not hidden:
        return "full"
    return "h" + hashlib.sha256(",".join(map(str, sorted(hidden))).encode()).hexdigest()[:12]


@functools.cache
def templates_digest() -> str:
    """The document's templates: a changed layout makes every stored protocol stale."""
    return hashlib.sha256("".join(get_template(name).template.source for name in DOCUMENT_TEMPLATES).encode()
                          ).hexdigest()


def state(competition: Competition, hidden=frozenset()) -> str:
    """A digest of everything the document is made from, in six queries whatever the size (the scores are summed
    up by the database)."""
    seats = (
        CommitteeMember.objects.filter(competition=competition).order_by("pk")
        .values_list("pk", "name", "user__full_name", "user__email", "role", "is_chair", "nominated_by__name",
                     "suspended_at", "suspension_reason", "declaration__signed_at", "declaration__amended_at",
                     "declaration__text_version", "declaration__conflict_explanation")
    )
    conflicts = (
        ImpartialityDeclaration.conflicts.through.objects.filter(impartialitydeclaration__member__competition=competition)
        .order_by("impartialitydeclaration_id", "organization_id")
        .values_list("impartialitydeclaration_id", "organization_id", "organization__name")
    )
    listed = (
        offers(competition, hidden).order_by("pk")
        .annotate(checks=Cast("formal_checks", TextField()))  # as stored: no JSON decoded for each offer
        .values_list("pk", "title", "organization__name", "requested_amount", "formal_status", "formal_notes",
                     "checks", "proposed_amount")
    )
    criteria = competition.criteria.order_by("pk").values_list("pk", "kind", "name", "max_points", "order")
    # A submitted card no longer changes (evaluation.save_card), so its scores' number, sum and latest change
    # (updated_at follows every save) stand for them without reading each justification.
    scores = Score.objects.filter(offer__competition=competition, submitted_at__isnull=False).aggregate(
        count=Count("pk"), points=Sum("points"), changed=Max("updated_at"), submitted=Max("submitted_at"),
        last=Max("pk"),
    )
    made_from = (
        templates_digest(), evaluation.DECLARATION_VERSION, PART_OFFERS, translation.get_language(),
        competition.pk, competition.title, competition.reference, competition.status, str(competition.department),
        sorted(hidden), evaluation.hidden_offer_count(competition, hidden),
        list(seats), list(conflicts), list(listed), list(criteria), sorted(scores.items()),
    )
    return hashlib.sha256(repr(made_from).encode()).hexdigest()[:16]


def stored_name(competition: Competition, hidden, digest: str, part: int, language: str | None = None) -> str:
    language = (language or translation.get_language() or "pl").lower()
    return f"{FOLDER}/{competition.pk}/{variant(hidden)}-{language}-{digest}-{part}.pdf"


def part_or_queue(competition: Competition, hidden, part: int) -> str | None:
    """The stored file of this part of the protocol as it is now; otherwise every part not made yet is queued
    for the worker (once) and None is returned, so a request never waits for WeasyPrint. With the immediate
    backend (tests) the parts are made at once."""
    from partnerstwo.grants.committees.tasks import build_protocol

    digest = state(competition, hidden)
    name = stored_name(competition, hidden, digest, part)
    if private_storage.exists(name):
        return name
    language = translation.get_language()
    for number in range(1, part_count(competition, hidden) + 1):
        missing = stored_name(competition, hidden, digest, number)
        if not private_storage.exists(missing) and cache.add(f"committee-protocol-queued:{missing}", True,
                                                            QUEUED_SECONDS):
            build_protocol.enqueue(competition.pk, sorted(hidden), language, number)
    return name if private_storage.exists(name) else None


def make(competition_id: int, hidden: list[int], language: str, part: int) -> str | None:
    """Makes one part of the protocol as its data are now and stores it (the task's work); older copies of this
    reader's protocol are removed. Nothing is stored when the data changed while they were read."""
    competition = Competition.objects.select_related("department").filter(pk=competition_id).first()
    if competition is None:
        return None
    hidden = frozenset(hidden)
    with translation.override(language):
        digest = state(competition, hidden)
        parts = part_count(competition, hidden)
        name = stored_name(competition, hidden, digest, part)
        if part > parts or private_storage.exists(name):
            return name if part <= parts else None
        context = document(competition, hidden=hidden, part=part, parts=parts)
        if state(competition, hidden) != digest:
            return None  # changed meanwhile: the next reader (or the scheduler) queues it as it is then
        content = pdf(context)
    if not private_storage.exists(name):
        private_storage.save(name, ContentFile(content))
    remove_superseded(competition, hidden, language, digest)
    return name


def remove_superseded(competition: Competition, hidden, language: str, digest: str) -> None:
    """Deletes this reader's stored copies made from older data (they are never served again)."""
    for file in stored_files(competition.pk):
        if file["variant"] == variant(hidden) and file["language"] == language.lower() and file["digest"] != digest:
            private_storage.delete(file["name"])


def refresh(now: dt.datetime | None = None) -> int:
    """Queues again every stored protocol (each reader's variant and language) whose data changed since it was
    made, for the competitions whose committee works or published results lately; at most every REFRESH_MINUTES
    per protocol. Returns how many parts were queued."""
    from partnerstwo.grants.committees.tasks import build_protocol

    if not private_storage.exists(FOLDER):
        return 0
    now = now or timezone.now()
    ids = [int(folder) for folder in private_storage.listdir(FOLDER)[0] if folder.isdigit()]
    recently = now - dt.timedelta(days=REFRESH_DAYS_AFTER_RESULTS)
    competitions = Competition.objects.filter(pk__in=ids).filter(
        Q(status__in=evaluation.ASSESSMENT_STATUSES)
        | Q(status=Competition.Status.RESULTS, results_published_at__gte=recently)
    ).select_related("department")
    queued = 0
    for competition in competitions:
        made = {(file["variant"], file["language"]) for file in stored_files(competition.pk)}
        # The readers' variants: nothing hidden, or what one member declared a conflict with.
        readers = {frozenset()} | {
            frozenset(seat.declaration.conflicts.values_list("pk", flat=True))
            for seat in CommitteeMember.objects.filter(competition=competition, declaration__isnull=False)
            .select_related("declaration")
        }
        for hidden in readers:
            for language in sorted(lang for kind, lang in made if kind == variant(hidden)):
                with translation.override(language):
                    digest = state(competition, hidden)
                    missing = [
                        number for number in range(1, part_count(competition, hidden) + 1)
                        if not private_storage.exists(stored_name(competition, hidden, digest, number))
                    ]
                if not missing or not cache.add(
                    f"committee-protocol-refresh:{competition.pk}:{variant(hidden)}:{language}", True,
                    REFRESH_MINUTES * 60,
                ):
                    continue
                for number in missing:
                    name = stored_name(competition, hidden, digest, number, language)
                    if cache.add(f"committee-protocol-queued:{name}", True, QUEUED_SECONDS):
                        build_protocol.enqueue(competition.pk, sorted(hidden), language, number)
                        queued += 1
    return queued
