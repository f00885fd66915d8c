"""The officials' pages of online offers: the call's rules, an offer as submitted with its versions and
checksums, and a request for correction. Officials of the competition's department and administrators."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.accounts.access import panel_required
from partnerstwo.grants.committees.appointment import managed_competitions
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers import submission
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.offers.panel_forms import CallRulesForm, CorrectionForm
from partnerstwo.lib.forms import add_errors


@panel_required
@require_http_methods(["GET", "POST"])
def rules(request, pk):
    competition = get_object_or_404(Competition.objects.editable_by(request.user), pk=pk)
    form = CallRulesForm(request.POST or None, instance=competition)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Zapisano zasady ofert online."))
        return redirect("panel:grants_panel:offer_rules", pk=competition.pk)
    return render(request, "grants/offers/panel/rules.html", {"competition": competition, "form": form})


def managed_offer(request, pk) -> Offer:
    offers = Offer.objects.filter(
        competition__in=managed_competitions(request.user), online__isnull=False
    ).select_related("competition", "organization", "online")
    return get_object_or_404(offers, pk=pk)


@panel_required
def detail(request, pk):
    received = managed_offer(request, pk)
    online = received.online
    versions = list(online.versions.select_related("submitted_by"))
    return render(request, "grants/offers/panel/detail.html", {
        "offer": received, "online": online, "competition": received.competition, "versions": versions,
        "current": versions[-1] if versions else None,
        "corrections": online.correction_requests.select_related("requested_by", "answered_by"),
    })


@panel_required
@require_http_methods(["GET", "POST"])
def correction(request, pk):
    received = managed_offer(request, pk)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            submission.request_correction(received, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Wysłano prośbę o poprawę oferty."))
            return redirect("panel:grants_panel:online_offer", pk=received.pk)
    return render(request, "grants/offers/panel/correction.html", {
        "offer": received, "competition": received.competition, "form": form,
    })
