"""The bulletin in the staff panel: issues, composing one (its items, their order and notes), publishing it, and
the media contacts who receive each new issue."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.bulletin import compose as composing
from partnerstwo.bulletin.forms import AddItemForm, IssueForm, MediaContactForm, NoteForm
from partnerstwo.bulletin.models import Issue, Item, ItemKind, MediaContact, can_compile
from partnerstwo.lib.access import role_required

PAGE_SIZE = 30

compiler_required = role_required(can_compile)


def _refusal(error: ValidationError) -> str:
    return " ".join(error.messages)


@compiler_required
def index(request):
    issues = Issue.objects.newest()
    page = Paginator(issues, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "bulletin/panel/index.html", {
        "page_obj": page, "contacts_count": MediaContact.objects.count()})


@compiler_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = IssueForm(request.POST or None, initial=composing.next_numbering())
    if request.method == "POST" and form.is_valid():
        issue = composing.save_issue(form.instance, by=request.user)
        messages.success(request, _("Wydanie utworzone. Teraz wybierz jego pozycje."))
        return redirect("panel:bulletin_panel:compose", pk=issue.pk)
    return render(request, "bulletin/panel/create.html", {"form": form})


def _issue(pk) -> Issue:
    return get_object_or_404(Issue, pk=pk)


def _compose_page(request, issue, *, issue_form=None, failed_add=None, failed_note=None):
    items = issue.items.select_related("post__organization", "event", "competition").order_by("position", "pk")
    rows = []
    for item in items:
        form = failed_note if failed_note is not None and failed_note[0] == item.pk else None
        rows.append((item, form[1] if form else NoteForm(initial={"note": item.note}, auto_id=f"id_item{item.pk}_%s")))
    offered = []
    if not issue.is_published:
        for kind, found in composing.candidates(issue).items():
            choices = []
            for target in found:
                bound = failed_add if failed_add is not None and failed_add[:2] == (kind, target.pk) else None
                choices.append((target, bound[2] if bound else AddItemForm(
                    initial={"kind": kind, "target": target.pk}, auto_id=f"id_{kind}{target.pk}_%s")))
            offered.append((ItemKind(kind).label, kind, choices))
    form = issue_form or (None if issue.is_published else IssueForm(instance=issue))
    return render(request, "bulletin/panel/compose.html", {
        "issue": issue, "form": form, "rows": rows, "offered": offered, "last": len(rows)})


@compiler_required
@require_http_methods(["GET", "POST"])
def compose(request, pk):
    issue = _issue(pk)
    if request.method == "POST" and not issue.is_published:
        form = IssueForm(request.POST, instance=issue)
        if form.is_valid():
            try:
                composing.save_issue(form.instance, by=request.user)
            except ValidationError as error:
                messages.error(request, _refusal(error))
            else:
                messages.success(request, _("Zapisano dane wydania."))
            return redirect("panel:bulletin_panel:compose", pk=issue.pk)
        issue.refresh_from_db()
        return _compose_page(request, issue, issue_form=form)
    return _compose_page(request, issue)


@compiler_required
@require_POST
def add_item(request, pk):
    issue = _issue(pk)
    form = AddItemForm(request.POST)
    if form.is_valid():
        try:
            composing.add_item(issue, kind=form.cleaned_data["kind"], target_id=form.cleaned_data["target"],
                               note=form.cleaned_data["note"])
        except ValidationError as error:
            messages.error(request, _refusal(error))
        else:
            messages.success(request, _("Dodano pozycję na końcu wydania."))
        return redirect("panel:bulletin_panel:compose", pk=issue.pk)
    kind, target = request.POST.get("kind", ""), request.POST.get("target", "")
    if kind in ItemKind.values and target.isdigit():
        form.auto_id = f"id_{kind}{target}_%s"
        return _compose_page(request, issue, failed_add=(kind, int(target), form))
    messages.error(request, _("Nie wiadomo, którą pozycję dodać; wybierz ją z listy propozycji."))
    return redirect("panel:bulletin_panel:compose", pk=issue.pk)


@compiler_required
@require_POST
def change_item(request, pk, item_pk):
    issue = _issue(pk)
    item = get_object_or_404(Item.objects.select_related("issue"), pk=item_pk, issue=issue)
    action = request.POST.get("action")
    try:
        if action in ("up", "down"):
            composing.move(item, up=action == "up")
        elif action == "remove":
            composing.remove(item)
            messages.success(request, _("Usunięto pozycję z wydania."))
        elif action == "note":
            form = NoteForm(request.POST, auto_id=f"id_item{item.pk}_%s")
            if not form.is_valid():
                return _compose_page(request, issue, failed_note=(item.pk, form))
            composing.set_note(item, form.cleaned_data["note"])
            messages.success(request, _("Zapisano komentarz redakcji."))
        else:
            messages.error(request, _("Nieznane polecenie; spróbuj jeszcze raz."))
    except ValidationError as error:
        messages.error(request, _refusal(error))
    return redirect(f"{issue_url(issue)}#pozycja-{item.pk}" if action in ("up", "down", "note") else issue_url(issue))


def issue_url(issue) -> str:
    return reverse("panel:bulletin_panel:compose", args=[issue.pk])


@compiler_required
@require_POST
def publish(request, pk):
    issue = _issue(pk)
    try:
        composing.publish(issue, by=request.user)
    except ValidationError as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(request, _("Wydanie opublikowane. Rozsyłka do subskrybentów biuletynu i kontaktów w "
                                    "mediach wyjdzie w ciągu kilku minut (zobaczysz ją w „Rozsyłkach”)."))
    return redirect("panel:bulletin_panel:compose", pk=issue.pk)


@compiler_required
@require_http_methods(["GET", "POST"])
def contacts(request):
    form = MediaContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Dodano kontakt."))
        return redirect("panel:bulletin_panel:contacts")
    return render(request, "bulletin/panel/contacts.html", {
        "form": form, "contacts": MediaContact.objects.all()})


@compiler_required
@require_http_methods(["GET", "POST"])
def edit_contact(request, pk):
    contact = get_object_or_404(MediaContact, pk=pk)
    form = MediaContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Zapisano kontakt."))
        return redirect("panel:bulletin_panel:contacts")
    return render(request, "bulletin/panel/contact.html", {"form": form, "contact": contact})


@compiler_required
@require_POST
def delete_contact(request, pk):
    get_object_or_404(MediaContact, pk=pk).delete()
    messages.success(request, _("Usunięto kontakt z listy."))
    return redirect("panel:bulletin_panel:contacts")
