"""Writing and editing news in the staff panel (officials and administrators)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from partnerstwo.accounts.access import content_editor_required
from partnerstwo.lib.editorial.views import edit_form_page, paginated
from partnerstwo.news.editing import save_news_item
from partnerstwo.news.forms import NewsItemForm
from partnerstwo.news.models import NewsItem

PER_PAGE = 25


@content_editor_required
def news_list(request):
    items = NewsItem.objects.select_related("updated_by").defer("body")
    return render(request, "news/panel/news_list.html", paginated(request, items, PER_PAGE))


@content_editor_required
def news_create(request):
    return _edit(request, NewsItem())


@content_editor_required
def news_edit(request, pk):
    return _edit(request, get_object_or_404(NewsItem, pk=pk))


def _edit(request, item):
    context = {"item": item, "original_title": item.title, "is_new": item.pk is None}
    context["new_heading"] = _("Nowa aktualność")

    def save(form):
        save_news_item(form.instance, editor=request.user)
        messages.success(request, _("Zapisano aktualność „%(title)s”.") % {"title": form.instance.title})
        return redirect("panel:news_panel:index")

    form = NewsItemForm(request.POST or None, instance=item)
    return edit_form_page(request, form, template="news/panel/news_form.html", context=context, save=save)
