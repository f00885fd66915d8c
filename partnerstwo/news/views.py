from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from partnerstwo.news.models import NewsItem

PER_PAGE = 10


def news_list(request):
    items = NewsItem.objects.published().only("title", "slug", "lead", "published_at")
    paginator = Paginator(items, PER_PAGE)
    page = paginator.get_page(request.GET.get("strona"))
    context = {"page_obj": page, "items": page.object_list, "page_range": paginator.get_elided_page_range(page.number)}
    return render(request, "news/list.html", context)


def news_detail(request, slug):
    item = get_object_or_404(NewsItem.objects.visible_to(request.user).select_related("updated_by"), slug=slug)
    return render(request, "news/detail.html", {"item": item})
