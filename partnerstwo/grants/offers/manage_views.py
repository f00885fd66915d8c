"""'Moje oferty': representatives write online offers section by section, submit, withdraw and correct them.

Views only adapt: the forms read, submission decides, checks names the problems. Who sees an offer is a
QuerySet (OnlineOffer.objects.of_representative / editable_by), so anyone else gets a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict, ErrorList
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.grants.agreements.models import Agreement
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers import budget as budgets
from partnerstwo.grants.offers import checks, document, submission
from partnerstwo.grants.offers.manage_forms import (
    SECTION_FORMS,
    SECTION_FORMSETS,
    AddPartnerForm,
    PartnerFormSet,
    StartForm,
    VersionForm,
)
from partnerstwo.grants.offers.models import OfferPartner, OnlineOffer
from partnerstwo.lib.forms import add_errors
from partnerstwo.organizations.models import Organization


def readable(request, pk) -> OnlineOffer:
    offers = OnlineOffer.objects.of_representative(request.user).select_related(
        "competition", "competition__department", "organization"
    )
    return get_object_or_404(offers, pk=pk)


def editable(request, pk) -> OnlineOffer:
    offers = OnlineOffer.objects.editable_by(request.user).select_related(
        "competition", "competition__department", "organization"
    )
    return get_object_or_404(offers, pk=pk)


def rows(offer):
    """The rows of the offer read once, for the checks, the sums and the document."""
    return {
        "actions": list(offer.actions.all()),
        "results": list(offer.results.all()),
        "lines": list(offer.cost_lines.all()),
        "partners": list(offer.partners.select_related("organization", "confirmed_by")),
    }


@login_required
def index(request):
    organizations = Organization.objects.represented_by(request.user)
    offers = (
        OnlineOffer.objects.of_representative(request.user)
        .select_related("competition", "organization").order_by("-updated_at")
    )
    now = timezone.now()
    open_calls = (
        Competition.objects.filter(
            accepts_online_offers=True, status__in=[Competition.Status.ANNOUNCED, Competition.Status.ACCEPTING],
            offer_deadline__gt=now,
        ).select_related("department").order_by("offer_deadline")
        if organizations.exists() else Competition.objects.none()
    )
    agreements = Agreement.objects.of_representative(request.user).select_related(
        "offer__organization", "offer__competition").order_by("-drafted_at", "-pk")
    return render(request, "grants/offers/manage/index.html", {
        "offers": offers, "open_calls": open_calls, "represents": organizations.exists(), "agreements": agreements,
    })


@login_required
@require_http_methods(["GET", "POST"])
def start(request, slug):
    competition = get_object_or_404(Competition.objects.public(), slug=slug)
    organizations = Organization.objects.represented_by(request.user).order_by("name")
    if not organizations.exists():
        raise Http404
    refusal = None if submission.can_start(competition) else _("Ten konkurs nie przyjmuje teraz ofert online.")
    form = StartForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            offer = submission.start(competition, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Utworzono wersję roboczą oferty. Wypełnij kolejne części formularza."))
            return redirect("my_grants:offer", pk=offer.pk)
    return render(request, "grants/offers/manage/start.html", {
        "competition": competition, "form": form, "refusal": refusal,
        "time_left": submission.time_left(competition),
    })


def section_links(offer, found):
    grouped = checks.by_section(found)
    return [
        {"key": key, "slug": slug, "title": title, "problems": grouped[key]}
        for key, slug, title in checks.SECTIONS
    ]


@login_required
def offer(request, pk):
    offer = readable(request, pk)
    data = rows(offer)
    found = checks.problems(offer, **data)
    lead = submission.represents(request.user, offer.organization)
    budget = budgets.compute(offer, lines=data["lines"], actions=data["actions"], partners=data["partners"])
    my_partners = [p for p in data["partners"] if p.confirmed_at is None and submission.represents(
        request.user, p.organization)]
    return render(request, "grants/offers/manage/offer.html", {
        "offer": offer, "competition": offer.competition, "sections": section_links(offer, found),
        "problems": found, "lead": lead, "budget": budget, "partners": data["partners"],
        "partners_to_confirm": my_partners,
        "editable": submission.editable_sections(offer) or set(),
        "can_submit": lead and offer.status in (OnlineOffer.Status.DRAFT, OnlineOffer.Status.WITHDRAWN)
        and submission.accepts_offers(offer.competition),
        "can_withdraw": lead and offer.status == OnlineOffer.Status.SUBMITTED
        and timezone.now() < offer.competition.offer_deadline,
        "correction": submission.open_correction(offer),
        "versions": offer.versions.select_related("submitted_by"),
        "time_left": submission.time_left(offer.competition),
        "version_form": VersionForm(initial={"version": offer.version}),
    })


def show_problems(form, formset, problems):
    """The checks' problems of this section on its forms, as on a save that failed: next to each field and in
    the summary at the top. Only on forms that are not bound (a failed post shows its own errors)."""
    if form is not None and not form.is_bound:
        errors = ErrorDict()
        for problem in problems:
            if problem.row is None:
                name = problem.field if problem.field in form.fields else "__all__"
                errors.setdefault(name, ErrorList()).append(problem.message)
        form._errors = errors
    if formset is not None and not formset.is_bound:
        rows_ = formset.forms
        for row in rows_:
            row._errors = ErrorDict()
        loose = ErrorList()
        for problem in problems:
            if problem.row is not None and problem.row < len(rows_) and problem.field in rows_[problem.row].fields:
                rows_[problem.row]._errors.setdefault(problem.field, ErrorList()).append(problem.message)
            elif form is None or problem.row is not None:
                loose.append(problem.message)
        formset._non_form_errors = loose
        formset._errors = [row._errors for row in rows_]


@login_required
@require_http_methods(["GET", "POST"])
def section(request, pk, slug):
    offer = editable(request, pk)
    key = checks.SECTION_SLUGS.get(slug)
    if key is None:
        raise Http404
    if key == "partners":
        return partners(request, offer)
    refusal = submission.edit_refusal(offer, key)
    form_class, formset_class = SECTION_FORMS.get(key), SECTION_FORMSETS.get(key)
    data = request.POST if request.method == "POST" and refusal is None else None
    form = form_class(data, offer=offer) if form_class else None
    formset = formset_class(data, instance=offer, prefix="rows") if formset_class else None
    version_form = VersionForm(data, initial={"version": offer.version}) if form is None else None
    conflict = None
    if data is not None:
        valid = all(f.is_valid() for f in (form, formset, version_form) if f is not None)
        if valid:
            version = (form or version_form).cleaned_data["version"]
            try:
                submission.save(
                    offer, section=key, expected_version=version, by=request.user,
                    fields=form.offer_fields() if form else None, rows=formset.save if formset else None,
                )
            except submission.Conflict as error:
                conflict = error.messages[0]
                offer.refresh_from_db()
                # What was typed stays; saving again now replaces the other person's changes knowingly.
                fresh = (form or version_form).data.copy()
                fresh["version"] = offer.version
                if form:
                    form.data = fresh
                else:
                    version_form.data = fresh
            except ValidationError as error:
                add_errors(form or version_form, error)
            else:
                messages.success(request, _("Zapisano: %(section)s.") % {"section": checks.SECTION_TITLES[key]})
                return redirect("my_grants:section", pk=offer.pk, slug=slug)
    found = [p for p in checks.problems(offer) if p.section == key]
    show_problems(form, formset, found)
    budget = budgets.compute(offer) if key in ("costs", "sources") else None
    return render(request, "grants/offers/manage/section.html", {
        "offer": offer, "competition": offer.competition, "key": key, "slug": slug,
        "title": checks.SECTION_TITLES[key], "form": form, "formset": formset, "version_form": version_form,
        "problems": found, "refusal": refusal, "conflict": conflict, "budget": budget,
        "sections": section_links(offer, checks.problems(offer)),
        "limits": {name: checks.limit_for(offer.competition, name) for name in checks.LIMITED_FIELDS},
        "time_left": submission.time_left(offer.competition),
    })


def partners(request, offer):
    refusal = submission.edit_refusal(offer, "partners")
    data = request.POST if request.method == "POST" and refusal is None else None
    adding = data is not None and "organization" in data
    add_form = AddPartnerForm(data if adding else None, initial={"version": offer.version})
    formset = PartnerFormSet(data if data is not None and not adding else None, instance=offer, prefix="rows")
    version_form = VersionForm(data if data is not None and not adding else None, initial={"version": offer.version})
    conflict = None
    if adding and add_form.is_valid():
        try:
            submission.add_partner(offer, organization=add_form.cleaned_data["organization"],
                                   expected_version=add_form.cleaned_data["version"], by=request.user)
        except submission.Conflict as error:
            conflict = error.messages[0]
        except ValidationError as error:
            add_errors(add_form, error)
        else:
            messages.success(request, _("Dodano organizację partnerską; jej przedstawiciele potwierdzą udział."))
            return redirect("my_grants:section", pk=offer.pk, slug="oferenci")
    elif data is not None and not adding and formset.is_valid() and version_form.is_valid():
        try:
            submission.save(offer, section="partners", expected_version=version_form.cleaned_data["version"],
                            by=request.user, rows=formset.save)
        except submission.Conflict as error:
            conflict = error.messages[0]
        except ValidationError as error:
            add_errors(version_form, error)
        else:
            messages.success(request, _("Zapisano podział kosztów."))
            return redirect("my_grants:section", pk=offer.pk, slug="oferenci")
    if conflict:
        offer.refresh_from_db()
        add_form = AddPartnerForm(initial={"version": offer.version})
    found = [p for p in checks.problems(offer) if p.section == "partners"]
    return render(request, "grants/offers/manage/partners.html", {
        "offer": offer, "competition": offer.competition, "key": "partners", "slug": "oferenci",
        "title": checks.SECTION_TITLES["partners"], "add_form": add_form, "formset": formset,
        "version_form": version_form, "problems": found, "refusal": refusal, "conflict": conflict,
        "budget": budgets.compute(offer), "sections": section_links(offer, checks.problems(offer)),
        "time_left": submission.time_left(offer.competition),
    })


@login_required
@require_POST
def confirm_partner(request, pk, partner_pk):
    offer = readable(request, pk)
    partner = get_object_or_404(OfferPartner.objects.select_related("organization"), pk=partner_pk, offer=offer)
    try:
        submission.confirm_partner(partner, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Potwierdzono udział w ofercie wspólnej."))
    return redirect("my_grants:offer", pk=offer.pk)


def act(request, pk, action, success):
    offer = editable(request, pk)
    form = VersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Odśwież stronę i spróbuj ponownie."))
        return redirect("my_grants:offer", pk=offer.pk)
    try:
        action(offer, form.cleaned_data["version"])
    except submission.Refused as error:
        messages.error(request, error.messages[0])
        for problem in error.problems:
            messages.error(request, f"{problem.section_title}: {problem.message}")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, success)
    return redirect("my_grants:offer", pk=offer.pk)


@login_required
@require_POST
def submit(request, pk):
    return act(request, pk, lambda offer, version: submission.submit(offer, by=request.user, expected_version=version),
               _("Oferta została złożona. Wysłaliśmy ją organizacji jako PDF z sumą kontrolną."))


@login_required
@require_POST
def withdraw(request, pk):
    return act(request, pk, lambda offer, version: submission.withdraw(offer, by=request.user),
               _("Oferta została wycofana. Możesz ją zmienić i złożyć ponownie przed terminem."))


@login_required
@require_POST
def submit_correction(request, pk):
    return act(request, pk, lambda offer, version: submission.submit_correction(
        offer, by=request.user, expected_version=version), _("Poprawiona oferta została złożona."))


def document_title(offer) -> str:
    return _("Oferta realizacji zadania publicznego: %(title)s") % {"title": offer.title}


@login_required
def print_page(request, pk):
    """The offer as it stands, laid out like the official form, to print or to save as PDF."""
    offer = readable(request, pk)
    data = rows(offer)
    return render(request, "grants/offers/manage/print.html", {
        "offer": offer, "document": document.snapshot(offer, **data), "title": document_title(offer),
    })


@login_required
def draft_pdf(request, pk):
    offer = readable(request, pk)
    pdf = document.pdf(document.snapshot(offer, **rows(offer)), title=document_title(offer))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="oferta-{offer.pk}.pdf"'
    return response


@login_required
def version_pdf(request, pk, number):
    offer = readable(request, pk)
    version = get_object_or_404(offer.versions, number=number)
    return FileResponse(version.pdf.open("rb"), content_type="application/pdf",
                        filename=f"oferta-{offer.pk}-{number}.pdf")
