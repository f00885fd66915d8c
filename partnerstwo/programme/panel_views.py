"""The programme in the staff panel: a new programme, its sections, priority tasks and planned funds, its versions,
the consultation of its draft and its adoption.

For officials (their own department's programmes) and administrators (all); others get 403, and a programme of
another department is a 404 (Programme.objects.editable_by). Every change goes through programme/editing.py."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.consultations import drafting
from partnerstwo.lib.access import role_required
from partnerstwo.lib.forms import add_errors
from partnerstwo.lib.views import submitted
from partnerstwo.programme import duties, editing, views
from partnerstwo.programme.forms import (
    AdoptionForm,
    ChangeNoteForm,
    FundsRowFormSet,
    PriorityFormSet,
    ProgrammeConsultationForm,
    ProgrammeForm,
    SectionsForm,
)
from partnerstwo.programme.models import Programme

official_or_administrator_required = role_required(lambda user: user.is_official or user.is_administrator)


def _mine(request):
    return Programme.objects.editable_by(request.user).select_related("department", "consultation")


def _get(request, pk) -> Programme:
    return get_object_or_404(_mine(request), pk=pk)


def _to_detail(programme):
    return redirect("panel:programme_panel:detail", pk=programme.pk)


def _closed(request, programme):
    """An adopted programme's text is fixed: its edit pages send back with a message."""
    if programme.is_adopted:
        messages.error(request, _("Program jest przyjęty uchwałą: jego treści nie można już zmieniać."))
        return _to_detail(programme)
    return None


@official_or_administrator_required
def index(request):
    programmes = list(_mine(request).order_by("-year_from", "-year_to", "pk"))
    today = timezone.localdate()
    due = {item.programme.pk: item.duty for item in reversed(duties.upcoming(programmes, today))}
    return render(request, "programme/panel/index.html", {
        "rows": [(programme, due.get(programme.pk)) for programme in programmes]})


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def create(request):
    data, _files = submitted(request)
    next_year = timezone.localdate().year + 1
    form = ProgrammeForm(data, user=request.user, initial={
        "year_from": next_year, "year_to": next_year,
        "title": _("Program współpracy z organizacjami pozarządowymi na rok %(year)s") % {"year": next_year},
    })
    if request.method == "POST" and form.is_valid():
        programme = editing.create(form.save(commit=False), by=request.user)
        messages.success(request, _("Program utworzony. Uzupełnij jego treść, zadania i środki."))
        return _to_detail(programme)
    return render(request, "programme/panel/create.html", {"form": form}, status=400 if form.errors else 200)


@official_or_administrator_required
def detail(request, pk):
    programme = get_object_or_404(_mine(request).prefetch_related(
        "spheres", "priorities__sphere", "planned_funds__sphere", "planned_funds__priority"), pk=pk)
    versions = list(programme.versions.select_related("created_by"))
    context = views.detail_context(programme, versions=versions)
    context["consultation_problems"] = (
        drafting.announcement_problems(programme.consultation)
        if programme.consultation and not programme.consultation.is_announced else [])
    return render(request, "programme/panel/detail.html", context)


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def sections(request, pk):
    programme = _get(request, pk)
    if closed := _closed(request, programme):
        return closed
    data, _files = submitted(request)
    form = SectionsForm(data, instance=programme)
    if request.method == "POST" and form.is_valid():
        try:
            editing.save_sections(form, by=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Treść programu zapisana jako nowa wersja."))
            return _to_detail(programme)
    return render(request, "programme/panel/sections.html", {"programme": programme, "form": form},
                  status=400 if form.errors else 200)


def _rows(request, pk, *, formset_class, queryset, template, note):
    programme = _get(request, pk)
    if closed := _closed(request, programme):
        return closed
    data, _files = submitted(request)
    formset = formset_class(data, queryset=queryset(programme), programme=programme, prefix="rows")
    note_form = ChangeNoteForm(data)
    if request.method == "POST" and formset.is_valid() and note_form.is_valid():
        try:
            editing.save_rows(programme, formset, by=request.user, note=note_form.cleaned_data["note"] or note)
        except ValidationError as error:
            add_errors(note_form, error)
        else:
            messages.success(request, _("Zmiany zapisane jako nowa wersja programu."))
            return _to_detail(programme)
    invalid = request.method == "POST"
    errors = [] if not invalid else [
        (index, form) for index, form in enumerate(formset.forms, start=1) if form.errors]
    return render(request, template, {
        "programme": programme, "formset": formset, "note_form": note_form, "row_errors": errors,
    }, status=400 if invalid else 200)


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def priorities(request, pk):
    return _rows(request, pk, formset_class=PriorityFormSet, template="programme/panel/priorities.html",
                 queryset=lambda programme: programme.priorities.select_related("sphere"),
                 note=_("Zmiana zadań priorytetowych"))


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def funds(request, pk):
    return _rows(request, pk, formset_class=FundsRowFormSet, template="programme/panel/funds.html",
                 queryset=lambda programme: programme.planned_funds.select_related("sphere", "priority"),
                 note=_("Zmiana środków planowanych"))


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def consultation(request, pk):
    programme = _get(request, pk)
    if closed := _closed(request, programme):
        return closed
    if programme.consultation_id:
        return redirect("panel:consultations_panel:detail", pk=programme.consultation_id)
    data, _files = submitted(request)
    today = timezone.localdate()
    starts = max(today, dt.date(programme.year_from - 1, 9, 15))
    form = ProgrammeConsultationForm(data, user=request.user, initial={
        "title": _("Projekt: %(title)s") % {"title": programme.title},
        "legal_basis": _("art. 5 ust. 2 pkt 3 i art. 5a ust. 1 ustawy o działalności pożytku publicznego "
                         "i o wolontariacie"),
        "summary": _("Zapraszamy organizacje pozarządowe do zgłaszania uwag do projektu programu współpracy."),
        "starts_on": starts, "ends_on": drafting.minimum_end("programme", starts),
        "spheres": list(programme.spheres.values_list("pk", flat=True)),
        "contact_name": request.user.full_name, "contact_email": request.user.email,
    })
    if request.method == "POST" and form.is_valid():
        try:
            created = editing.start_consultation(programme, form, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Konsultacje projektu utworzone z treścią programu. Sprawdź je i ogłoś."))
            return redirect("panel:consultations_panel:detail", pk=created.pk)
    return render(request, "programme/panel/consultation.html", {"programme": programme, "form": form},
                  status=400 if form.errors else 200)


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def adoption(request, pk):
    programme = _get(request, pk)
    if closed := _closed(request, programme):
        return closed
    data, files = submitted(request)
    form = AdoptionForm(data, files, programme=programme, today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        try:
            editing.adopt(programme, number=form.cleaned_data["number"], day=form.cleaned_data["day"],
                          document=form.cleaned_data["document"], by=request.user,
                          consulted_on=form.cleaned_data.get("consulted_on"))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Przyjęcie programu zapisane."))
            return _to_detail(programme)
    return render(request, "programme/panel/adoption.html", {"programme": programme, "form": form},
                  status=400 if form.errors else 200)


@official_or_administrator_required
def compare(request, pk):
    programme = _get(request, pk)
    available = list(programme.versions.select_related("created_by"))
    return render(request, "programme/panel/compare.html", views.compare_context(request, programme, available))
