"""Editing content pages in the staff panel (officials and administrators)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerstwo.accounts.access import content_editor_required
from partnerstwo.lib.editorial.views import edit_form_page
from partnerstwo.pages.editing import EditConflict, diff_lines, restore_revision, save_page
from partnerstwo.pages.forms import ContentPageForm
from partnerstwo.pages.models import ContentPage, PageRevision

HISTORY_PER_PAGE = 50


@content_editor_required
def page_list(request):
    pages = ContentPage.objects.select_related("updated_by").order_by("title")
    return render(request, "pages/panel/page_list.html", {"pages": pages})


@content_editor_required
def page_create(request):
    return _edit(request, ContentPage())


@content_editor_required
def page_edit(request, pk):
    return _edit(request, get_object_or_404(ContentPage, pk=pk))


def _edit(request, page):
    context = {"page": page, "original_title": page.title, "is_new": page.pk is None, "new_heading": _("Nowa strona")}

    def save(form):
        try:
            revision = save_page(
                form.instance,
                editor=request.user,
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict:
            return _conflicted_form(request, page)
        if revision is None:
            messages.info(request, _("Nie wprowadzono żadnych zmian."))
        else:
            messages.success(request, _("Zapisano stronę „%(title)s”.") % {"title": form.instance.title})
        return redirect("panel:pages_panel:index")

    form = ContentPageForm(request.POST or None, instance=page)
    return edit_form_page(request, form, template="pages/panel/page_form.html", context=context, save=save)


def _conflicted_form(request, page):
    """The editor's text stays in the form; saving again (now knowingly) replaces the other edit."""
    current = ContentPage.objects.get(pk=page.pk)
    data = request.POST.copy()
    data["version"] = str(current.version)
    form = ContentPageForm(data, instance=current)
    form.is_valid()
    form.add_error(
        None,
        _(
            "W czasie Twojej edycji ktoś inny zapisał zmiany tej strony. Sprawdź je w historii zmian; "
            "jeśli zapiszesz ponownie, Twoja wersja zastąpi tamtą."
        ),
    )
    return form


@content_editor_required
def page_history(request, pk):
    page = get_object_or_404(ContentPage, pk=pk)
    revisions = page.revisions.select_related("edited_by").defer("body")
    history = Paginator(revisions, HISTORY_PER_PAGE).get_page(request.GET.get("strona"))
    return render(request, "pages/panel/page_history.html", {"page": page, "page_obj": history, "revisions": history})


@content_editor_required
def page_revision(request, pk, revision_pk):
    revision = get_object_or_404(PageRevision.objects.select_related("page", "edited_by"), pk=revision_pk, page_id=pk)
    previous = revision.previous()
    before = previous.body if previous else ""
    context = {
        "page": revision.page,
        "revision": revision,
        "previous": previous,
        "title_changed": previous is not None and previous.title != revision.title,
        "diff": diff_lines(before, revision.body),
        "is_current": revision.title == revision.page.title and revision.body == revision.page.body,
    }
    return render(request, "pages/panel/page_revision.html", context)


@content_editor_required
@require_POST
def page_restore(request, pk, revision_pk):
    revision = get_object_or_404(PageRevision.objects.select_related("page"), pk=revision_pk, page_id=pk)
    when = formats.date_format(timezone.localtime(revision.edited_at), "d.m.Y, H:i")
    restored = restore_revision(revision, editor=request.user, note=_("Przywrócono wersję z %(date)s") % {"date": when})
    if restored is None:
        messages.info(request, _("Ta wersja jest już aktualna."))
    else:
        messages.success(request, _("Przywrócono wersję z %(date)s.") % {"date": when})
    return redirect("panel:pages_panel:history", pk=pk)
