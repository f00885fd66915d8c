"""The read-only JSON API of the directory (docs/api.md): a list with the directory's filters, and a detail.

Only public_data.FIELDS leave the server, and only for published organisations.
"""

from django.core.paginator import EmptyPage, Paginator
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from partnerstwo.organizations import public_data
from partnerstwo.organizations.forms import DirectoryForm
from partnerstwo.organizations.models import Organization

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def _json(data, status=200):
    response = HttpResponse(public_data.to_json(data), status=status, content_type="application/json")
    # Open data: any site may read it from a browser (nothing here depends on cookies).
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _positive_int(value, default, *, maximum=None):
    if value in (None, ""):
        return default
    if not value.isdigit() or len(value) > 9 or int(value) < 1:
        raise ValueError
    number = int(value)
    if maximum is not None and number > maximum:
        raise ValueError
    return number


@require_safe
def organization_list(request):
    form = DirectoryForm(request.GET)
    errors = {field: [e["message"] for e in errs] for field, errs in form.errors.get_json_data().items()}
    try:
        page_number = _positive_int(request.GET.get("page"), 1)
    except ValueError:
        errors["page"] = [_("Numer strony to liczba całkowita od 1.")]
    try:
        page_size = _positive_int(request.GET.get("page_size"), DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
    except ValueError:
        errors["page_size"] = [_("Rozmiar strony to liczba całkowita od 1 do %(max)s.") % {"max": MAX_PAGE_SIZE}]
    if errors:
        return _json({"errors": errors}, status=400)

    organizations = form.filter(Organization.objects.public())
    paginator = Paginator(organizations, page_size)
    try:
        page = paginator.page(page_number)
    except EmptyPage:
        return _json({"errors": {"page": [_("Nie ma takiej strony.")]}}, status=404)

    def page_url(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return _json({
        "count": paginator.count,
        "page": page.number,
        "page_size": page_size,
        "next": page_url(page.next_page_number()) if page.has_next() else None,
        "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
        "results": list(public_data.records(page.object_list, request.build_absolute_uri)),
    })


@require_safe
def organization_detail(request, slug):
    found = list(public_data.records(Organization.objects.public().filter(slug=slug), request.build_absolute_uri))
    if not found:
        return _json({"errors": {"slug": [_("Nie ma takiej organizacji w katalogu.")]}}, status=404)
    return _json(found[0])
