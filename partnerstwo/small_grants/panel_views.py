"""Small grants in the staff panel: register an offer, publish it, read the comments and decide.

For officials (their own department's offers) and administrators (all). Team members and others
get 403; an offer of another department gives 404 (SmallGrantOffer.objects.editable_by).
"""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.lib import publication
from partnerstwo.lib.access import role_required
from partnerstwo.lib.forms import add_errors
from partnerstwo.small_grants import procedure
from partnerstwo.small_grants.forms import DecisionForm, PublishForm, SmallGrantOfferForm
from partnerstwo.small_grants.models import SmallGrantOffer

PAGE_SIZE = 50
TOO_EARLY = _lazy("Decyzję można podjąć dopiero po upływie terminu na uwagi (art. 19a ust. 4 ustawy).")


official_or_administrator_required = role_required(lambda user: user.is_official or user.is_administrator)


def _offers(request):
    return SmallGrantOffer.objects.editable_by(request.user).select_related("organization", "department", "sphere")


@official_or_administrator_required
def index(request):
    offers = _offers(request).annotate(
        confirmed_comments=Count("comments", filter=Q(comments__confirmed_at__isnull=False))
    ).order_by("-received_on", "-pk")
    status = request.GET.get("status", "")
    if status in SmallGrantOffer.Status.values:
        offers = offers.filter(status=status)
    page = Paginator(offers, PAGE_SIZE).get_page(request.GET.get("strona"))
    for offer in page.object_list:
        if offer.status == SmallGrantOffer.Status.RECEIVED:
            offer.publish_by = procedure.last_publication_day(offer.received_on)
    return render(request, "small_grants/panel/index.html", {
        "page_obj": page, "status": status, "statuses": SmallGrantOffer.Status.choices,
        "today": procedure.local_today(),
    })


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def create(request):
    if request.method == "POST":
        form = SmallGrantOfferForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            offer = procedure.register(form.save(commit=False), by=request.user)
            messages.success(request, _("Oferta zarejestrowana. Opublikuj ją w ciągu 7 dni roboczych od jej wpływu."))
            return redirect("panel:small_grants_panel:detail", pk=offer.pk)
    else:
        form = SmallGrantOfferForm(user=request.user)
    return render(request, "small_grants/panel/form.html", {"form": form})


def _detail_context(request, offer, *, publish_form=None, decision_form=None):
    today = procedure.local_today()
    can_decide = procedure.can_decide(offer, today=today)
    if offer.status == SmallGrantOffer.Status.RECEIVED and publish_form is None:
        publish_form = PublishForm(offer=offer, today=today, initial=dict.fromkeys(publication.FIELDS, today))
    if can_decide and decision_form is None:
        decision_form = DecisionForm()
    return {
        "offer": offer,
        # Only confirmed comments count (and are shown); unconfirmed ones are deleted after 7 days.
        "comments": offer.comments.confirmed(),
        "last_publication_day": procedure.last_publication_day(offer.received_on),
        "task_days": procedure.task_days(offer.task_start, offer.task_end),
        "publish_form": publish_form if offer.status == SmallGrantOffer.Status.RECEIVED else None,
        "decision_form": decision_form if can_decide else None,
        "comments_open": procedure.comments_open(offer, today=today),
        "decide_from": offer.comments_until + timedelta(days=1) if offer.comments_until else None,
    }


@official_or_administrator_required
def detail(request, pk):
    offer = get_object_or_404(_offers(request), pk=pk)
    return render(request, "small_grants/panel/detail.html", _detail_context(request, offer))


@official_or_administrator_required
@require_POST
def publish(request, pk):
    offer = get_object_or_404(_offers(request), pk=pk)
    form = PublishForm(request.POST, offer=offer)
    if form.is_valid():
        try:
            procedure.publish(offer, dates=form.dates())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Oferta opublikowana do uwag do %(day)s włącznie.") % {
                "day": procedure.format_day(offer.comments_until),
            })
            return redirect("panel:small_grants_panel:detail", pk=offer.pk)
    context = _detail_context(request, offer, publish_form=form)
    return render(request, "small_grants/panel/detail.html", context, status=400)


@official_or_administrator_required
@require_POST
def decide(request, pk):
    offer = get_object_or_404(_offers(request), pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            procedure.decide(
                offer, accept=form.cleaned_data["decision"] == "accept", reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:  # too early, already decided, or over a yearly cap
            form.add_error(None, error)
        else:
            messages.success(request, _("Decyzja zapisana i opublikowana przy ofercie."))
            return redirect("panel:small_grants_panel:detail", pk=offer.pk)
    offer.refresh_from_db()
    context = _detail_context(request, offer, decision_form=form)
    if context["decision_form"] is None:  # too early or already decided: the page has no form to show errors in
        for error in form.non_field_errors() or [TOO_EARLY]:
            messages.error(request, error)
        return redirect("panel:small_grants_panel:detail", pk=offer.pk)
    return render(request, "small_grants/panel/detail.html", context, status=400)
