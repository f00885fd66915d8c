"""Moderating partner posts in the staff panel: posts waiting for a decision, and taking a published one down.

For officials and administrators (the Centre's staff); others get a 403.
"""

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.lib.access import role_required
from partnerstwo.lib.forms import DecisionForm, add_errors
from partnerstwo.partners import posting
from partnerstwo.partners.forms import ModerationForm
from partnerstwo.partners.models import PartnerPost, Status

PAGE_SIZE = 50

moderator_required = role_required(posting.can_moderate)


def _listed(posts):
    return posts.select_related("organization", "department", "created_by")


@moderator_required
def index(request):
    pending = _listed(PartnerPost.objects.filter(status=Status.PENDING)).order_by("created_at", "pk")
    others = _listed(PartnerPost.objects.exclude(status=Status.PENDING)).order_by("-created_at", "-pk")
    page = Paginator(others, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "partners/panel/index.html", {"pending": pending, "page_obj": page})


@moderator_required
@require_http_methods(["GET", "POST"])
def review(request, pk):
    post = get_object_or_404(_listed(PartnerPost.objects.select_related("sphere", "district")), pk=pk)
    pending = post.status == Status.PENDING
    published = post.status == Status.PUBLISHED
    data = request.POST if request.method == "POST" else None
    form = DecisionForm(data, approve_label=_("Opublikuj"), reject_label=_("Odrzuć"))
    removal = ModerationForm(data)
    if request.method == "POST" and pending and form.is_valid():
        decision = form.carry_out(
            approve=partial(posting.approve, post, by=request.user),
            reject=partial(posting.reject, post, by=request.user),
        )
        if decision:
            messages.success(request, {
                form.APPROVE: _("Ogłoszenie opublikowane; ogłaszający dostanie wiadomość."),
                form.REJECT: _("Ogłoszenie odrzucone; ogłaszający dostanie uzasadnienie."),
            }[decision])
            return redirect("panel:partners_panel:index")
    elif request.method == "POST" and published and removal.is_valid():
        try:
            posting.remove(post, by=request.user, reason=removal.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(removal, error)
        else:
            messages.success(request, _("Ogłoszenie zdjęte; ogłaszający dostanie uzasadnienie."))
            return redirect("panel:partners_panel:index")
    return render(request, "partners/panel/review.html", {
        "post": post, "pending": pending, "published": published,
        "form": form if pending else removal,
    })
