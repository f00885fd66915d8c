"""A representative's good practices: what they proposed for their organisations, a new proposal, an edit."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.lib.access import role_required
from partnerstwo.lib.forms import add_errors
from partnerstwo.lib.views import submitted
from partnerstwo.practices import review
from partnerstwo.practices.forms import PracticeForm
from partnerstwo.practices.models import GoodPractice, Status

representative_required = role_required(review.can_propose)


@representative_required
def index(request):
    practices = (
        GoodPractice.objects.proposed_by(request.user).select_related("organization")
        .order_by("-updated_at", "-pk")
    )
    return render(request, "practices/manage/index.html", {"practices": practices})


def save_form(request, form, *, done_url: str):
    """Saves a valid form through the domain; returns a redirect, or None with the refusal on the form."""
    if not form.is_valid():
        return None
    practice = form.save(commit=False)
    try:
        review.save(practice, by=request.user, save_m2m=form.save_m2m, attachments=form.new_attachments)
    except ValidationError as error:
        add_errors(form, error)
        return None
    messages.success(request, _("Zapisano: %(title)s.") % {"title": practice.title})
    return redirect(done_url)


@representative_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = PracticeForm(*submitted(request), user=request.user)
    if request.method == "POST" and (done := save_form(request, form, done_url="my_practices:index")):
        return done
    return render(request, "practices/manage/form.html", {"form": form, "practice": None})


@representative_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    practice = get_object_or_404(GoodPractice.objects.proposed_by(request.user), pk=pk)
    editable = practice.status != Status.PUBLISHED
    form = PracticeForm(*submitted(request), instance=practice, user=request.user)
    if request.method == "POST" and editable and (done := save_form(request, form, done_url="my_practices:index")):
        return done
    return render(request, "practices/manage/form.html", {
        "form": form, "practice": practice, "editable": editable,
        "attachments": practice.attachments.all(),
    })
