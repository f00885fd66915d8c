"""Public pages of consultations: the list, a consultation with its units, one unit's comments, taking part,
the changes between versions, the report (page, PDF, XLSX) and the iCal feed of consultation periods."""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partnerstwo.consultations import ical, participation, report, tasks, wording
from partnerstwo.consultations.forms import CommentEditForm, CommentForm, FilterForm, OpinionForm
from partnerstwo.consultations.models import Comment, Consultation, Stage, Unit, WrittenOpinion
from partnerstwo.lib.forms import add_errors
from partnerstwo.lib.text import search_terms
from partnerstwo.lib.views import submitted

PAGE_SIZE = 20
LISTED_STAGES = [Stage.OPEN, Stage.UPCOMING, Stage.CLOSED, Stage.FINISHED]


def _public():
    return Consultation.objects.public().select_related("department")


@require_GET
def index(request):
    form = FilterForm(request.GET or None)
    consultations = _public().prefetch_related("spheres")
    if form.is_valid():
        data = form.cleaned_data
        for term in search_terms(data.get("q") or ""):
            consultations = consultations.filter(Q(title__icontains=term) | Q(summary__icontains=term))
        if data.get("sfera"):
            consultations = consultations.filter(spheres=data["sfera"])
        if data.get("wydzial"):
            consultations = consultations.filter(department=data["wydzial"])
        if data.get("rodzaj"):
            consultations = consultations.filter(kind=data["rodzaj"])
        if data.get("rok"):
            consultations = consultations.filter(starts_on__year=data["rok"])
    today = timezone.localdate()
    stage = request.GET.get("etap", "")
    groups = []
    for value in LISTED_STAGES:
        if stage and stage != value:
            continue
        rows = consultations.in_stage(value, today).distinct().order_by("-starts_on", "-pk")
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get(f"strona-{value}"))
        groups.append({"stage": value, "label": Stage(value).label, "page_obj": page, "param": f"strona-{value}"})
    return render(request, "consultations/list.html", {
        "form": form, "groups": groups, "stage": stage,
        "stages": [(value, Stage(value).label) for value in LISTED_STAGES],
    })


def _consultation(slug) -> Consultation:
    return get_object_or_404(_public().select_related("team_position").prefetch_related("spheres", "documents"),
                             slug=slug)


def _visible_comments(consultation, user):
    """The comments the public sees (and the author's own ones before that)."""
    comments = consultation.comments.filter(withdrawn_at__isnull=True)
    if consultation.comments_visible():
        return comments
    if user.is_authenticated:
        return comments.filter(author=user)
    return comments.none()


# How long the rendered units stay in the process's memory (their key changes whenever what they show does).
UNITS_CACHE_SECONDS = 24 * 3600


def _units_html(consultation, version, counts: dict, *, show_form: bool) -> str:
    """The draft's units as HTML, rendered once per state and kept in the process's memory: 400 units take the
    template tens of milliseconds, and they change only with the version's text, the count of comments on each
    unit, the form being offered and the language, which make the key (the units are read only when it is missing).
    `counts` is by unit id: a comment on a provision follows it, by its anchor, into a new version that keeps its
    number."""
    # A version's units never change once it is saved, and re-pasting version 1 before the announcement gives it a
    # new created_at: the version's id and time stand for its text.
    state = (consultation.slug, version.pk, version.created_at, sorted(counts.items()), show_form, get_language())
    key = "consultation-units:" + hashlib.sha256(repr(state).encode()).hexdigest()

    def render():
        units = list(version.units.all())
        anchors = {unit.pk: unit.anchor for unit in units}
        earlier = set(counts) - set(anchors)  # comments made on an earlier version
        if earlier:
            anchors.update(Unit.objects.filter(pk__in=earlier).values_list("pk", "anchor"))
        by_anchor = {}
        for unit_id, count in counts.items():
            by_anchor[anchors[unit_id]] = by_anchor.get(anchors[unit_id], 0) + count
        for unit in units:
            unit.comment_count = by_anchor.get(unit.anchor, 0)
        return render_to_string("consultations/_units.html", {
            "units": units, "show_form": show_form,
            # Hundreds of units: one reverse() each for the page instead of one per unit.
            "unit_url_prefix": reverse("consultations:unit", args=[consultation.slug, "-"])[:-2],
            "comment_url": reverse("consultations:comment", args=[consultation.slug]),
        })

    # Rendered by our own template (escaped); the cache hands it back as a plain str.
    return mark_safe(caches["local"].get_or_set(key, render, UNITS_CACHE_SECONDS))  # noqa: S308


@require_GET
def detail(request, slug):
    consultation = _consultation(slug)
    versions = list(consultation.versions.defer("text").order_by("number"))  # one query for the list and the current
    version = versions[-1] if versions else None
    visible = _visible_comments(consultation, request.user)
    # Per unit, from the comments' index alone (grouping by the units' anchors through a join took five times as
    # long at 3,000 comments); the units' HTML adds them up by anchor when it is rendered.
    counts = dict(visible.filter(unit__isnull=False).values_list("unit_id").annotate(n=Count("pk")).order_by())
    whole = visible.filter(unit__isnull=True).select_related("organization", "answer")
    # Comments on provisions a new version took out stay in view, with the wording they were made on.
    gone = visible.filter(unit__isnull=False)
    if version:
        gone = gone.exclude(unit__anchor__in=version.units.values("anchor"))
    gone = list(gone.select_related("unit", "organization", "answer").order_by("unit__position", "created_at", "pk"))
    for comment in gone:
        comment.diff = wording.word_diff(comment.current_wording, comment.proposed_wording)
    opinions = consultation.writtenopinions.filter(withdrawn_at__isnull=True).select_related("organization") \
        if consultation.comments_visible() else consultation.writtenopinions.none()
    is_open, can_take_part = consultation.is_open(), bool(participation.capacities_for(consultation, request.user))
    user = request.user
    return render(request, "consultations/detail.html", {
        "consultation": consultation, "version": version,
        "units_html": _units_html(consultation, version, counts, show_form=is_open and can_take_part
                                  and consultation.form_site) if version else "",
        "versions": versions,
        "whole_comments": whole, "gone_comments": gone, "opinions": opinions,
        "can_take_part": can_take_part,
        "is_open": is_open,
        "stage": consultation.stage(),
        "comments_visible": consultation.comments_visible(),
        "following": user.is_authenticated and consultation.followers.filter(user=user).exists(),
        "own_comments": consultation.comments.filter(author=user).select_related("unit")
        if user.is_authenticated else [],
        "own_opinions": consultation.writtenopinions.filter(author=user, channel="site")
        if user.is_authenticated else [],
        "closed_message": participation.closed_message(consultation),
    })


@require_GET
def unit_comments(request, slug, anchor):
    consultation = _consultation(slug)
    version = consultation.current_version()
    unit = get_object_or_404(version.units.all() if version else Comment.objects.none(), anchor=anchor)
    comments = _visible_comments(consultation, request.user).filter(unit__anchor=anchor).select_related(
        "organization", "answer")
    for comment in comments:
        comment.diff = wording.word_diff(comment.current_wording, comment.proposed_wording)
    return render(request, "consultations/unit.html", {
        "consultation": consultation, "unit": unit, "comments": comments,
        "is_open": consultation.is_open(), "comments_visible": consultation.comments_visible(),
        "can_take_part": bool(participation.capacities_for(consultation, request.user)),
    })


def _take_part_or_refuse(request, consultation):
    """A page of taking part: the login first; then only for those the consultation is open to."""
    if not participation.capacities_for(consultation, request.user):
        return render(request, "consultations/cannot_take_part.html", {"consultation": consultation}, status=403)
    if not consultation.is_open():
        return render(request, "consultations/closed.html", {
            "consultation": consultation, "message": participation.closed_message(consultation)
            if consultation.stage() != Stage.UPCOMING else _("Konsultacje jeszcze się nie rozpoczęły."),
        }, status=409 if request.method == "POST" else 200)
    return None


@login_required
@require_http_methods(["GET", "POST"])
def comment(request, slug):
    consultation = _consultation(slug)
    refusal = _take_part_or_refuse(request, consultation)
    if refusal:
        return refusal
    anchor = request.POST.get("unit") if request.method == "POST" else request.GET.get("jednostka", "")
    data, _files = submitted(request)
    form = CommentForm(data, consultation=consultation, user=request.user, initial={"unit": anchor})
    unit, status = None, 200
    try:
        unit = participation.unit_for_comment(consultation, anchor)
    except ValidationError as error:
        if request.method == "GET":
            raise Http404 from error
        form.is_valid()
        add_errors(form, error)
        status = 400
    if request.method == "POST" and status == 200:
        if form.is_valid():
            try:
                participation.submit_comment(
                    consultation, by=request.user, unit=unit, **form.speaker(),
                    proposed_wording=form.cleaned_data["proposed_wording"],
                    justification=form.cleaned_data["justification"],
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Uwaga zapisana. Możesz ją zmienić lub wycofać do końca konsultacji."))
                return redirect(consultation.get_absolute_url() + (f"#{unit.anchor}" if unit else "#caly-projekt"))
        status = 400
    return render(request, "consultations/comment_form.html", {
        "consultation": consultation, "unit": unit, "form": form,
    }, status=status)


def _own(request, consultation, pk, model=Comment):
    return get_object_or_404(model.objects.filter(consultation=consultation, author=request.user), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def edit_comment(request, slug, pk):
    consultation = _consultation(slug)
    own = _own(request, consultation, pk)
    try:
        participation.editable_comment(own, by=request.user)
    except ValidationError as error:
        return render(request, "consultations/closed.html", {
            "consultation": consultation, "message": " ".join(error.messages)}, status=409)
    data, _files = submitted(request)
    form = CommentEditForm(data, initial={"proposed_wording": own.proposed_wording,
                                          "justification": own.justification})
    if request.method == "POST" and form.is_valid():
        try:
            participation.edit_comment(own, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zmiany w uwadze zapisane."))
            return redirect(consultation.get_absolute_url() + "#moje-uwagi")
    return render(request, "consultations/comment_edit.html", {
        "consultation": consultation, "comment": own, "form": form,
    }, status=400 if form.errors else 200)


@login_required
@require_POST
def withdraw(request, slug, pk, kind="comment"):
    consultation = _consultation(slug)
    own = _own(request, consultation, pk, Comment if kind == "comment" else WrittenOpinion)
    try:
        participation.withdraw(own, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Wycofano. Nie będzie uwzględniona w sprawozdaniu."))
    return redirect(consultation.get_absolute_url() + "#moje-uwagi")


@login_required
@require_http_methods(["GET", "POST"])
def opinion(request, slug):
    consultation = _consultation(slug)
    refusal = _take_part_or_refuse(request, consultation)
    if refusal:
        return refusal
    data, files = submitted(request)
    form = OpinionForm(data, files, consultation=consultation, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            participation.upload_opinion(consultation, by=request.user, title=form.cleaned_data["title"],
                                         file=form.cleaned_data["file"], **form.speaker())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Opinia pisemna dodana."))
            return redirect(consultation.get_absolute_url() + "#opinie")
    return render(request, "consultations/opinion_form.html", {"consultation": consultation, "form": form},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def follow(request, slug):
    consultation = _consultation(slug)
    if request.POST.get("stop"):
        participation.unfollow(consultation, request.user)
        messages.success(request, _("Nie obserwujesz już tych konsultacji."))
    else:
        participation.follow(consultation, request.user)
        messages.success(request, _(
            "Obserwujesz te konsultacje: napiszemy, gdy się zakończą i gdy ukaże się sprawozdanie."))
    return redirect(consultation.get_absolute_url())


@require_GET
def changes(request, slug, number):
    consultation = _consultation(slug)
    versions = {version.number: version for version in consultation.versions.filter(number__in=[number - 1, number])
                .prefetch_related(Prefetch("units"))}
    if number not in versions or number - 1 not in versions:
        raise Http404
    new, old = versions[number], versions[number - 1]
    return render(request, "consultations/changes.html", {
        "consultation": consultation, "new": new, "old": old,
        "changes": wording.compare_versions(list(old.units.all()), list(new.units.all())),
    })


@require_GET
def version(request, slug, number):
    """An earlier version of the draft as it was: its units at their anchors, what the next version changed in each,
    and the comments made on it (by the same rules of visibility as on the consultation's page)."""
    consultation = _consultation(slug)
    versions = {version.number: version for version in consultation.versions.filter(number__in=[number, number + 1])}
    if number not in versions:
        raise Http404
    if number + 1 not in versions:  # the current version is the consultation's own page
        return redirect(consultation.get_absolute_url())
    old, following = versions[number], versions[number + 1]
    units = list(old.units.all())
    changes = wording.compare_versions(units, list(following.units.all()))
    changed = {change.anchor: change for change in changes if change.change != "added"}
    comments = {}
    for comment in (_visible_comments(consultation, request.user).filter(unit__version=old)
                    .select_related("organization", "answer").order_by("created_at", "pk")):
        comment.diff = wording.word_diff(comment.current_wording, comment.proposed_wording)
        comments.setdefault(comment.unit_id, []).append(comment)
    for unit in units:
        unit.change = changed.get(unit.anchor)
        unit.old_comments = comments.get(unit.pk, [])
    return render(request, "consultations/version.html", {
        "consultation": consultation, "version": old, "following": following,
        "current": consultation.current_version(), "units": units,
        "added": [change for change in changes if change.change == "added"],
        "comment_count": sum(len(listed) for listed in comments.values()),
        "comments_visible": consultation.comments_visible(),
    })


def _reported(slug) -> Consultation:
    return get_object_or_404(_public().filter(report_published_at__isnull=False).prefetch_related("spheres"),
                             slug=slug)


@require_GET
def report_page(request, slug):
    consultation = _reported(slug)
    page = report.comments_page(consultation, request.GET.get("strona"))
    return render(request, "consultations/report.html", {
        # Rendered by our own template (escaped); the cache may hand it back as a plain str.
        "consultation": consultation, "body": mark_safe(report.stored_body(consultation, page)),  # noqa: S308
        "page_obj": page, "page_range": page.paginator.get_elided_page_range(page.number),
    })


def _report_pending(request, consultation: Consultation, kind: str):
    """The report's file is being made by the worker (202 Accepted): the reader is told so, with the report's page
    to read meanwhile."""
    response = render(request, "consultations/report_pdf_pending.html",
                      {"consultation": consultation, "kind": kind}, status=202)
    response["Retry-After"] = "30"
    return response


@require_GET
def report_pdf(request, slug):
    consultation = _reported(slug)
    content = tasks.report_pdf_or_queue(consultation)
    if content is None:
        return _report_pending(request, consultation, "PDF")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="sprawozdanie-{consultation.slug}.pdf"'
    return response


@require_GET
def report_xlsx(request, slug):
    consultation = _reported(slug)
    ready = tasks.report_xlsx_or_queue(consultation)
    return _report_pending(request, consultation, "XLSX") if ready is None else ready


@require_GET
def calendar(request):
    response = HttpResponse(ical.periods_ics(_public().order_by("starts_on", "pk")),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="konsultacje.ics"'
    return response
