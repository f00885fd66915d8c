"""'Moje organizacje': joining organisations, editing them, KRS data and annual reports.

Views only adapt: they read the form, call claims / editing / krs, and answer. Whom a page is for
is decided by QuerySets (Organization.objects.editable_by), so anyone else gets a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.lib import ratelimit
from partnerstwo.lib.forms import add_errors
from partnerstwo.lib.views import submitted
from partnerstwo.organizations import claims, editing, krs
from partnerstwo.organizations.manage_forms import (
    AnnualReportForm,
    ClaimForm,
    KrsApplyForm,
    RegistrationForm,
    organization_form_class,
)
from partnerstwo.organizations.models import AnnualReport, Organization, Representation

CLAIM_SEARCH_LIMIT = 20
JOIN_RATE = "10/h"
EDIT_FIELDSETS = [
    (_lazy("Nazwa i rejestr"), ["name", "short_name", "legal_form", "krs", "nip", "regon",
                                "is_opp", "register_status", "is_published"]),
    (_lazy("Adres i położenie"), ["street", "postal_code", "town", "district", "latitude", "longitude"]),
    (_lazy("Kontakt"), ["email", "phone", "website", "facebook", "instagram", "other_social"]),
    (_lazy("Działalność"), ["description", "statutory_goals", "supervising_authority", "spheres", "target_groups",
                            "opp_purpose", "looking_for_volunteers"]),
    (_lazy("Logo"), ["logo"]),
]


def _editable(request, slug):
    return get_object_or_404(Organization.objects.editable_by(request.user), slug=slug)


def _within_join_limit(request, form) -> bool:
    """Each claim e-mails an organisation: a few per hour per person keeps this from becoming a spam tool."""
    if ratelimit.hit("organization-join", str(request.user.pk), JOIN_RATE):
        return True
    form.add_error(None, _("Wysłano już wiele zgłoszeń. Spróbuj ponownie za godzinę."))
    return False


@login_required
def index(request):
    representations = (
        Representation.objects.filter(user=request.user)
        .select_related("organization").order_by("status", "organization__name")
    )
    return render(request, "organizations/manage/index.html", {
        "approved": [r for r in representations if r.status == Representation.Status.APPROVED],
        "pending": [r for r in representations if r.status == Representation.Status.PENDING],
        "rejected": [r for r in representations if r.status == Representation.Status.REJECTED],
        "is_staff_editor": editing.is_staff_editor(request.user),
    })


@login_required
def claim_search(request):
    query = (request.GET.get("q") or "")[:200].strip()
    results = (
        claims.claimable(request.user).search(query).select_related("district")[:CLAIM_SEARCH_LIMIT]
        if query else []
    )
    return render(request, "organizations/manage/claim_search.html", {"query": query, "results": results})


@login_required
@require_http_methods(["GET", "POST"])
def claim(request, slug):
    organization = get_object_or_404(claims.claimable(request.user), slug=slug)
    form = ClaimForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and _within_join_limit(request, form):
        try:
            claims.claim(
                user=request.user, organization=organization,
                role_in_organization=form.cleaned_data["role_in_organization"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if organization.email:
                messages.success(request, _(
                    "Zgłoszenie przyjęte. Na adres organizacji %(email)s wysłaliśmy link do potwierdzenia; "
                    "pracownik urzędu rozpatrzy zgłoszenie."
                ) % {"email": organization.email})
            else:
                messages.success(request, _(
                    "Zgłoszenie przyjęte. Organizacja nie ma w katalogu adresu e-mail, więc pracownik urzędu "
                    "sprawdzi zgłoszenie w inny sposób (np. telefonicznie)."
                ))
            return redirect("my_organizations:index")
    return render(request, "organizations/manage/claim.html", {"organization": organization, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def register(request):
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and _within_join_limit(request, form):
        organization = form.save(commit=False)
        try:
            claims.register(
                user=request.user, organization=organization,
                role_in_organization=form.cleaned_data["role_in_organization"],
                spheres=form.cleaned_data["spheres"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _(
                "Zgłoszenie organizacji przyjęte. Na adres %(email)s wysłaliśmy link do potwierdzenia. "
                "Organizacja pojawi się w katalogu po zatwierdzeniu przez pracownika urzędu."
            ) % {"email": organization.email})
            return redirect("my_organizations:index")
    return render(request, "organizations/manage/register.html", {"form": form})


@require_http_methods(["GET", "POST"])
def confirm_email(request, token):
    """Opened from the e-mail, signed in or not: whoever reads the organisation's mailbox confirms."""
    try:
        representation = claims.representation_for_token(token)
    except ValidationError as error:
        return render(request, "organizations/manage/confirm_email.html", {"error": " ".join(error.messages)},
                      status=400)
    if request.method == "POST":
        claims.confirm_email(representation)
        return render(request, "organizations/manage/confirm_email.html",
                      {"representation": representation, "confirmed": True})
    return render(request, "organizations/manage/confirm_email.html", {"representation": representation})


@login_required
@require_POST
def resend_confirmation(request, pk):
    representation = get_object_or_404(
        Representation.objects.select_related("organization"),
        pk=pk, user=request.user, status=Representation.Status.PENDING,
    )
    if representation.email_confirmed_at:
        messages.info(request, _("Adres organizacji jest już potwierdzony."))
    elif not ratelimit.hit("organization-confirmation", str(request.user.pk), "3/h"):
        messages.error(request, _("Wysłano już kilka wiadomości. Spróbuj ponownie za godzinę."))
    elif claims.send_confirmation(representation):
        messages.success(request, _("Wysłaliśmy link ponownie na adres %(email)s.")
                         % {"email": representation.organization.email})
    else:
        messages.error(request, _("Organizacja nie ma adresu e-mail w katalogu."))
    return redirect("my_organizations:index")


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, slug):
    organization = _editable(request, slug)
    form_class = organization_form_class(request.user)
    pending = editing.pending_change_request(organization)
    initial = {}
    if pending and not editing.is_staff_editor(request.user):
        # The form shows what waits for approval, so saving other fields does not withdraw it.
        initial = {field: pair[1] for field, pair in pending.changes.items()}
    form = form_class(*submitted(request), instance=organization, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = editing.save_edit(form, user=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            if outcome.revision:
                messages.success(request, _("Zapisano zmiany."))
            if outcome.change_request:
                messages.info(request, _(
                    "Zmiany nazwy, numeru KRS, NIP lub formy prawnej czekają na zatwierdzenie przez pracownika "
                    "urzędu. Dostaniesz wiadomość e-mail z decyzją."
                ))
            if not outcome.changed:
                messages.info(request, _("Nie wprowadzono żadnych zmian."))
            return redirect("my_organizations:edit", slug=organization.slug)
    return render(request, "organizations/manage/edit.html", {
        "organization": organization, "form": form, "pending": pending,
        "pending_rows": editing.describe_changes(pending.changes) if pending else [],
        "fieldsets": [
            (legend, [form[name] for name in names if name in form.fields]) for legend, names in EDIT_FIELDSETS
        ],
        "is_staff_editor": editing.is_staff_editor(request.user),
        "pin_picker": bool(finders.find("js/pin-picker.js")),
    })


@login_required
@require_http_methods(["GET", "POST"])
def krs_update(request, slug):
    """Fetch the KRS extract, show the differences, save the chosen ones."""
    organization = _editable(request, slug)
    context = {"organization": organization, "is_staff_editor": editing.is_staff_editor(request.user)}
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "fetch" and organization.krs:
        if not ratelimit.hit("krs-fetch", str(request.user.pk), "30/h"):
            context["error"] = _("Pobrano już wiele odpisów w ciągu godziny. Spróbuj ponownie później.")
        else:
            try:
                record = krs.get_record(organization.krs)
            except krs.KrsError as error:
                context["error"] = str(error)
            else:
                differences = krs.differences(organization, record)
                context.update(record=record, differences=differences, form=KrsApplyForm(
                    initial={"token": krs.sign_record(record)}, differences=differences,
                ))
    elif action == "save":
        try:
            record = krs.unsign_record(request.POST.get("token", ""))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("my_organizations:krs", slug=organization.slug)
        differences = krs.differences(organization, record)
        form = KrsApplyForm(request.POST, differences=differences)
        if not differences or not form.is_valid():
            context.update(record=record, differences=differences, form=form)
        else:
            try:
                outcome = krs.apply_record(organization, record, user=request.user, fields=form.cleaned_data["chosen"])
            except ValidationError as error:
                context.update(record=record, differences=differences, form=form, error=" ".join(error.messages))
            else:
                if outcome.revision:
                    messages.success(request, _("Zapisano dane z KRS."))
                if outcome.change_request:
                    messages.info(request, _(
                        "Zmiany nazwy, numeru KRS, NIP lub formy prawnej czekają na zatwierdzenie przez "
                        "pracownika urzędu."
                    ))
                return redirect("my_organizations:edit", slug=organization.slug)
    return render(request, "organizations/manage/krs.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def reports(request, slug):
    organization = _editable(request, slug)
    form = AnnualReportForm(
        *submitted(request),
        instance=AnnualReport(organization=organization, added_by=request.user),
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            report = form.save()
        messages.success(request, _("Dodano: %(report)s.") % {"report": f"{report.get_kind_display()} {report.year}"})
        return redirect("my_organizations:reports", slug=organization.slug)
    return render(request, "organizations/manage/reports.html", {
        "organization": organization, "form": form, "reports": organization.annual_reports.all(),
    })


@login_required
@require_POST
def report_delete(request, slug, pk):
    organization = _editable(request, slug)
    report = get_object_or_404(AnnualReport, pk=pk, organization=organization)
    if report.file:
        report.file.delete(save=False)
    report.delete()
    messages.success(request, _("Usunięto sprawozdanie."))
    return HttpResponseRedirect(reverse("my_organizations:reports", args=[organization.slug]))
