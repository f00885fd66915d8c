"""The representative's pages of an agreement, /moje-oferty/umowy/: the agreement with its problems, the
parts the organisation writes, sending it for signature and its PDF. The representatives of every party read it
and its PDF (the lead offerer and the partners of a joint offer, Agreement.objects.of_representative); only the
lead offerer's write its parts and send it (editable_by). Anyone else gets a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.grants.agreements import document, drafting, pages
from partnerstwo.grants.agreements.forms import VersionForm
from partnerstwo.grants.agreements.models import Agreement

RELATED = ("offer", "offer__competition", "offer__competition__department", "offer__organization", "offer__online")


def readable(request, pk) -> Agreement:
    return get_object_or_404(Agreement.objects.of_representative(request.user).select_related(*RELATED), pk=pk)


def writable(request, pk) -> Agreement:
    return get_object_or_404(Agreement.objects.editable_by(request.user).select_related(*RELATED), pk=pk)


@login_required
def detail(request, pk):
    agreement = readable(request, pk)
    writes = drafting.represents(request.user, agreement)
    return render(request, "grants/agreements/manage/detail.html", {
        **pages.overview_context(agreement, request.user),
        "reports": agreement.reports.all(),
        # A partner of a joint offer reads it: no links to the parts and no sending for signature.
        "me": "representative" if writes else "partner", "writes": writes,
    })


@login_required
@require_http_methods(["GET", "POST"])
def section(request, pk, slug):
    agreement = writable(request, pk)
    if drafting.WRITER.get(drafting.SECTION_SLUGS.get(slug)) != drafting.REPRESENTATIVE:
        raise Http404
    return pages.section(request, agreement, slug, url_name="my_grants:agreement_section",
                         template="grants/agreements/manage/section.html")


@login_required
@require_POST
def send_for_signature(request, pk):
    agreement = writable(request, pk)
    form = VersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Odśwież stronę i spróbuj ponownie."))
        return redirect("my_grants:agreement", pk=agreement.pk)
    try:
        drafting.send_for_signature(agreement, by=request.user, expected_version=form.cleaned_data["version"])
    except drafting.Refused as error:
        messages.error(request, error.messages[0])
        for problem in error.problems:
            messages.error(request, f"{drafting.SECTION_TITLES.get(problem.section, '')}: {problem.message}")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Umowa została przekazana do podpisu. Urząd umówi się z Państwem na jej "
                                    "podpisanie."))
    return redirect("my_grants:agreement", pk=agreement.pk)


def pdf_response(agreement):
    """The fixed document once sent for signature, the current draft before."""
    if agreement.pdf:
        return FileResponse(agreement.pdf.open("rb"), content_type="application/pdf",
                            filename=f"umowa-{agreement.pk}.pdf")
    response = HttpResponse(document.pdf(agreement), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="umowa-{agreement.pk}-projekt.pdf"'
    return response


@login_required
def pdf(request, pk):
    return pdf_response(readable(request, pk))
