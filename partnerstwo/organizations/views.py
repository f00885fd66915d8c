"""The directory's public pages: the list, the map, a profile, the 1.5% list and the exports."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from partnerstwo.lib import fragments
from partnerstwo.lib.ratelimit import client_ip, hit
from partnerstwo.organizations import editing, exports
from partnerstwo.organizations.forms import DirectoryForm, OppSearchForm
from partnerstwo.organizations.models import OppListEdition, Organization

PAGE_SIZE = 20
OPP_PAGE_SIZE = 50
# More markers than this make a map nobody can read (and a heavy reply); the list has them all.
MAP_MARKER_LIMIT = 2000
# Exports of the whole directory are heavy: downloads per address (settings.DIRECTORY_EXPORT_RATE_LIMIT, "" = none).
DEFAULT_EXPORT_RATE_LIMIT = "60/h"  # settings.py sets DIRECTORY_EXPORT_RATE_LIMIT; this covers a bare settings module


@require_safe
def directory(request):
    form = DirectoryForm(request.GET)
    organizations = form.filter(Organization.objects.public()).for_list()
    page = Paginator(organizations, PAGE_SIZE).get_page(request.GET.get("page"))
    query = form.query()
    context = {"form": form, "page_obj": page, "query": query}
    # The results and the filters are the same for every visitor: rendered once per content (lib/fragments.py),
    # keyed on every column of the organisations shown (their district and spheres too) and the form's data.
    results = {"page_obj": page, "query": query}
    context["results_html"] = fragments.render("organizations/_result_list.html", results, (
        list(page.object_list), page.number, page.paginator.num_pages, page.paginator.count, query))
    # htmx asks for the results only and swaps them in; without JavaScript the whole page loads.
    template = "organizations/_results.html" if request.htmx else "organizations/list.html"
    if not request.htmx:
        context["filters_html"] = fragments.render("organizations/_filters.html", {"form": form},
                                                   fragments.form_state(form))
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_safe
def directory_map(request):
    form = DirectoryForm(request.GET)
    query = form.query()
    context = {
        "form": form,
        "query": query,
        "points_url": reverse("organizations:map_points") + (f"?{query.urlencode()}" if query else ""),
        "marker_limit": MAP_MARKER_LIMIT,
    }
    return render(request, "organizations/map.html", context)


@require_safe
def map_points(request):
    """The markers for the current filters: one query, only the columns a marker needs."""
    form = DirectoryForm(request.GET)
    rows = list(form.filter(Organization.objects.public()).for_map()[: MAP_MARKER_LIMIT + 1])
    markers = [
        {"id": pk, "name": name, "slug": slug, "lat": float(lat), "lng": float(lng)}
        for pk, name, slug, lat, lng in rows[:MAP_MARKER_LIMIT]
    ]
    return JsonResponse({
        "markers": markers,
        "truncated": len(rows) > MAP_MARKER_LIMIT,
        "profile_url": reverse("organizations:detail", args=["__slug__"]),
    }, json_dumps_params={"ensure_ascii": False})


@require_safe
def export(request, fmt):
    rate = getattr(settings, "DIRECTORY_EXPORT_RATE_LIMIT", DEFAULT_EXPORT_RATE_LIMIT)
    if rate and not hit("directory-export", client_ip(request), rate):
        return HttpResponse(
            _("Zbyt wiele pobrań w krótkim czasie. Spróbuj ponownie za godzinę."),
            status=429, content_type="text/plain; charset=utf-8",
        )
    form = DirectoryForm(request.GET)
    organizations = form.filter(Organization.objects.public())
    return exports.response(fmt, organizations, request.build_absolute_uri)


@require_safe
def detail(request, slug):
    organization = get_object_or_404(Organization.objects.visible_to(request.user).for_profile(), slug=slug)
    user = request.user
    context = {
        "organization": organization,
        # Who edited is shown to city staff; the public sees only when.
        "show_editor": user.is_authenticated and (user.is_official or user.is_administrator),
    }
    return render(request, "organizations/detail.html", context)


OPP_MISSING_SHOWN = 50  # organisations missing from the newest list shown to staff on the page (the panel has all)


@require_safe
def opp_list(request):
    """The 1.5% list: the directory's organisations named in the newest edition of the official list."""
    form = OppSearchForm(request.GET)
    edition = OppListEdition.objects.newest()
    organizations = form.filter(Organization.objects.opp(edition)).prefetch_related("spheres")
    page = Paginator(organizations, OPP_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page, "query": form.query(), "edition": edition}
    if editing.is_staff_editor(request.user):
        # Staff see who is marked OPP but not on the list: a reason to look, not a fact to write (opp_list.py).
        missing = Organization.objects.flagged_opp_missing_from(edition).order_by("name", "pk")
        context["missing"] = list(missing[:OPP_MISSING_SHOWN])
        context["missing_count"] = (
            len(context["missing"]) if len(context["missing"]) < OPP_MISSING_SHOWN else missing.count()
        )
    return render(request, "organizations/opp_list.html", context)


@require_safe
def opp_leaflet(request):
    """The whole list on paper: compact, print first, no pagination."""
    form = OppSearchForm(request.GET)
    edition = OppListEdition.objects.newest()
    organizations = form.filter(Organization.objects.opp(edition)).prefetch_related("spheres")
    return render(request, "organizations/opp_leaflet.html", {
        "form": form, "organizations": organizations, "edition": edition,
    })
