"""View pieces shared by content pages and news: the panel's edit page and paginated lists."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from partnerstwo.lib.markdown import render_markdown


def paginated(request, items, per_page: int) -> dict:
    """The context editorial/pagination.html reads, for the page of items asked for by ?strona=."""
    paginator = Paginator(items, per_page)
    page = paginator.get_page(request.GET.get("strona"))
    return {"page_obj": page, "items": page.object_list, "page_range": paginator.get_elided_page_range(page.number)}


def edit_form_page(request, form, *, template: str, context: dict, save):
    """The panel's form of one item: "Podgląd" renders the body unsaved; saving calls save(form).

    save returns the response to send (usually a redirect), or a form to show again (after a conflict).
    """
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_markdown(form.cleaned_data["body"])
        else:
            outcome = save(form)
            if isinstance(outcome, HttpResponse):
                return outcome
            form = outcome
    return render(request, template, {**context, "form": form, "preview": preview})
