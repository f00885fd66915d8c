"""The library's public pages: the list with search and filters, and a practice with its attachments."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from partnerstwo.practices.forms import FilterForm
from partnerstwo.practices.models import GoodPractice

PAGE_SIZE = 20


@require_safe
def index(request):
    form = FilterForm(request.GET)
    practices = GoodPractice.objects.published().matching(**form.filters()).for_list().newest()
    page = Paginator(practices, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "practices/list.html", {"form": form, "page_obj": page})


@require_safe
def detail(request, slug):
    practice = get_object_or_404(
        GoodPractice.objects.published().select_related("organization").prefetch_related(
            "spheres", "topics", "attachments"
        ),
        slug=slug,
    )
    return render(request, "practices/detail.html", {"practice": practice})
