"""Panel pages of the committees: appointment and offers (officials of the department), nominations (Team)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.accounts.access import panel_required
from partnerstwo.grants.committees import appointment, evaluation
from partnerstwo.grants.committees.forms import AppointForm, NominationDecisionForm, NominationForm
from partnerstwo.grants.committees.models import CommitteeMember, Nomination
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers import registration
from partnerstwo.grants.offers.forms import OfferForm
from partnerstwo.grants.offers.models import Offer
from partnerstwo.lib.editorial.views import paginated
from partnerstwo.lib.ratelimit import hit

OFFERS_PER_PAGE = 50


def managed(request, slug):
    return get_object_or_404(appointment.managed_competitions(request.user), slug=slug)


@panel_required
def index(request):
    user = request.user
    managed_list = (
        appointment.managed_competitions(user)
        .filter(status__in=appointment.COMMITTEE_STATUSES)
        .annotate(member_count=Count("committee", distinct=True), offer_count=Count("offers", distinct=True))
        .order_by("offer_deadline")
    )
    open_for_nominations = []
    my_nominations = []
    if user.is_team_member:
        open_for_nominations = (
            Competition.objects.filter(status__in=appointment.COMMITTEE_STATUSES)
            .select_related("department").order_by("offer_deadline")
        )
        my_nominations = Nomination.objects.filter(nominated_by=user).select_related("competition")
    return render(request, "grants/committees/panel/index.html", {
        "managed": managed_list,
        "open_for_nominations": open_for_nominations,
        "my_nominations": my_nominations,
    })


@panel_required
@require_http_methods(["GET", "POST"])
def detail(request, slug):
    competition = managed(request, slug)
    form = AppointForm(request.POST or None, competition=competition)
    if request.method == "POST" and form.is_valid():
        try:
            appointment.appoint(
                competition, user=form.cleaned_data["user"], role=form.cleaned_data["role"],
                is_chair=form.cleaned_data["is_chair"], organization=form.cleaned_data["organization"],
            )
        except appointment.AppointmentRefused as error:
            form.add_error(None, error)
        except ValidationError as error:  # the committee is closed, and the page shows no form
            messages.error(request, " ".join(error.messages))
            return redirect("panel:grants_panel:committee_detail", slug=competition.slug)
        else:
            messages.success(request, _("Powołano członka komisji."))
            return redirect("panel:grants_panel:committee_detail", slug=competition.slug)
    members = list(competition.committee.select_related("user", "nominated_by", "declaration"))
    for member in members:
        member.signed = evaluation.has_declared(member)
    nominations = list(competition.nominations.select_related("candidate", "organization", "nominated_by"))
    for nomination in nominations:
        nomination.account = appointment.nominee(nomination)
    return render(request, "grants/committees/panel/detail.html", {
        "competition": competition,
        "members": members,
        "notes": appointment.committee_notes(competition, members),
        "nominations": nominations,
        "decision_form": NominationDecisionForm(),
        "form": form,
        "can_change": competition.status in appointment.COMMITTEE_STATUSES,
    })


@panel_required
@require_POST
def decide_nomination(request, slug, pk):
    competition = managed(request, slug)
    nomination = get_object_or_404(competition.nominations, pk=pk, status=Nomination.Status.PENDING)
    form = NominationDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Wybierz decyzję i rolę."))
    elif form.cleaned_data["decision"] == "decline":
        try:
            appointment.decline(nomination)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Kandydatura nie została przyjęta."))
    elif (candidate := appointment.nominee(nomination)) is None:
        messages.error(request, _("Osoba zgłoszona z adresem %(email)s nie ma jeszcze konta w serwisie. Wysłaliśmy "
                                  "jej wiadomość o zgłoszeniu; powołanie będzie możliwe, gdy założy konto.")
                       % {"email": nomination.email})
    else:
        try:
            appointment.appoint(
                competition, user=candidate, role=form.cleaned_data["role"],
                organization=nomination.organization, nomination=nomination,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Powołano członka komisji."))
    return redirect("panel:grants_panel:committee_detail", slug=competition.slug)


def managed_member(request, slug, pk):
    competition = managed(request, slug)
    return competition, get_object_or_404(CommitteeMember, competition=competition, pk=pk)


@panel_required
@require_POST
def make_chair(request, slug, pk):
    competition, member = managed_member(request, slug, pk)
    try:
        appointment.make_chair(member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Zmieniono przewodniczącego(-ą) komisji."))
    return redirect("panel:grants_panel:committee_detail", slug=competition.slug)


@panel_required
@require_POST
def remove_member(request, slug, pk):
    competition, member = managed_member(request, slug, pk)
    try:
        appointment.remove(member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Odwołano członka komisji."))
    return redirect("panel:grants_panel:committee_detail", slug=competition.slug)


@panel_required
@require_http_methods(["GET", "POST"])
def nominate(request, slug):
    """Team members (the advisory body) recommend candidates; the department decides.

    See docs/law.md#advisory-body-committee-nominations.
    """
    competition = get_object_or_404(Competition.objects.public().select_related("department"), slug=slug)
    if not (request.user.is_team_member or appointment.can_manage(request.user, competition)):
        raise PermissionDenied
    form = NominationForm(request.POST or None, competition=competition)
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
            return redirect("panel:grants_panel:committee_index")
    return render(request, "grants/committees/nominate.html", {
        "competition": competition, "form": form, "base_template": "panel/base.html",
        "open": competition.status in appointment.COMMITTEE_STATUSES,
    })


@panel_required
def offers_list(request, slug):
    competition = managed(request, slug)
    hidden = evaluation.hidden_organizations(request.user, competition)
    rows = (
        Offer.objects.filter(competition=competition).exclude(organization__in=hidden)
        .select_related("organization", "online").order_by("organization__name", "title", "pk")
    )
    count = evaluation.hidden_offer_count(competition, hidden)
    # A page at a time: a large competition has thousands of offers (bench/bench_offers.py).
    return render(request, "grants/committees/panel/offers.html", {
        **paginated(request, rows, OFFERS_PER_PAGE),
        "competition": competition,
        "hidden_notice": evaluation.conflict_notice(count) if count else "",
        "can_register": registration.can_register_offers(request.user, competition),
    })


@panel_required
@require_http_methods(["GET", "POST"])
def new_offer(request, slug):
    competition = managed(request, slug)
    if not registration.can_register_offers(request.user, competition):
        raise PermissionDenied
    form = OfferForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        registration.register(competition, by=request.user, **form.cleaned_data)
        messages.success(request, _("Zarejestrowano ofertę."))
        return redirect("panel:grants_panel:committee_offers", slug=competition.slug)
    return render(request, "grants/committees/panel/offer_form.html", {"competition": competition, "form": form})
