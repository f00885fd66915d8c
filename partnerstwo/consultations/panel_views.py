"""Consultations in the staff panel: prepare, paste and check the split, announce, enter received comments,
moderate, answer, and publish the report.

For officials (their own department's consultations) and administrators (all); others get 403, and a
consultation of another department is a 404 (Consultation.objects.editable_by).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.consultations import answering, drafting, participation, report
from partnerstwo.consultations.forms import (
    AnswerForm,
    ConsultationForm,
    DocumentForm,
    DraftTextForm,
    ReceivedCommentForm,
    RemovalForm,
    ReportForm,
)
from partnerstwo.consultations.models import Consultation, Stage
from partnerstwo.lib.access import role_required
from partnerstwo.lib.forms import add_errors
from partnerstwo.lib.views import submitted

PAGE_SIZE = 50
# The answering page lists this many comments at a time (3,000 on one page took 3 s to render).
ANSWER_PAGE_SIZE = 50

official_or_administrator_required = role_required(lambda user: user.is_official or user.is_administrator)


def _mine(request):
    return Consultation.objects.editable_by(request.user).select_related("department")


def _get(request, pk) -> Consultation:
    return get_object_or_404(_mine(request), pk=pk)


def _to_detail(consultation):
    return redirect("panel:consultations_panel:detail", pk=consultation.pk)


@official_or_administrator_required
def index(request):
    consultations = _mine(request).annotate(
        comment_count=Count("comments", filter=Q(comments__withdrawn_at__isnull=True,
                                                 comments__removed_at__isnull=True)),
        unanswered=Count("comments", filter=Q(comments__withdrawn_at__isnull=True,
                                              comments__removed_at__isnull=True, comments__answer__isnull=True)),
    ).order_by("-starts_on", "-pk")
    page = Paginator(consultations, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "consultations/panel/index.html", {"page_obj": page})


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def create(request):
    data, _files = submitted(request)
    today = timezone.localdate()
    form = ConsultationForm(data, user=request.user, initial={
        "starts_on": today, "ends_on": drafting.minimum_end("resolution", today),
        "contact_name": request.user.full_name, "contact_email": request.user.email,
    })
    if request.method == "POST" and form.is_valid():
        consultation = drafting.create(form.save(commit=False), by=request.user, save_m2m=form.save_m2m)
        messages.success(request, _("Konsultacje utworzone. Wklej tekst projektu i sprawdź jego podział."))
        return redirect("panel:consultations_panel:text", pk=consultation.pk)
    return render(request, "consultations/panel/form.html", {"form": form}, status=400 if form.errors else 200)


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    consultation = _get(request, pk)
    data, _files = submitted(request)
    form = ConsultationForm(data, instance=consultation, user=request.user)
    if request.method == "POST" and form.is_valid():
        drafting.open_body_position(form.save())
        messages.success(request, _("Zmiany zapisane."))
        return _to_detail(consultation)
    return render(request, "consultations/panel/form.html", {"form": form, "consultation": consultation},
                  status=400 if form.errors else 200)


@official_or_administrator_required
def detail(request, pk):
    consultation = _get(request, pk)
    version = consultation.current_version()
    comments = consultation.comments.select_related("unit", "organization", "answer").order_by("created_at", "pk")
    return render(request, "consultations/panel/detail.html", {
        "consultation": consultation, "version": version, "stage": consultation.stage(),
        "problems": [] if consultation.is_announced else drafting.announcement_problems(consultation),
        "documents": consultation.documents.all(), "document_form": DocumentForm(),
        "comments": comments, "opinions": consultation.writtenopinions.select_related("organization"),
        "unit_count": version.units.count() if version else 0,
        "unanswered": answering.unanswered(consultation).count(),
    })


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def text(request, pk):
    """Paste the text; the units are shown below for checking (correct the text and save again to re-split)."""
    consultation = _get(request, pk)
    version = consultation.current_version()
    data, _files = submitted(request)
    form = DraftTextForm(data, initial={"text": version.text if version else ""})
    if request.method == "POST" and form.is_valid():
        try:
            drafting.save_text(consultation, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Tekst podzielony na jednostki. Sprawdź podział poniżej."))
            return redirect("panel:consultations_panel:text", pk=consultation.pk)
    return render(request, "consultations/panel/text.html", {
        "consultation": consultation, "form": form, "version": version,
        "units": version.units.all() if version else [],
    }, status=400 if form.errors else 200)


@official_or_administrator_required
@require_POST
def add_document(request, pk):
    consultation = _get(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        document = form.save(commit=False)
        document.consultation = consultation
        document.save()
        messages.success(request, _("Dokument dodany."))
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
    return _to_detail(consultation)


@official_or_administrator_required
@require_POST
def delete_document(request, pk, document_pk):
    consultation = _get(request, pk)
    document = get_object_or_404(consultation.documents, pk=document_pk)
    if consultation.is_announced:
        messages.error(request, _("Dokumentów ogłoszonych konsultacji nie usuwa się; dodaj nową wersję."))
    else:
        document.delete()
        messages.success(request, _("Dokument usunięty."))
    return _to_detail(consultation)


@official_or_administrator_required
@require_POST
def announce(request, pk):
    consultation = _get(request, pk)
    try:
        drafting.announce(consultation, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Konsultacje ogłoszone: są na stronie, w kalendarzu i trafią do newslettera."))
    return _to_detail(consultation)


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def enter_comment(request, pk):
    consultation = _get(request, pk)
    data, _files = submitted(request)
    form = ReceivedCommentForm(data, consultation=consultation, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data
        received = timezone.make_aware(timezone.datetime.combine(values["received_on"], timezone.datetime.min.time()))
        try:
            participation.enter_received_comment(
                consultation, by=request.user, channel=values["channel"], capacity=values["capacity"],
                author_name=values["author_name"], unit=form.units.get(values["unit"]),
                proposed_wording=values["proposed_wording"], justification=values["justification"],
                received_at=received,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Uwaga wpisana; znajdzie się w sprawozdaniu."))
            return _to_detail(consultation)
    return render(request, "consultations/panel/enter_comment.html", {"consultation": consultation, "form": form},
                  status=400 if form.errors else 200)


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def remove_comment(request, pk, comment_pk, kind="comment"):
    """Moderation of a comment or (kind="opinion") of a written opinion, with the reason shown in its place."""
    consultation = _get(request, pk)
    contributions = consultation.comments.select_related("unit") if kind == "comment" else \
        consultation.writtenopinions.all()
    comment = get_object_or_404(contributions, pk=comment_pk)
    data, _files = submitted(request)
    form = RemovalForm(data)
    if request.method == "POST" and form.is_valid():
        try:
            participation.remove(comment, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Uwaga usunięta; zamiast niej widać powód."))
            return _to_detail(consultation)
    return render(request, "consultations/panel/remove.html", {
        "consultation": consultation, "comment": comment, "form": form, "is_opinion": kind == "opinion",
    }, status=400 if form.errors else 200)


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def answers(request, pk):
    """The counted comments in the order of the draft, a page at a time (optionally only those still without an
    answer), with their (draft) answers; one form answers one or several identical ones."""
    consultation = _get(request, pk)
    only_unanswered = request.GET.get("bez-odpowiedzi") == "1"
    listed = report.comments(consultation)
    if only_unanswered:
        listed = listed.filter(answer__isnull=True)
    page = Paginator(listed, ANSWER_PAGE_SIZE).get_page(request.GET.get("strona"))
    data, _files = submitted(request)
    # Any counted comment of this consultation may be chosen (ids only: the labels are the page's rows). Read only
    # to check what was sent: the page draws its own checkboxes, and 3,000 ids cost a reader for nothing.
    choices = [(str(pk), str(pk)) for pk in consultation.comments.counted().values_list("pk", flat=True)] \
        if request.method == "POST" else []
    form = AnswerForm(data, comment_choices=choices,
                      initial={"comments": [request.GET["uwaga"]] if request.GET.get("uwaga") else []})
    if request.method == "POST" and form.is_valid():
        try:
            answering.answer(consultation, comment_ids=[int(pk) for pk in form.cleaned_data["comments"]],
                             decision=form.cleaned_data["decision"],
                             justification=form.cleaned_data["justification"], by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Odpowiedź zapisana (jako projekt do czasu publikacji sprawozdania)."))
            return redirect(request.get_full_path())
    query = "bez-odpowiedzi=1&" if only_unanswered else ""
    return render(request, "consultations/panel/answers.html", {
        "consultation": consultation, "comments": list(page.object_list), "page_obj": page, "form": form,
        "can_answer": consultation.stage() == Stage.CLOSED, "only_unanswered": only_unanswered,
        "page_query": query, "unanswered": answering.unanswered(consultation).count(),
    }, status=400 if form.errors else 200)


@official_or_administrator_required
@require_http_methods(["GET", "POST"])
def report_draft(request, pk):
    consultation = _get(request, pk)
    data, _files = submitted(request)
    form = ReportForm(data, initial={"outcome": consultation.outcome, "meeting_minutes": consultation.meeting_minutes})
    if request.method == "POST" and form.is_valid():
        try:
            answering.publish_report(consultation, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Sprawozdanie opublikowane; uczestnicy i obserwujący dostaną e-mail."))
            return redirect("consultations:report", slug=consultation.slug)
    return render(request, "consultations/panel/report.html", {
        **report.context(consultation), "form": form,
        "can_publish": consultation.stage() == Stage.CLOSED,
    }, status=400 if form.errors else 200)
