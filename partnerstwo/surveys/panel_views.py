"""The staff panel: surveys built by the Centre or the advisory body, sent, reminded, and their results."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from partnerstwo.lib.access import role_required
from partnerstwo.newsletter.models import Recipient

from . import builder, exports, results, sending, tasks
from .audience import addressed_organizations, can_build
from .forms import QuestionForm, ResultsFilterForm, SectionForm, SurveyForm
from .models import Question, Response, Section, Survey, SurveyMailing

TEXT_PAGE_SIZE = 50

builder_required = role_required(can_build)


ROWS = {"czesc": Section, "pytanie": Question}


def _row_model(kind: str):
    if kind not in ROWS:
        raise Http404
    return ROWS[kind]


def _survey(pk) -> Survey:
    return get_object_or_404(Survey.objects.select_related("sphere", "team_group"), pk=pk)


@builder_required
@require_safe
def index(request):
    surveys = Survey.objects.annotate(answered=Count("responses")).order_by("-opens_on", "-pk")
    return render(request, "surveys/panel/index.html", {"surveys": surveys})


@builder_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        survey = form.save(commit=False)
        survey.created_by = request.user
        survey.save()
        survey.sections.create(title=_("Pytania"), position=1)
        messages.success(request, _("Badanie utworzone. Dodaj pytania."))
        return redirect("panel:surveys_panel:detail", survey.pk)
    return render(request, "surveys/panel/form.html", {"form": form, "heading": _("Nowe badanie potrzeb")})


@builder_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    survey = _survey(pk)
    form = SurveyForm(request.POST or None, instance=survey, audience_locked=builder.questionnaire_locked(survey))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Ustawienia badania zapisane."))
        return redirect("panel:surveys_panel:detail", survey.pk)
    return render(request, "surveys/panel/form.html", {
        "form": form, "survey": survey, "heading": _("Ustawienia: %(title)s") % {"title": survey.title},
    })


@builder_required
@require_safe
def detail(request, pk):
    survey = _survey(pk)
    sections = list(survey.sections.prefetch_related("questions__choices"))
    addressed = addressed_organizations(survey)
    return render(request, "surveys/panel/detail.html", {
        "survey": survey, "sections": sections, "locked": builder.questionnaire_locked(survey),
        "addressed": addressed.count(),
        "reachable": sending.recipients(survey).count(),
        "answered": Response.objects.filter(survey=survey).count(),
        "mailings": survey.mailings.select_related("mailing", "sent_by"),
        "invited": survey.mailings.filter(kind=SurveyMailing.Kind.INVITATION).exists(),
        "not_mailed": addressed.exclude(mailing_recipient__in=Recipient.objects.active()).count(),
    })


def _locked_message(request, error: ValidationError, survey: Survey):
    messages.error(request, " ".join(error.messages))
    return redirect("panel:surveys_panel:detail", survey.pk)


@builder_required
@require_http_methods(["GET", "POST"])
def section_form(request, pk, section_pk=None):
    survey = _survey(pk)
    section = get_object_or_404(Section, survey=survey, pk=section_pk) if section_pk else None
    form = SectionForm(request.POST or None, instance=section)
    if request.method == "POST" and form.is_valid():
        try:
            builder.save_section(form, survey=survey)
        except ValidationError as error:
            return _locked_message(request, error, survey)
        messages.success(request, _("Część ankiety zapisana."))
        return redirect("panel:surveys_panel:detail", survey.pk)
    heading = _("Część ankiety: %(title)s") % {"title": section.title} if section else _("Nowa część ankiety")
    return render(request, "surveys/panel/form.html", {"form": form, "survey": survey, "heading": heading})


@builder_required
@require_http_methods(["GET", "POST"])
def question_form(request, pk, question_pk=None):
    survey = _survey(pk)
    question = get_object_or_404(Question, survey=survey, pk=question_pk) if question_pk else None
    initial = {}
    if question is None and request.GET.get("czesc", "").isdigit():
        initial["section"] = request.GET["czesc"]
    form = QuestionForm(request.POST or None, instance=question, survey=survey, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            builder.save_question(form, survey=survey)
        except ValidationError as error:
            return _locked_message(request, error, survey)
        messages.success(request, _("Pytanie zapisane."))
        return redirect("panel:surveys_panel:detail", survey.pk)
    heading = _("Pytanie: %(text)s") % {"text": question.text} if question else _("Nowe pytanie")
    return render(request, "surveys/panel/form.html", {"form": form, "survey": survey, "heading": heading})


@builder_required
@require_POST
def delete(request, pk, kind, row_pk):
    survey = _survey(pk)
    model = _row_model(kind)
    row = get_object_or_404(model, survey=survey, pk=row_pk)
    try:
        builder.delete_section(row) if model is Section else builder.delete_question(row)
    except ValidationError as error:
        return _locked_message(request, error, survey)
    messages.success(request, _("Usunięto."))
    return redirect("panel:surveys_panel:detail", survey.pk)


@builder_required
@require_POST
def move(request, pk, kind, row_pk):
    survey = _survey(pk)
    model = _row_model(kind)
    row = get_object_or_404(model, survey=survey, pk=row_pk)
    try:
        builder.move(row, up=request.POST.get("kierunek") == "w-gore")
    except ValidationError as error:
        return _locked_message(request, error, survey)
    return redirect("panel:surveys_panel:detail", survey.pk)


@builder_required
@require_POST
def send(request, pk, kind):
    survey = _survey(pk)
    if kind not in ("zaproszenie", "przypomnienie"):
        raise Http404
    action = sending.send_reminder if kind == "przypomnienie" else sending.send_invitation
    try:
        record = action(survey, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Wiadomość przekazana do wysyłki: %(count)s adresów.") % {
            "count": record.recipients})
    return redirect("panel:surveys_panel:detail", survey.pk)


@builder_required
@require_safe
def results_page(request, pk):
    survey = _survey(pk)
    filters = ResultsFilterForm(request.GET)
    found = results.summary(survey, **filters.chosen())
    return render(request, "surveys/panel/results.html", {"survey": survey, "filters": filters, **found})


@builder_required
@require_safe
def text_answers(request, pk, question_pk):
    survey = _survey(pk)
    question = get_object_or_404(Question, survey=survey, pk=question_pk, kind=Question.Kind.TEXT)
    filters = ResultsFilterForm(request.GET)
    page = Paginator(results.text_answers(question, **filters.chosen()), TEXT_PAGE_SIZE).get_page(
        request.GET.get("strona"))
    return render(request, "surveys/panel/text_answers.html", {
        "survey": survey, "question": question, "page_obj": page, "filters": filters,
    })


@builder_required
@require_safe
def export(request, pk, file_format):
    """The answers as CSV or XLSX, made by the worker (tasks.build_export) and then served from private storage;
    until the file for the answers as they are now exists, a page says it is being prepared (202 Accepted)."""
    survey = _survey(pk)
    if file_format not in exports.FORMATS:
        raise Http404
    filters = ResultsFilterForm(request.GET).chosen()
    found = tasks.export_or_queue(survey, file_format, language=get_language(), **filters)
    if found is not None:
        return found
    response = render(request, "surveys/panel/export_pending.html", {
        "survey": survey, "kind": file_format.upper(), "again": request.get_full_path(),
        "results_query": request.GET.urlencode(),
    }, status=202)
    response["Retry-After"] = "30"
    return response
