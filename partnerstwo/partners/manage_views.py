"""A poster's own partner posts: those they posted and those of the organisations they represent."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.lib.access import role_required
from partnerstwo.lib.forms import add_errors
from partnerstwo.lib.views import submitted
from partnerstwo.partners import posting
from partnerstwo.partners.forms import PostForm
from partnerstwo.partners.models import PartnerPost, Status

poster_required = role_required(posting.can_post)


@poster_required
def index(request):
    posts = (
        PartnerPost.objects.posted_by(request.user).select_related("organization", "department")
        .order_by("-created_at", "-pk")
    )
    return render(request, "partners/manage/index.html", {"posts": posts})


def _save(request, form):
    if not form.is_valid():
        return None
    post = form.save(commit=False)
    try:
        posting.save(post, by=request.user)
    except ValidationError as error:
        add_errors(form, error)
        return None
    if post.status == Status.PUBLISHED:
        messages.success(request, _("Ogłoszenie opublikowane: %(title)s.") % {"title": post.title})
    else:
        messages.success(request, _("Ogłoszenie zapisane; pokaże się po sprawdzeniu przez moderatora."))
    return redirect("my_partners:index")


@poster_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = PostForm(*submitted(request), user=request.user)
    if request.method == "POST" and (done := _save(request, form)):
        return done
    return render(request, "partners/manage/form.html", {"form": form, "post": None})


def _editable(request, pk):
    return get_object_or_404(
        PartnerPost.objects.posted_by(request.user).exclude(status__in=[Status.REMOVED, Status.WITHDRAWN]), pk=pk
    )


@poster_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    post = _editable(request, pk)
    form = PostForm(*submitted(request), instance=post, user=request.user)
    if request.method == "POST" and (done := _save(request, form)):
        return done
    return render(request, "partners/manage/form.html", {"form": form, "post": post})


@poster_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    post = _editable(request, pk)
    if request.method == "POST":
        try:
            posting.withdraw(post)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Ogłoszenie wycofane: %(title)s.") % {"title": post.title})
        return redirect("my_partners:index")
    return render(request, "partners/manage/withdraw.html", {"post": post})
