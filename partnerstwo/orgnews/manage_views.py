"""A representative's news: what they wrote for their organisations, a new item, an edit while not published."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.lib.access import role_required
from partnerstwo.lib.forms import add_errors
from partnerstwo.lib.views import submitted
from partnerstwo.orgnews import review
from partnerstwo.orgnews.forms import PostForm
from partnerstwo.orgnews.models import Post, Status

writer_required = role_required(review.can_write)


@writer_required
def index(request):
    posts = Post.objects.written_by(request.user).select_related("organization").order_by("-updated_at", "-pk")
    return render(request, "orgnews/manage/index.html", {"posts": posts})


def save_form(request, form, *, done_url: str):
    """Saves a valid form through the domain; returns a redirect, or None with the refusal on the form."""
    if not form.is_valid():
        return None
    post = form.save(commit=False)
    try:
        review.save(post, by=request.user)
    except ValidationError as error:
        add_errors(form, error)
        return None
    messages.success(request, _("Zapisano: %(title)s.") % {"title": post.title})
    return redirect(done_url)


@writer_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = PostForm(*submitted(request), user=request.user)
    if request.method == "POST" and (done := save_form(request, form, done_url="my_orgnews:index")):
        return done
    return render(request, "orgnews/manage/form.html", {"form": form, "post": None, "editable": True})


@writer_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    post = get_object_or_404(Post.objects.written_by(request.user), pk=pk)
    editable = post.status != Status.PUBLISHED
    form = PostForm(*submitted(request), instance=post, user=request.user)
    if request.method == "POST" and editable and (done := save_form(request, form, done_url="my_orgnews:index")):
        return done
    return render(request, "orgnews/manage/form.html", {"form": form, "post": post, "editable": editable})
