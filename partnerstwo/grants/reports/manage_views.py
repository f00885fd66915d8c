"""The representative's pages of reports, /moje-oferty/sprawozdania/: the report with its problems and the
official's remarks, its three parts, handing it in, and the report as handed in (PDF). The representatives of every
party to the agreement read it and its PDF (Report.objects.of_representative); only the lead offerer's write and hand
it in (editable_by)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.grants.offers.manage_views import show_problems
from partnerstwo.grants.reports import document, reporting
from partnerstwo.grants.reports.forms import PARTS, VersionForm
from partnerstwo.grants.reports.models import Report
from partnerstwo.lib.forms import add_errors

RELATED = ("agreement", "agreement__offer", "agreement__offer__organization", "agreement__offer__competition")


def readable(request, pk) -> Report:
    return get_object_or_404(Report.objects.of_representative(request.user).select_related(*RELATED), pk=pk)


def writable(request, pk) -> Report:
    return get_object_or_404(Report.objects.editable_by(request.user).select_related(*RELATED), pk=pk)


def report_context(report) -> dict:
    contents = document.context(report)
    found = reporting.problems(report, results=contents["results"], costs=contents["costs"])
    grouped = reporting.by_section(found)
    return {
        **contents, "problems": found,
        "sections": [{"key": key, "slug": slug, "title": title, "problems": grouped[key]}
                     for key, slug, title in reporting.SECTIONS],
    }


@login_required
def detail(request, pk):
    report = readable(request, pk)
    return render(request, "grants/reports/manage/detail.html", {
        **report_context(report), "version_form": VersionForm(initial={"version": report.version}),
        "writes": reporting.represents(request.user, report),
    })


@login_required
@require_http_methods(["GET", "POST"])
def section(request, pk, slug):
    report = writable(request, pk)
    key = reporting.SECTION_SLUGS.get(slug)
    if key is None:
        raise Http404
    refusal = reporting.edit_refusal(report, request.user)
    form_class, formset_classes = PARTS[key]
    data = request.POST if request.method == "POST" and refusal is None else None
    form = form_class(data, offer=report)
    formsets = {prefix: cls(data, instance=report, prefix=prefix) for prefix, cls in formset_classes.items()}
    conflict = None
    if data is not None and form.is_valid() and all(f.is_valid() for f in formsets.values()):
        try:
            reporting.save(report, expected_version=form.cleaned_data["version"], by=request.user,
                           fields=form.offer_fields(), rows=[f.save for f in formsets.values()])
        except reporting.Conflict as error:
            conflict = error.messages[0]
            report.refresh_from_db()
            fresh = form.data.copy()
            fresh["version"] = report.version
            form.data = fresh
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano: %(section)s.") % {"section": reporting.SECTION_TITLES[key]})
            return redirect("my_grants:report_section", pk=report.pk, slug=slug)
    found = [p for p in reporting.problems(report) if p.section == key]
    show_problems(form, formsets.get("results"), found)
    return render(request, "grants/reports/manage/section.html", {
        **report_context(report), "key": key, "slug": slug, "title": reporting.SECTION_TITLES[key], "form": form,
        "formsets": formsets, "refusal": refusal, "conflict": conflict,
        "has_errors": bool(form.errors) or any(f.total_error_count() for f in formsets.values()),
    })


@login_required
@require_POST
def submit(request, pk):
    report = writable(request, pk)
    form = VersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Odśwież stronę i spróbuj ponownie."))
        return redirect("my_grants:report", pk=report.pk)
    try:
        reporting.submit(report, by=request.user, expected_version=form.cleaned_data["version"])
    except reporting.Refused as error:
        messages.error(request, error.messages[0])
        for problem in error.problems:
            messages.error(request, f"{reporting.SECTION_TITLES[problem.section]}: {problem.message}")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Sprawozdanie zostało złożone. Urząd je oceni."))
    return redirect("my_grants:report", pk=report.pk)


def pdf_response(report):
    """The document kept when the report was handed in. A report handed in before documents were kept is made now:
    while it is submitted or accepted nobody can change it, so it is what was handed in. None otherwise."""
    name = f"sprawozdanie-{report.pk}.pdf"
    if report.pdf:
        return FileResponse(report.pdf.open("rb"), content_type="application/pdf", filename=name)
    if not report.has_document:
        raise Http404
    response = HttpResponse(document.pdf(report), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@login_required
def pdf(request, pk):
    return pdf_response(readable(request, pk))
