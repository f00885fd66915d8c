"""Staff pages of the competitions: the list, the announcement form, documents and the lifecycle actions.

Officials edit their own department's competitions and administrators all (Competition.objects.editable_by),
so another department's competition gives a 404. Team members read the list only; the other pages answer 403.
Each lifecycle action is a GET page that explains it and a POST button that does it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.accounts.access import panel_required
from partnerstwo.grants.committees import evaluation
from partnerstwo.grants.competitions import lifecycle, rules
from partnerstwo.grants.competitions.forms import (
    CancelForm,
    CompetitionForm,
    CriterionFormSet,
    DocumentForm,
    NewCriterionFormSet,
    PriorFundingFormSet,
    ReplaceDocumentForm,
    ResultsForm,
)
from partnerstwo.grants.competitions.models import Competition, CompetitionDocument
from partnerstwo.lib.access import role_required
from partnerstwo.lib.publication import PublicationForm

Status = Competition.Status
PAGE_SIZE = 50


def can_edit_competitions(user) -> bool:
    return user.is_active and (user.is_administrator or (user.is_official and bool(user.department_id)))


editor_required = role_required(can_edit_competitions)


def _editable(request, pk):
    return get_object_or_404(
        Competition.objects.editable_by(request.user).select_related("department", "sphere"), pk=pk
    )


@panel_required
def index(request):
    competitions = Competition.objects.listed_in_panel_for(request.user).select_related("department")
    status = request.GET.get("stan", "")
    if status in Status.values:
        competitions = competitions.filter(status=status)
    else:
        status = ""
    page = Paginator(competitions.order_by("-offer_deadline", "-pk"), PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "grants/competitions/panel/index.html", {
        "page_obj": page, "status": status, "statuses": Status.choices,
        "can_edit": can_edit_competitions(request.user),
    })


def _formsets(request, competition):
    data = request.POST if request.method == "POST" else None
    if competition.pk:
        criteria = CriterionFormSet(data, instance=competition, prefix="kryteria")
    else:
        criteria = NewCriterionFormSet(data, instance=competition, prefix="kryteria",
                                       initial=rules.default_criteria())
    year = competition.year if competition.pk else None
    if data is not None:
        try:
            year = int(data.get("year", ""))
        except ValueError:
            year = None
    prior = PriorFundingFormSet(data, instance=competition, prefix="zadania", form_kwargs={"competition_year": year})
    return criteria, prior


def _save_all(form, criteria, prior):
    competition = form.save()
    criteria.instance = prior.instance = competition
    criteria.save()
    prior.save()
    return competition


@editor_required
@require_http_methods(["GET", "POST"])
def create(request):
    competition = Competition(department_id=request.user.department_id)
    form = CompetitionForm(request.POST or None, instance=competition, user=request.user)
    criteria, prior = _formsets(request, competition)
    if request.method == "POST" and form.is_valid() and criteria.is_valid() and prior.is_valid():
        with transaction.atomic():
            competition = _save_all(form, criteria, prior)
        messages.success(request, _("Zapisano projekt konkursu. Ogłoś go, gdy ogłoszenie będzie kompletne."))
        return redirect("panel:grants_panel:edit", competition.pk)
    return render(request, "grants/competitions/panel/form.html", {
        "form": form, "criteria": criteria, "prior": prior, "competition": None,
    })


@editor_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    competition = _editable(request, pk)
    editable = competition.status in lifecycle.EDITABLE
    before = lifecycle.snapshot(competition)
    form = criteria = prior = None
    if editable:
        form = CompetitionForm(request.POST or None, instance=competition, user=request.user)
        criteria, prior = _formsets(request, competition)
        if request.method == "POST" and form.is_valid() and criteria.is_valid() and prior.is_valid():
            with transaction.atomic():
                competition = _save_all(form, criteria, prior)
                lifecycle.record_edit(
                    competition, before, criteria_changed=criteria.has_changed(),
                    prior_funding_changed=prior.has_changed(), by=request.user,
                )
            messages.success(request, _("Zapisano zmiany."))
            return redirect("panel:grants_panel:edit", competition.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return render(request, "grants/competitions/panel/form.html", {
        "form": form, "criteria": criteria, "prior": prior, "competition": competition,
        "problems": rules.announcement_problems(competition) if competition.status == Status.PLANNED else [],
        "can_evaluate": competition.status == Status.CLOSED,
        "can_cancel": competition.status in lifecycle.CANCELLABLE,
        "outcome_publication": getattr(competition, "outcome_publication", None),
    })


@editor_required
@require_http_methods(["GET", "POST"])
def documents(request, pk):
    competition = _editable(request, pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if competition.status not in lifecycle.EDITABLE:
            raise PermissionDenied
        if form.is_valid():
            lifecycle.add_document(competition, form.save(commit=False), by=request.user)
            messages.success(request, _("Dodano dokument."))
            return redirect("panel:grants_panel:documents", competition.pk)
    return render(request, "grants/competitions/panel/documents.html", {
        "competition": competition, "form": form,
        "documents": competition.documents.order_by("-is_current", "title", "-uploaded_at"),
        "editable": competition.status in lifecycle.EDITABLE,
    })


@editor_required
@require_http_methods(["GET", "POST"])
def replace_document(request, pk, document_pk):
    competition = _editable(request, pk)
    old = get_object_or_404(CompetitionDocument, competition=competition, pk=document_pk, is_current=True)
    if competition.status not in lifecycle.EDITABLE:
        raise PermissionDenied
    form = ReplaceDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        lifecycle.replace_document(old, file=form.cleaned_data["file"], by=request.user)
        messages.success(request, _("Zastąpiono dokument; poprzednia wersja jest oznaczona jako nieaktualna."))
        return redirect("panel:grants_panel:documents", competition.pk)
    return render(request, "grants/competitions/panel/replace_document.html", {
        "competition": competition, "document": old, "form": form,
    })


def _action_page(request, competition, *, title, explanation, button, form=None, problems=(), danger=False):
    return render(request, "grants/competitions/panel/action.html", {
        "competition": competition, "title": title, "explanation": explanation, "button": button,
        "form": form, "problems": problems, "danger": danger,
    })


def _refused(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)


@editor_required
@require_http_methods(["GET", "POST"])
def announce(request, pk):
    competition = _editable(request, pk)
    problems = rules.announcement_problems(competition) if competition.status == Status.PLANNED else []
    if request.method == "POST":
        try:
            lifecycle.announce(competition, by=request.user)
        except ValidationError as error:
            _refused(request, error)
            return redirect("panel:grants_panel:edit", competition.pk)
        messages.success(request, _("Konkurs ogłoszony; jest widoczny na stronie /konkursy/."))
        return redirect("panel:grants_panel:edit", competition.pk)
    if competition.status != Status.PLANNED:
        problems = [_("Ogłosić można tylko konkurs planowany.")]
    return _action_page(
        request, competition, title=_("Ogłoszenie konkursu"), button=_("Ogłoś konkurs"), problems=problems,
        explanation=_("Po ogłoszeniu konkurs będzie widoczny publicznie, a organizacje dostaną powiadomienia. "
                      "Nabór ofert rozpocznie się w dniu ostatniego z trzech ogłoszeń."),
    )


@editor_required
@require_http_methods(["GET", "POST"])
def start_evaluation(request, pk):
    competition = _editable(request, pk)
    if request.method == "POST":
        try:
            lifecycle.start_evaluation(competition, by=request.user)
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Rozpoczęto ocenę ofert."))
        return redirect("panel:grants_panel:edit", competition.pk)
    problems = [] if competition.status == Status.CLOSED else [
        _("Ocenę ofert można rozpocząć dopiero po upływie terminu składania ofert.")
    ]
    return _action_page(
        request, competition, title=_("Rozpoczęcie oceny ofert"), button=_("Rozpocznij ocenę ofert"),
        problems=problems,
        explanation=_("Nabór ofert jest zakończony; wcześniejsze zamknięcie naboru nie jest możliwe."),
    )


@editor_required
@require_http_methods(["GET", "POST"])
def publish_results(request, pk):
    competition = _editable(request, pk)
    if evaluation.hidden_organizations(request.user, competition):
        # The form shows every offer with the committee's proposed amount: someone who declared a conflict
        # with an offering organisation neither sees it nor decides the grants (art. 24 k.p.a.).
        return _action_page(
            request, competition, title=_("Ogłoszenie wyników"), button=_("Opublikuj wyniki"),
            problems=[_("Zgłosił(a) Pan(i) w komisji konflikt interesów z organizacją, która złożyła ofertę. "
                        "Wyniki ogłasza inna osoba prowadząca konkurs.")],
            explanation=_("Wyniki są ogłaszane niezwłocznie w BIP, na tablicy ogłoszeń i na stronie internetowej "
                          "(art. 15 ust. 2h); tutaj publikujemy je na stronie konkursu."),
        )
    offers = competition.offers.select_related("organization").order_by("organization__name", "title")
    form = ResultsForm(request.POST or None, offers=offers, initial={"note": competition.results_note})
    if request.method == "POST" and form.is_valid():
        try:
            lifecycle.publish_results(
                competition, by=request.user, note=form.cleaned_data["note"], amounts=form.amounts()
            )
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Wyniki konkursu są opublikowane."))
        return redirect("panel:grants_panel:edit", competition.pk)
    problems = [] if competition.status == Status.EVALUATION else [_("Wyniki można ogłosić dopiero po ocenie ofert.")]
    return _action_page(
        request, competition, title=_("Ogłoszenie wyników"), button=_("Opublikuj wyniki"), form=form,
        problems=problems,
        explanation=_("Wyniki są ogłaszane niezwłocznie w BIP, na tablicy ogłoszeń i na stronie internetowej "
                      "(art. 15 ust. 2h); tutaj publikujemy je na stronie konkursu."),
    )


@editor_required
@require_http_methods(["GET", "POST"])
def cancel(request, pk):
    competition = _editable(request, pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            lifecycle.cancel(
                competition, by=request.user, ground=form.cleaned_data["ground"], details=form.cleaned_data["details"]
            )
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Konkurs unieważniono."))
        return redirect("panel:grants_panel:edit", competition.pk)
    if competition.status not in lifecycle.CANCELLABLE:
        problems = [_("Konkurs można unieważnić (art. 18a) po upływie terminu składania ofert, przed ogłoszeniem "
                      "wyników.")]
    elif not (ground := lifecycle.cancellation_ground(competition)):
        problems = [_("Złożono oferty, a nie wszystkie zostały odrzucone w ocenie formalnej: żadna z podstaw "
                      "unieważnienia z art. 18a nie zachodzi.")]
    else:
        problems = []
        if not form.is_bound:
            form = CancelForm(initial={"ground": ground})
    return _action_page(
        request, competition, title=_("Unieważnienie konkursu"), button=_("Unieważnij konkurs"), form=form,
        problems=problems, danger=True,
        explanation=_("Art. 18a: konkurs unieważnia się, gdy nie złożono żadnej oferty albo żadna oferta nie "
                      "spełniła wymogów zawartych w ogłoszeniu. Unieważnienie ogłasza się w tych samych "
                      "trzech miejscach."),
    )


@editor_required
@require_http_methods(["GET", "POST"])
def outcome_publication(request, pk):
    """Where and when the results (art. 15 ust. 2h) or the cancellation (art. 18a) appeared in the three places."""
    competition = _editable(request, pk)
    day = lifecycle.outcome_day(competition)
    cancelled = competition.status == Status.CANCELLED
    record = getattr(competition, "outcome_publication", None)
    form = PublicationForm(
        request.POST or None, today=timezone.localdate(), not_before=day, initial_record=record,
        not_before_label=_("dzień unieważnienia konkursu") if cancelled else _("dzień ogłoszenia wyników"),
    )
    if request.method == "POST" and day and form.is_valid():
        try:
            lifecycle.record_outcome_publication(competition, dates=form.dates(), by=request.user)
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Zapisano daty publikacji."))
        return redirect("panel:grants_panel:edit", competition.pk)
    problems = [] if day else [
        _("Publikację zapisuje się po ogłoszeniu wyników albo unieważnieniu konkursu.")
    ]
    if cancelled:
        title = _("Publikacja unieważnienia konkursu")
        explanation = _("Unieważnienie konkursu ogłasza się w tych samych trzech miejscach co konkurs (art. 18a "
                        "w związku z art. 13 ust. 3): w BIP, na tablicy ogłoszeń i na stronie internetowej urzędu. "
                        "Wpisz dni, w których się ukazało; brakujące daty można dopisać później.")
    else:
        title = _("Publikacja wyników konkursu")
        explanation = _("Wyniki ogłasza się niezwłocznie w BIP, na tablicy ogłoszeń i na stronie internetowej urzędu "
                        "(art. 15 ust. 2h). Wpisz dni, w których się ukazały; brakujące daty można dopisać później.")
    return _action_page(request, competition, title=title, explanation=explanation, button=_("Zapisz daty publikacji"),
                        form=form, problems=problems)
