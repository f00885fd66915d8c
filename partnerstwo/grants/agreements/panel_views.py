"""The officials' pages of agreements, /panel/konkursy/umowy/: the granted offers waiting for an agreement and
the agreements of the department, drafting one, the city's part, returning it for correction and recording
the signature. Officials of the competition's department and administrators (Agreement.objects.managed_by).
The city's clauses of every agreement, /panel/konkursy/umowy/postanowienia/: administrators only."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.grants.agreements import clauses, drafting, pages
from partnerstwo.grants.agreements.forms import ClausesForm, DraftForm, SignatureForm
from partnerstwo.grants.agreements.manage_views import pdf_response
from partnerstwo.grants.agreements.models import Agreement, AgreementClauses
from partnerstwo.grants.committees.appointment import managed_competitions
from partnerstwo.grants.competitions.panel_views import editor_required
from partnerstwo.lib.access import role_required
from partnerstwo.lib.forms import add_errors

administrator_required = role_required(clauses.can_write)


def managed(request, pk) -> Agreement:
    agreements = Agreement.objects.managed_by(request.user).select_related(
        "offer", "offer__competition", "offer__competition__department", "offer__organization", "offer__online")
    return get_object_or_404(agreements, pk=pk)


@editor_required
def index(request):
    agreements = (Agreement.objects.managed_by(request.user)
                  .select_related("offer__competition", "offer__organization").order_by("-drafted_at", "-pk"))
    waiting = drafting.draftable_offers(managed_competitions(request.user)).order_by("competition__title", "pk")
    return render(request, "grants/agreements/panel/index.html", {"agreements": agreements, "waiting": waiting})


@editor_required
@require_http_methods(["GET", "POST"])
def draft(request, offer_pk):
    offer = get_object_or_404(drafting.draftable_offers(managed_competitions(request.user)), pk=offer_pk)
    form = DraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agreement = drafting.draft(offer, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Przygotowano projekt umowy. Organizacja uzupełni swoją część."))
            return redirect("panel:grants_panel:agreement", pk=agreement.pk)
    return render(request, "grants/agreements/panel/draft.html", {"offer": offer, "form": form})


@editor_required
def detail(request, pk):
    agreement = managed(request, pk)
    return render(request, "grants/agreements/panel/detail.html", {
        **pages.overview_context(agreement, request.user),
        "signature_form": SignatureForm(),
        "reports": agreement.reports.all(),
    })


@editor_required
@require_http_methods(["GET", "POST"])
def section(request, pk, slug):
    agreement = managed(request, pk)
    if drafting.WRITER.get(drafting.SECTION_SLUGS.get(slug)) != drafting.OFFICIAL:
        raise Http404
    return pages.section(request, agreement, slug, url_name="panel:grants_panel:agreement_section",
                         template="grants/agreements/panel/section.html")


@editor_required
@require_POST
def reopen(request, pk):
    agreement = managed(request, pk)
    try:
        drafting.reopen(agreement, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Umowa wróciła do przygotowania; organizacja może ją poprawić."))
    return redirect("panel:grants_panel:agreement", pk=agreement.pk)


@editor_required
@require_http_methods(["GET", "POST"])
def signature(request, pk):
    agreement = managed(request, pk)
    form = SignatureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            drafting.record_signature(agreement, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Odnotowano podpisanie umowy."))
            return redirect("panel:grants_panel:agreement", pk=agreement.pk)
    return render(request, "grants/agreements/panel/signature.html", {"agreement": agreement, "form": form})


@editor_required
def pdf(request, pk):
    return pdf_response(managed(request, pk))


@administrator_required
@require_http_methods(["GET", "POST"])
def agreement_clauses(request):
    """The current clauses, every earlier version, and a new version written from the current one."""
    latest = clauses.current()
    form = ClausesForm(request.POST or None, initial={"text": latest.text if latest else "",
                                                      "based_on": latest.number if latest else None})
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            made = clauses.publish(by=request.user, **form.cleaned_data)
        except clauses.Conflict as error:
            conflict = error.messages[0]
            latest = clauses.current()
            # What was typed stays; saving again now replaces the newer version knowingly.
            fresh = form.data.copy()
            fresh["based_on"] = latest.number if latest else ""
            form.data = fresh
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano wersję %(number)s postanowień umowy. Obowiązuje umowy, które nie "
                                        "zostały jeszcze przekazane do podpisu.") % {"number": made.number})
            return redirect("panel:grants_panel:agreement_clauses")
    # Newest first; ordered here because a query with GROUP BY leaves out the model's own ordering.
    versions = (AgreementClauses.objects.select_related("created_by").annotate(used=Count("agreements"))
                .order_by("-number"))
    return render(request, "grants/agreements/panel/clauses.html", {
        "form": form, "conflict": conflict, "latest": latest,
        "versions": [(version, clauses.rendered(version)) for version in versions],
    })
