"""Public pages: the common list with filters, one item, and the press page for journalists."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from partnerstwo.orgnews.forms import FilterForm
from partnerstwo.orgnews.models import Post

PAGE_SIZE = 20
PRESS_COUNT = 5


@require_safe
def post_list(request):
    form = FilterForm(request.GET)
    posts = Post.objects.published().matching(**form.filters()).for_list().newest()
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "orgnews/list.html", {"form": form, "page_obj": page})


@require_safe
def detail(request, pk):
    post = get_object_or_404(Post.objects.published().for_list(), pk=pk)
    return render(request, "orgnews/detail.html", {"post": post})


@require_safe
def press(request):
    """For journalists: whom to call at the Centre, the newest news and events, and the feeds."""
    posts = Post.objects.published().for_list().newest()[:PRESS_COUNT]
    # The coming events come from the events app's own block (templatetags coming_events).
    return render(request, "orgnews/press.html", {"centre": settings.CITY["centre"], "posts": posts})
