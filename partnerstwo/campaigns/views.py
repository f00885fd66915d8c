"""The campaigns' public pages: the 1.5% campaign with a card and a leaflet per organisation, and the
annual-report campaign."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from partnerstwo.campaigns import annual_reports, cards, season
from partnerstwo.campaigns.forms import CampaignForm, ReportListForm

PAGE_SIZE = 30
REPORTS_PAGE_SIZE = 50


@require_safe
def campaign(request):
    form = CampaignForm(request.GET)
    edition = cards.current_edition()
    organizations = form.filter(cards.organizations(edition)).select_related("district").prefetch_related("spheres")
    page = Paginator(organizations, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "campaigns/campaign.html", {
        "form": form, "page_obj": page, "query": form.query(), "edition": edition,
        "season": season.current(), "next_season": season.next_default(timezone.localdate()),
    })


def _card_organization(slug):
    return get_object_or_404(
        cards.organizations(cards.current_edition()).select_related("district").prefetch_related("spheres"),
        slug=slug,
    )


@require_safe
@never_cache
def card(request, slug):
    """One organisation's card: a page of its own to share. Each reader's opening adds one to the day's count."""
    organization = _card_organization(slug)
    if request.method == "GET" and cards.counts_as_reader(request):
        cards.count_view(organization.pk, timezone.localdate())
    return render(request, "campaigns/card.html", {"organization": organization})


@require_safe
def card_leaflet(request, slug):
    """The card on an A4 sheet, to print and hang up."""
    return render(request, "campaigns/card_leaflet.html", {"organization": _card_organization(slug)})


@require_safe
def annual_report_campaign(request):
    year = annual_reports.report_year()
    form = ReportListForm(request.GET)
    expected = annual_reports.organizations()
    listed = expected.with_report_for(year) if form.shows_published else expected.without_report_for(year)
    page = Paginator(listed.order_by("name", "pk"), REPORTS_PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "campaigns/annual_reports.html", {
        "year": year, "deadline": annual_reports.deadline(year), "progress": annual_reports.progress(year),
        "form": form, "page_obj": page,
    })
