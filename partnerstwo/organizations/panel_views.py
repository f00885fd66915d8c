"""The directory in the staff panel: claims and changes to decide, history, imports, missing reports.

For officials and administrators (the people who may edit any organisation); Team members use the
panel for other things and get 403 here.
"""

import datetime
from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.lib.access import role_required
from partnerstwo.lib.forms import DecisionForm
from partnerstwo.lib.tabular.read import TableError
from partnerstwo.lib.views import submitted
from partnerstwo.organizations import claims, desk, editing, imports
from partnerstwo.organizations.manage_forms import BulkApplyForm, ClaimDecisionForm, ImportUploadForm, OppUploadForm
from partnerstwo.organizations.models import (
    OppListEdition,
    Organization,
    OrganizationChangeRequest,
    OrganizationImport,
    RegisterStatus,
    Representation,
)

PAGE_SIZE = 50
EDITIONS_SHOWN = 36  # three years of monthly updates
IMPORTERS = imports.IMPORTERS


directory_staff_required = role_required(editing.is_staff_editor)


@directory_staff_required
def index(request):
    counts = {
        "claims": desk.claims_awaiting_decision(request.user).count(),
        "changes": desk.changes_awaiting_decision(request.user).count(),
    }
    return render(request, "organizations/panel/index.html", {
        "counts": counts, "imports": OrganizationImport.objects.select_related("uploaded_by")[:10],
    })


@directory_staff_required
def claim_queue(request):
    pending = desk.claims_awaiting_decision(request.user)  # the desk's queue (organizations/desk.py)
    decided = (
        Representation.objects.exclude(status=Representation.Status.PENDING)
        .select_related("organization", "user", "decided_by").order_by("-decided_at")[:20]
    )
    return render(request, "organizations/panel/claims.html", {"pending": pending, "decided": decided})


@directory_staff_required
@require_http_methods(["GET", "POST"])
def claim_decide(request, pk):
    representation = get_object_or_404(
        Representation.objects.select_related("organization", "user", "decided_by"), pk=pk
    )
    form = ClaimDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and representation.status == Representation.Status.PENDING and form.is_valid():
        decision = form.carry_out(
            approve=partial(claims.approve, representation, by=request.user,
                            verified_otherwise=form.cleaned_data["verified_otherwise"]),
            reject=partial(claims.reject, representation, by=request.user),
        )
        if decision:
            messages.success(request, {
                form.APPROVE: _("Zgłoszenie zatwierdzone; wysłano wiadomość do zgłaszającego."),
                form.REJECT: _("Zgłoszenie odrzucone; wysłano wiadomość z uzasadnieniem."),
            }[decision])
            return redirect("panel:organizations_panel:claims")
    other_claims = (
        Representation.objects.filter(organization=representation.organization).exclude(pk=representation.pk)
        .select_related("user")
    )
    return render(request, "organizations/panel/claim_decide.html", {
        "representation": representation, "organization": representation.organization, "form": form,
        "other_claims": other_claims,
    })


@directory_staff_required
def change_queue(request):
    pending = desk.changes_awaiting_decision(request.user)
    rows = [(change, editing.describe_changes(change.changes)) for change in pending]
    return render(request, "organizations/panel/changes.html", {"rows": rows})


@directory_staff_required
@require_http_methods(["GET", "POST"])
def change_decide(request, pk):
    change = get_object_or_404(
        OrganizationChangeRequest.objects.select_related("organization", "requested_by", "decided_by"), pk=pk
    )
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        approve_label=_("Zatwierdź zmianę"), reject_label=_("Odrzuć zmianę"),
    )
    if request.method == "POST" and change.status == OrganizationChangeRequest.Status.PENDING and form.is_valid():
        decision = form.carry_out(
            approve=partial(editing.approve_change_request, change, by=request.user),
            reject=partial(editing.reject_change_request, change, by=request.user),
        )
        if decision:
            messages.success(request, {
                form.APPROVE: _("Zmiana zatwierdzona i opublikowana."),
                form.REJECT: _("Zmiana odrzucona; przedstawiciel otrzyma uzasadnienie."),
            }[decision])
            return redirect("panel:organizations_panel:changes")
    return render(request, "organizations/panel/change_decide.html", {
        "change": change, "organization": change.organization, "form": form,
        "rows": editing.describe_changes(change.changes),
    })


@directory_staff_required
def history(request, slug):
    organization = get_object_or_404(Organization, slug=slug)
    revisions = organization.revisions.select_related("changed_by", "change_request__decided_by")
    page = Paginator(revisions, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(revision, editing.describe_changes(revision.changes)) for revision in page]
    return render(request, "organizations/panel/history.html", {
        "organization": organization, "page_obj": page, "rows": rows,
    })


def _upload(request, kind, template):
    if kind == OrganizationImport.Kind.OPP_LIST:
        form = OppUploadForm(*submitted(request), today=timezone.localdate())
    else:
        form = ImportUploadForm(*submitted(request))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            if kind == OrganizationImport.Kind.OPP_LIST:
                preview = IMPORTERS[kind].preview(content, upload.name, edition=form.edition())
            else:
                preview = IMPORTERS[kind].preview(content, upload.name)
        except TableError as error:
            form.add_error("file", str(error))
        else:
            record = OrganizationImport.objects.create(
                kind=kind, filename=upload.name[:255], content=content, uploaded_by=request.user,
                preview=preview.to_json(),
            )
            return redirect("panel:organizations_panel:import_detail", pk=record.pk)
    return render(request, template, {"form": form})


@directory_staff_required
@require_http_methods(["GET", "POST"])
def opp_list_upload(request):
    return _upload(request, OrganizationImport.Kind.OPP_LIST, "organizations/panel/opp_upload.html")


@directory_staff_required
@require_http_methods(["GET", "POST"])
def bulk_upload(request):
    return _upload(request, OrganizationImport.Kind.BULK, "organizations/panel/bulk_upload.html")


@directory_staff_required
@require_http_methods(["GET", "POST"])
def import_detail(request, pk):
    record = get_object_or_404(OrganizationImport.objects.select_related("uploaded_by", "applied_by"), pk=pk)
    form = BulkApplyForm(request.POST if request.method == "POST" else None)
    error = ""
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            imports.apply_once(record, user=request.user, only_valid=form.cleaned_data["only_valid"])
        except imports.AlreadyApplied as problem:
            error, status = str(problem), 409
            record.refresh_from_db()
        except (ValidationError, TableError) as problem:
            error = " ".join(problem.messages) if isinstance(problem, ValidationError) else str(problem)
        else:
            messages.success(request, _("Zapisano zmiany z pliku."))
            return redirect("panel:organizations_panel:import_detail", pk=record.pk)
    report = record.result if record.applied_at else record.preview
    template = (
        "organizations/panel/opp_report.html" if record.kind == OrganizationImport.Kind.OPP_LIST
        else "organizations/panel/bulk_report.html"
    )
    return render(request, template, {"record": record, "report": report, "form": form, "error": error},
                  status=status)


@directory_staff_required
def opp_editions(request):
    """The editions of the official OPP list, and the organisations marked OPP that the newest does not name."""
    editions = OppListEdition.objects.select_related("source_import")[:EDITIONS_SHOWN]
    newest = editions[0] if editions else None
    missing = Organization.objects.flagged_opp_missing_from(newest).order_by("name", "pk")
    page = Paginator(missing, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organizations/panel/opp_editions.html", {
        "editions": editions, "newest": newest, "page_obj": page,
    })


@directory_staff_required
def missing_reports(request):
    last_year = datetime.date.today().year - 1
    try:
        year = int(request.GET.get("rok") or last_year)
    except ValueError:
        year = last_year
    if not 1990 <= year <= last_year + 1:
        year = last_year
    missing = (
        Organization.objects.public().exclude(register_status=RegisterStatus.REMOVED)
        .without_report_for(year).select_related("district").order_by("name")
    )
    page = Paginator(missing, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organizations/panel/missing_reports.html", {
        "year": year, "page_obj": page, "years": range(last_year + 1, last_year - 6, -1),
        "published_count": Organization.objects.public().exclude(register_status=RegisterStatus.REMOVED).count(),
    })
