"""Writing and editing news in the staff panel (officials and administrators)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from partnerstwo.lib.markdown import render_markdown
from partnerstwo.news.editing import save_news_item
from partnerstwo.news.forms import NewsItemForm
from partnerstwo.news.models import NewsItem
from partnerstwo.panel.access import content_editor_required

PER_PAGE = 25


@content_editor_required
def news_list(request):
    items = NewsItem.objects.select_related("updated_by").defer("body")
    paginator = Paginator(items, PER_PAGE)
    page = paginator.get_page(request.GET.get("strona"))
    context = {"page_obj": page, "items": page.object_list, "page_range": paginator.get_elided_page_range(page.number)}
    return render(request, "news/panel/news_list.html", context)


@content_editor_required
def news_create(request):
    return _edit(request, NewsItem())


@content_editor_required
def news_edit(request, pk):
    return _edit(request, get_object_or_404(NewsItem, pk=pk))


def _edit(request, item):
    is_new = item.pk is None
    original_title = item.title
    form = NewsItemForm(request.POST or None, instance=item)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_markdown(form.cleaned_data["body"])
        else:
            save_news_item(form.instance, editor=request.user)
            messages.success(request, _("Zapisano aktualność „%(title)s”.") % {"title": form.instance.title})
            return redirect("panel:news_list")
    context = {"form": form, "item": item, "original_title": original_title, "is_new": is_new, "preview": preview}
    return render(request, "news/panel/news_form.html", context)
