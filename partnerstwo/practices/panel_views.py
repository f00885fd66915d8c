"""The good-practice library in the staff panel: proposals waiting for review, the Centre's own entries.

For officials and administrators (the Centre's staff); others get a 403.
"""

from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.lib.access import role_required
from partnerstwo.lib.forms import DecisionForm
from partnerstwo.lib.views import submitted
from partnerstwo.practices import review
from partnerstwo.practices.forms import PracticeForm
from partnerstwo.practices.manage_views import save_form
from partnerstwo.practices.models import Attachment, GoodPractice, Status

PAGE_SIZE = 50

reviewer_required = role_required(review.can_review)


@reviewer_required
def index(request):
    pending = GoodPractice.objects.filter(status=Status.PENDING).select_related("organization", "submitted_by")
    listed = GoodPractice.objects.exclude(status=Status.PENDING).select_related("organization")
    page = Paginator(listed.order_by("-updated_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "practices/panel/index.html", {"pending": pending.order_by("created_at"), "page_obj": page})


@reviewer_required
@require_http_methods(["GET", "POST"])
def review_practice(request, pk):
    practice = get_object_or_404(
        GoodPractice.objects.select_related("organization", "submitted_by")
        .prefetch_related("spheres", "topics", "attachments"),
        pk=pk,
    )
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        approve_label=_("Opublikuj"), reject_label=_("Zwróć do poprawy"),
    )
    pending = practice.status == Status.PENDING
    if request.method == "POST" and pending and form.is_valid():
        decision = form.carry_out(
            approve=partial(review.approve, practice, by=request.user),
            reject=partial(review.return_for_changes, practice, by=request.user),
        )
        if decision:
            messages.success(request, {
                form.APPROVE: _("Praktyka opublikowana; zgłaszający dostanie wiadomość."),
                form.REJECT: _("Praktyka zwrócona do poprawy; zgłaszający dostanie uwagi."),
            }[decision])
            return redirect("panel:practices_panel:index")
    return render(request, "practices/panel/review.html", {"practice": practice, "form": form, "pending": pending})


@reviewer_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = PracticeForm(*submitted(request), user=request.user)
    if request.method == "POST" and (done := save_form(request, form, done_url="panel:practices_panel:index")):
        return done
    return render(request, "practices/panel/form.html", {"form": form, "practice": None})


@reviewer_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    practice = get_object_or_404(GoodPractice, pk=pk)
    form = PracticeForm(*submitted(request), instance=practice, user=request.user)
    if request.method == "POST" and (done := save_form(request, form, done_url="panel:practices_panel:index")):
        return done
    return render(request, "practices/panel/form.html", {
        "form": form, "practice": practice, "attachments": practice.attachments.all(),
    })


@reviewer_required
@require_POST
def delete_attachment(request, pk):
    attachment = get_object_or_404(Attachment.objects.select_related("practice"), pk=pk)
    review.delete_attachment(attachment)
    messages.success(request, _("Usunięto załącznik: %(title)s.") % {"title": attachment.title})
    return redirect("panel:practices_panel:edit", pk=attachment.practice_id)
