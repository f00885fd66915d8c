from django.shortcuts import get_object_or_404, render

from partnerstwo.lib.editorial.views import paginated
from partnerstwo.news.models import NewsItem

PER_PAGE = 10


def news_list(request):
    items = NewsItem.objects.published().only("title", "slug", "lead", "published_at")
    return render(request, "news/list.html", paginated(request, items, PER_PAGE))


def news_detail(request, slug):
    item = get_object_or_404(NewsItem.objects.visible_to(request.user).select_related("updated_by"), slug=slug)
    return render(request, "news/detail.html", {"item": item})
