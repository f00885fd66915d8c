"""Organisations' news in the staff panel: the review queue (also on the official's desk) and the rest."""

from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.lib.access import role_required
from partnerstwo.lib.forms import DecisionForm
from partnerstwo.orgnews import desk, review
from partnerstwo.orgnews.models import Post, Status, can_review

PAGE_SIZE = 50

reviewer_required = role_required(can_review)


@reviewer_required
def index(request):
    pending = desk.awaiting_review(request.user)
    listed = Post.objects.exclude(status=Status.PENDING).select_related("organization").order_by("-updated_at", "-pk")
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "orgnews/panel/index.html", {"pending": pending, "page_obj": page})


@reviewer_required
@require_http_methods(["GET", "POST"])
def review_post(request, pk):
    post = get_object_or_404(Post.objects.select_related("organization", "submitted_by"), pk=pk)
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        approve_label=_("Opublikuj"), reject_label=_("Zwróć do poprawy"),
    )
    pending = post.status == Status.PENDING
    if request.method == "POST" and pending and form.is_valid():
        decision = form.carry_out(
            approve=partial(review.approve, post, by=request.user),
            reject=partial(review.return_for_changes, post, by=request.user),
        )
        if decision:
            messages.success(request, {
                form.APPROVE: _("Wiadomość opublikowana."),
                form.REJECT: _("Wiadomość zwrócona do poprawy; autor zobaczy uwagi."),
            }[decision])
            return redirect("panel:orgnews_panel:index")
    return render(request, "orgnews/panel/review.html", {"post": post, "form": form, "pending": pending})
