"""The public yearly schedule of open competitions: a table, a timeline and an iCal feed."""

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.grants.schedule import planning
from partnerstwo.grants.schedule.forms import PublicFilterForm
from partnerstwo.grants.schedule.ical import ical_feed
from partnerstwo.grants.schedule.models import MONTHS
from partnerstwo.lib import fragments

ORDERINGS = {
    "miesiac": ["planned_month", "department__name", "task", "pk"],
    "wydzial": ["department__name", "planned_month", "task", "pk"],
}


def index(request):
    years = list(planning.schedules_for_public().order_by("-year").values_list("year", flat=True))
    chosen_year = _chosen_year(request.GET.get("rok"), years)
    if chosen_year is None:
        return render(request, "grants/schedule/not_published.html", status=200)
    year = get_object_or_404(planning.schedules_for_public(), year=chosen_year)

    departments = list(Department.objects.filter(pk__in=year.rows.values("department_id")).order_by("name"))
    spheres = list(PublicTaskSphere.objects.filter(pk__in=year.rows.values("sphere_id")))
    form = PublicFilterForm(request.GET or None, departments=departments, spheres=spheres)
    filters = form.cleaned_or_empty()
    sort = filters.get("sortuj") or "miesiac"

    rows = planning.public_rows(year)
    if "wydzial" in filters:
        rows = rows.filter(department_id=int(filters["wydzial"]))
    if "sfera" in filters:
        rows = rows.filter(sphere__slug=filters["sfera"])
    rows = planning.prepare_for_display(rows.order_by(*ORDERINGS[sort]))

    query = {"rok": year.year}
    if "wydzial" in filters:
        query["wydzial"] = filters["wydzial"]
    if "sfera" in filters:
        query["sfera"] = filters["sfera"]
    context = {
        "schedule": year,
        "years": years,
        "form": form,
        "filtered": "wydzial" in filters or "sfera" in filters,
        "rows": rows,
        "active_rows": [row for row in rows if not row.is_withdrawn],
        "changes": planning.changes_of(rows),
        "months": MONTHS,
        "sort": sort,
        "sort_urls": {key: "?" + urlencode({**query, "sortuj": key}) for key in ORDERINGS},
        "year_query": urlencode({"rok": year.year}),
    }
    # The table and the timeline are the same for every visitor: rendered once per content (lib/fragments.py),
    # keyed on every value loaded of the schedule, its rows, their changes and competitions, and the form.
    state = {**context, "form": fragments.form_state(form)}
    context["content_html"] = fragments.render("grants/schedule/_content.html", context, state)
    return render(request, "grants/schedule/index.html", context)


def _chosen_year(value, years):
    if value in (None, ""):
        return planning.default_public_year(years)
    try:
        year = int(value)
    except (TypeError, ValueError):
        return planning.default_public_year(years)
    if year not in years:
        # A draft, or a year with no schedule: not public.
        raise Http404(_("Harmonogram na ten rok nie został opublikowany."))
    return year


def ical(request, year):
    chosen = get_object_or_404(planning.schedules_for_public(), year=year)
    rows = list(planning.public_rows(chosen).order_by("planned_month", "pk"))
    response = HttpResponse(ical_feed(chosen, rows), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="harmonogram-konkursow-{chosen.year}.ics"'
    return response
