"""Public pages: the archive of published issues, an issue, its print layout and its PDF."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from partnerstwo.bulletin import document
from partnerstwo.bulletin.models import Issue

PAGE_SIZE = 12


def _published(year, number) -> Issue:
    return get_object_or_404(Issue.objects.published(), year=year, number=number)


@require_safe
def archive(request):
    page = Paginator(Issue.objects.published().newest(), PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "bulletin/archive.html", {"page_obj": page})


@require_safe
def issue(request, year, number):
    return render(request, "bulletin/issue.html", document.context(_published(year, number)))


@require_safe
def print_layout(request, year, number):
    return render(request, "bulletin/print.html", document.context(_published(year, number)))


@require_safe
def pdf(request, year, number):
    found = _published(year, number)
    response = HttpResponse(document.pdf(found), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="biuletyn-{found.year}-{found.number}.pdf"'
    return response
