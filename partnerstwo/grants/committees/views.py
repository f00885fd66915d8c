"""The members' area of competition committees: declaration, offers, assessment, scoring cards, protocol."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.grants.committees import appointment, evaluation, protocol
from partnerstwo.grants.committees.forms import (
    DeclarationForm,
    FormalAssessmentForm,
    NominationForm,
    ProposedAmountForm,
    ScoreCardForm,
)
from partnerstwo.grants.committees.models import CommitteeMember
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.private_storage import private_storage
from partnerstwo.lib.editorial.views import paginated
from partnerstwo.lib.ratelimit import hit
from partnerstwo.organizations.models import Organization

OFFERS_PER_PAGE = 50
RANKING_PER_PAGE = 50
PROTOCOL_OFFERS_PER_PAGE = 50
# A part of the protocol takes the worker up to a couple of minutes.
PROTOCOL_RETRY_SECONDS = 60


def committee_access(request, slug):
    """The competition, the user's seat on its committee and whether they run it; 404 for anyone else."""
    competition = get_object_or_404(Competition.objects.select_related("department"), slug=slug)
    seat = appointment.seat_of(request.user, competition)
    manager = appointment.can_manage(request.user, competition)
    if seat is None and not manager:
        raise Http404
    return competition, seat, manager


def visible_offer(request, competition, seat, pk):
    offers = evaluation.offers_for(request.user, competition, seat)
    if offers is None:
        return None
    return get_object_or_404(offers, pk=pk)


@login_required
def index(request):
    seats = (
        CommitteeMember.objects.filter(user=request.user)
        .select_related("competition", "competition__department", "declaration")
        .order_by("-competition__offer_deadline")
    )
    for seat in seats:
        seat.signed = evaluation.has_declared(seat)
    return render(request, "grants/committees/index.html", {"seats": seats})


@login_required
def competition(request, slug):
    competition, seat, manager = committee_access(request, slug)
    offers = evaluation.offers_for(request.user, competition, seat)
    # The offers a page at a time (a large competition has thousands); the ranking has its own page.
    page = paginated(request, offers.order_by("organization__name", "title", "pk"), OFFERS_PER_PAGE) if (
        offers is not None) else {}
    offers = list(page["items"]) if offers is not None else None
    hidden = evaluation.hidden_organizations(request.user, competition)
    hidden_count = evaluation.hidden_offer_count(competition, hidden) if offers is not None else 0
    if offers is not None and seat is not None:
        submitted = set(
            seat.scores.filter(submitted_at__isnull=False).values_list("offer_id", flat=True).distinct()
        )
        for offer in offers:
            offer.card_submitted = offer.pk in submitted
    members = list(competition.committee.select_related("user", "nominated_by"))
    return render(request, "grants/committees/competition.html", {
        **page,
        "competition": competition,
        "seat": seat,
        "manager": manager,
        "leads": appointment.is_chair_or_manager(request.user, competition, seat),
        "signed": evaluation.has_declared(seat),
        "refusal": evaluation.access_refusal(seat),
        "offers": offers,
        "members": members,
        "formal_complete": evaluation.formal_assessment_complete(competition),
        "hidden_notice": evaluation.conflict_notice(hidden_count) if hidden_count else "",
    })


@login_required
def ranking(request, slug):
    """The averages and the ranking, a page at a time: the places are given over all offers first."""
    competition, seat, manager = committee_access(request, slug)
    if evaluation.offers_for(request.user, competition, seat) is None:
        return redirect("grants:committee_competition", slug=competition.slug)  # it says why (declaration first)
    # A member who declared a conflict does not see those organisations' offers here either.
    hidden = evaluation.hidden_organizations(request.user, competition)
    formal_complete = evaluation.formal_assessment_complete(competition)
    page = {}
    if formal_complete:
        page = paginated(request, evaluation.ranking(competition, hide_organizations=hidden, with_offers=False),
                         RANKING_PER_PAGE)
        evaluation.attach_offers(page["items"])
    hidden_count = evaluation.hidden_offer_count(competition, hidden)
    return render(request, "grants/committees/ranking.html", {
        **page,
        "competition": competition,
        "formal_complete": formal_complete,
        "ranking": page.get("items", []),
        "hidden_notice": evaluation.conflict_notice(hidden_count) if hidden_count else "",
    })


@login_required
@require_http_methods(["GET", "POST"])
def declaration(request, slug):
    competition, seat, manager = committee_access(request, slug)
    if seat is None:
        raise Http404  # the officials running the competition sign nothing here
    context = {"competition": competition, "seat": seat}
    if seat.suspended_at:
        if request.method == "POST":
            raise PermissionDenied
        return render(request, "grants/committees/declaration.html", {**context, "suspended": True})
    declared = evaluation.has_declared(seat)
    if declared:
        context.update(declaration=seat.declaration, conflicts=seat.declaration.conflicts.order_by("name"))
        # Only organisations that offered after the signature still need a declaration.
        organizations = evaluation.organizations_not_declared(seat).order_by("name")
        if not organizations.exists():
            return render(request, "grants/committees/declaration.html", context)
    else:
        organizations = appointment.offering_organizations(competition).order_by("name")
    form = DeclarationForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        sign = evaluation.amend_declaration if declared else evaluation.sign_declaration
        sign(seat, conflicts=form.cleaned_data["conflicts"], explanation=form.cleaned_data["conflict_explanation"])
        messages.success(request, _("Oświadczenie zostało złożone."))
        return redirect("grants:committee_competition", slug=competition.slug)
    return render(request, "grants/committees/declaration.html", {
        **context, "form": form, "organizations": organizations, "refusal": evaluation.access_refusal(seat),
        "text": evaluation.declaration_text(), "version": evaluation.DECLARATION_VERSION,
    })


@login_required
@require_http_methods(["GET", "POST"])
def offer(request, slug, pk):
    competition, seat, manager = committee_access(request, slug)
    offer = visible_offer(request, competition, seat, pk)
    if offer is None:
        return redirect("grants:committee_declaration", slug=competition.slug)
    refusal = evaluation.scoring_refusal(competition, offer, seat) if seat else None
    form = scores = None
    if seat is not None and refusal is None:
        scores = evaluation.card_scores(offer, seat)
        if evaluation.card_submitted(scores):
            form = None
        else:
            criteria = evaluation.merit_criteria(competition)
            form = ScoreCardForm(request.POST or None, criteria=criteria, scores=scores)
            if request.method == "POST" and form.is_valid():
                submit = request.POST.get("action") == "submit"
                try:
                    evaluation.save_card(offer, seat, form.entries(), submit=submit)
                except evaluation.ScoreError as error:
                    form.add_error(None, str(error))
                else:
                    messages.success(request, _("Karta oceny została złożona.") if submit else _("Zapisano ocenę."))
                    return redirect("grants:committee_offer", slug=competition.slug, pk=offer.pk)
    elif request.method == "POST":
        raise PermissionDenied(refusal or "")
    merit = list(evaluation.merit_criteria(competition))
    return render(request, "grants/committees/offer.html", {
        # Every other member's submitted card of this offer, as the protocol prints them; the reader's own is
        # the scoring card above.
        "cards": protocol.offer_cards(offer, besides=seat),
        "competition": competition,
        "offer": offer,
        "seat": seat,
        "leads": appointment.is_chair_or_manager(request.user, competition, seat),
        "refusal": refusal,
        "form": form,
        "submitted_rows": [(c, scores.get(c.pk)) for c in merit] if scores and form is None else None,
        "checklist": [(c, offer.formal_checks.get(str(c.pk))) for c in evaluation.formal_criteria(competition)],
    })


@login_required
def offer_file(request, slug, pk):
    competition, seat, manager = committee_access(request, slug)
    offer = visible_offer(request, competition, seat, pk)
    if offer is None or not offer.file:
        raise Http404
    return FileResponse(offer.file.open("rb"), content_type="application/pdf", filename=f"oferta-{offer.pk}.pdf")


def leader_offer(request, slug, pk):
    """The offer for the chair or the officials running the competition; others get 403."""
    competition, seat, manager = committee_access(request, slug)
    if not appointment.is_chair_or_manager(request.user, competition, seat):
        raise PermissionDenied
    offer = visible_offer(request, competition, seat, pk)
    if offer is None:
        return competition, None
    return competition, offer


@login_required
@require_http_methods(["GET", "POST"])
def formal(request, slug, pk):
    competition, offer = leader_offer(request, slug, pk)
    if offer is None:
        return redirect("grants:committee_declaration", slug=competition.slug)
    if competition.status not in evaluation.ASSESSMENT_STATUSES:
        raise PermissionDenied
    criteria = evaluation.formal_criteria(competition)
    initial = {"formal_status": offer.formal_status, "formal_notes": offer.formal_notes}
    form = FormalAssessmentForm(request.POST or None, criteria=criteria, checks=offer.formal_checks, initial=initial)
    if request.method == "POST" and form.is_valid():
        evaluation.assess_formally(
            offer, status=form.cleaned_data["formal_status"], notes=form.cleaned_data["formal_notes"],
            checks=form.checks(), by=request.user,
        )
        messages.success(request, _("Zapisano ocenę formalną."))
        return redirect("grants:committee_competition", slug=competition.slug)
    return render(request, "grants/committees/formal.html", {"competition": competition, "offer": offer, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def proposed_amount(request, slug, pk):
    competition, offer = leader_offer(request, slug, pk)
    if offer is None:
        return redirect("grants:committee_declaration", slug=competition.slug)
    if competition.status not in evaluation.ASSESSMENT_STATUSES or offer.formal_status != Offer.Formal.PASSED:
        raise PermissionDenied
    form = ProposedAmountForm(request.POST or None, offer=offer, initial={"proposed_amount": offer.proposed_amount})
    if request.method == "POST" and form.is_valid():
        offer.proposed_amount = form.cleaned_data["proposed_amount"]
        offer.save(update_fields=["proposed_amount"])
        messages.success(request, _("Zapisano proponowaną kwotę."))
        return redirect("grants:committee_competition", slug=competition.slug)
    return render(request, "grants/committees/amount.html", {"competition": competition, "offer": offer, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def nominate(request, slug):
    """A representative puts forward a candidate on behalf of an organisation they represent."""
    competition = get_object_or_404(Competition.objects.public(), slug=slug)
    organizations = Organization.objects.represented_by(request.user).order_by("name")
    if not organizations.exists():
        raise PermissionDenied
    form = NominationForm(request.POST or None, competition=competition, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        if not hit("committee-nomination", str(request.user.pk), appointment.NOMINATION_RATE):
            form.add_error(None, _("Wysłano zbyt wiele zgłoszeń w krótkim czasie. Spróbuj ponownie za godzinę."))
        else:
            appointment.nominate(
                competition, email=form.cleaned_data["candidate"], by=request.user,
                organization=form.cleaned_data["organization"], justification=form.cleaned_data["justification"],
            )
            # The same words whether the address has an account or not.
            messages.success(request, _("Zgłoszenie przyjęte. Wysłaliśmy kandydatowi(-tce) wiadomość; "
                                        "o powołaniu decyduje wydział."))
            return redirect(competition.get_absolute_url())
    return render(request, "grants/committees/nominate.html", {
        "competition": competition, "form": form, "base_template": "base.html",
        "open": competition.status in appointment.COMMITTEE_STATUSES,
    })


class DeclarationFirst(Exception):
    pass


def protocol_reader(request, slug):
    """The competition and the organisations hidden from this reader of the protocol."""
    competition, seat, manager = committee_access(request, slug)
    if seat is not None and not manager and evaluation.access_refusal(seat):
        raise DeclarationFirst  # the protocol names the offers: a member reads it after the declaration
    # Nobody sees the offers, cards and ranking rows of organisations they declared a conflict with, also an
    # official who runs the competition and sits on its committee.
    return competition, evaluation.hidden_organizations(request.user, competition)


@login_required
def protocol_page(request, slug):
    """The members, the declarations and the formal assessment a page of offers at a time; the cards are on each
    offer's page and in the document (protocol_pdf), the ranking on its own page."""
    try:
        competition, hidden = protocol_reader(request, slug)
    except DeclarationFirst:
        return redirect("grants:committee_declaration", slug=slug)
    context = protocol.page(competition, hidden)
    page = paginated(request, protocol.offers(competition, hidden), PROTOCOL_OFFERS_PER_PAGE)
    page["items"] = protocol.with_checklists(page["items"], context["formal_criteria"])
    return render(request, "grants/committees/protocol.html", {**context, **page, "offers": page["items"]})


@login_required
def protocol_pdf(request, slug):
    """The whole protocol (or its part ?czesc=), as stored by the worker for the committee's data as they are now;
    while it is being made, a page that says so (202 Accepted)."""
    try:
        competition, hidden = protocol_reader(request, slug)
    except DeclarationFirst:
        return redirect("grants:committee_declaration", slug=slug)
    part = request.GET.get("czesc", "1")
    parts = protocol.part_count(competition, hidden)
    if not part.isdigit() or not 1 <= int(part) <= parts:
        raise Http404
    part = int(part)
    name = protocol.part_or_queue(competition, hidden, part)
    if name is None:
        response = render(request, "grants/committees/protocol_pending.html",
                          {"competition": competition, "part": part, "parts": parts}, status=202)
        response["Retry-After"] = str(PROTOCOL_RETRY_SECONDS)
        return response
    suffix = f"-czesc-{part}" if parts > 1 else ""
    return FileResponse(private_storage.open(name, "rb"), content_type="application/pdf",
                        filename=f"protokol-{competition.slug}{suffix}.pdf")
