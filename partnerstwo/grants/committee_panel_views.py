"""Panel pages of the committees: appointment and offers (officials of the department), nominations (Team)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.grants import committees, offers
from partnerstwo.grants.committee_forms import AppointForm, NominationDecisionForm, NominationForm, OfferForm
from partnerstwo.grants.models import CommitteeMember, Competition, Nomination, Offer
from partnerstwo.lib.ratelimit import hit
from partnerstwo.panel.access import panel_required


def managed(request, slug):
    return get_object_or_404(committees.managed_competitions(request.user), slug=slug)


@panel_required
def index(request):
    user = request.user
    managed_list = (
        committees.managed_competitions(user)
        .filter(status__in=committees.COMMITTEE_STATUSES)
        .annotate(member_count=Count("committee", distinct=True), offer_count=Count("offers", distinct=True))
        .order_by("offer_deadline")
    )
    open_for_nominations = []
    my_nominations = []
    if user.is_team_member:
        open_for_nominations = (
            Competition.objects.filter(status__in=committees.COMMITTEE_STATUSES)
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
    if request.method == "POST":
        if competition.status not in committees.COMMITTEE_STATUSES:
            raise PermissionDenied
        if form.is_valid():
            try:
                committees.appoint(
                    competition, user=form.cleaned_data["user"], role=form.cleaned_data["role"],
                    is_chair=form.cleaned_data["is_chair"], organization=form.cleaned_data["organization"],
                )
            except committees.AppointmentRefused as error:
                form.add_error("user", str(error))
            else:
                messages.success(request, _("Powołano członka komisji."))
                return redirect("panel:grants_panel:committee_detail", slug=competition.slug)
    members = list(competition.committee.select_related("user", "nominated_by", "declaration"))
    for member in members:
        member.signed = committees.has_declared(member)
    nominations = list(competition.nominations.select_related("candidate", "organization", "nominated_by"))
    for nomination in nominations:
        nomination.account = committees.nominee(nomination)
    return render(request, "grants/committees/panel/detail.html", {
        "competition": competition,
        "members": members,
        "notes": committees.committee_notes(competition, members),
        "nominations": nominations,
        "decision_form": NominationDecisionForm(),
        "form": form,
        "can_change": competition.status in committees.COMMITTEE_STATUSES,
    })


@panel_required
@require_POST
def decide_nomination(request, slug, pk):
    competition = managed(request, slug)
    nomination = get_object_or_404(competition.nominations, pk=pk, status=Nomination.Status.PENDING)
    form = NominationDecisionForm(request.POST)
    if not form.is_valid() or competition.status not in committees.COMMITTEE_STATUSES:
        messages.error(request, _("Wybierz decyzję i rolę."))
    elif form.cleaned_data["decision"] == "decline":
        committees.decline(nomination)
        messages.success(request, _("Kandydatura nie została przyjęta."))
    elif (candidate := committees.nominee(nomination)) is None:
        messages.error(request, _("Osoba zgłoszona z adresem %(email)s nie ma jeszcze konta w serwisie. Wysłaliśmy "
                                  "jej wiadomość o zgłoszeniu; powołanie będzie możliwe, gdy założy konto.")
                       % {"email": nomination.email})
    else:
        try:
            committees.appoint(
                competition, user=candidate, role=form.cleaned_data["role"],
                organization=nomination.organization, nomination=nomination,
            )
        except committees.AppointmentRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Powołano członka komisji."))
    return redirect("panel:grants_panel:committee_detail", slug=competition.slug)


def managed_member(request, slug, pk):
    competition = managed(request, slug)
    if competition.status not in committees.COMMITTEE_STATUSES:
        raise PermissionDenied
    return competition, get_object_or_404(CommitteeMember, competition=competition, pk=pk)


@panel_required
@require_POST
def make_chair(request, slug, pk):
    competition, member = managed_member(request, slug, pk)
    committees.make_chair(member)
    messages.success(request, _("Zmieniono przewodniczącego(-ą) komisji."))
    return redirect("panel:grants_panel:committee_detail", slug=competition.slug)


@panel_required
@require_POST
def remove_member(request, slug, pk):
    competition, member = managed_member(request, slug, pk)
    if member.scores.exists():
        messages.error(request, _("Ta osoba oceniła już oferty; jej oceny muszą zostać w protokole."))
    else:
        member.delete()
        messages.success(request, _("Odwołano członka komisji."))
    return redirect("panel:grants_panel:committee_detail", slug=competition.slug)


@panel_required
@require_http_methods(["GET", "POST"])
def nominate(request, slug):
    """Team members (the advisory body) recommend candidates; the department decides.

    See docs/law.md#advisory-body-committee-nominations.
    """
    competition = get_object_or_404(Competition.objects.public().select_related("department"), slug=slug)
    if not (request.user.is_team_member or committees.can_manage(request.user, competition)):
        raise PermissionDenied
    form = NominationForm(request.POST or None, competition=competition)
    if request.method == "POST" and form.is_valid():
        if not hit("committee-nomination", str(request.user.pk), committees.NOMINATION_RATE):
            form.add_error(None, _("Wysłano zbyt wiele zgłoszeń w krótkim czasie. Spróbuj ponownie za godzinę."))
        else:
            committees.nominate(
                competition, email=form.cleaned_data["candidate"], by=request.user,
                organization=form.cleaned_data["organization"], justification=form.cleaned_data["justification"],
            )
            # The same words whether the address has an account or not.
            messages.success(request, _("Zgłoszenie przyjęte. Wysłaliśmy kandydatowi(-tce) wiadomość; "
                                        "o powołaniu decyduje wydział."))
            return redirect("panel:grants_panel:committee_index")
    return render(request, "grants/committees/nominate.html", {
        "competition": competition, "form": form, "base_template": "panel/base.html",
        "open": competition.status in committees.COMMITTEE_STATUSES,
    })


@panel_required
def offers_list(request, slug):
    competition = managed(request, slug)
    hidden = committees.hidden_organizations(request.user, competition)
    rows = Offer.objects.filter(competition=competition).exclude(organization__in=hidden).select_related("organization")
    count = committees.hidden_offer_count(competition, hidden)
    return render(request, "grants/committees/panel/offers.html", {
        "competition": competition,
        "offers": rows,
        "hidden_notice": committees.conflict_notice(count) if count else "",
        "can_register": offers.can_register_offers(request.user, competition),
    })


@panel_required
@require_http_methods(["GET", "POST"])
def new_offer(request, slug):
    competition = managed(request, slug)
    if not offers.can_register_offers(request.user, competition):
        raise PermissionDenied
    form = OfferForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        offers.register(competition, by=request.user, **form.cleaned_data)
        messages.success(request, _("Zarejestrowano ofertę."))
        return redirect("panel:grants_panel:committee_offers", slug=competition.slug)
    return render(request, "grants/committees/panel/offer_form.html", {"competition": competition, "form": form})
