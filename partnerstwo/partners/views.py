"""Partner search in public: the open posts with filters, a post with its answer form, and the poster's reply page."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from partnerstwo.lib.forms import add_errors
from partnerstwo.lib.ratelimit import client_ip, hit
from partnerstwo.partners import addresses, answers
from partnerstwo.partners.forms import AnswerForm, FilterForm, ReplyForm
from partnerstwo.partners.models import PartnerPost

PAGE_SIZE = 20


@require_safe
def index(request):
    form = FilterForm(request.GET)
    posts = PartnerPost.objects.open().matching(**form.filters()).for_list().newest()
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "partners/list.html", {"form": form, "page_obj": page})


def _over_limit(request) -> bool:
    key = f"user:{request.user.pk}" if request.user.is_authenticated else client_ip(request)
    return not hit("partner-answer", key, settings.PARTNERS_ANSWER_RATE_LIMIT)


@never_cache
@require_http_methods(["GET", "POST"])
def detail(request, pk):
    """A post: open ones for everyone; a closed one only says it is no longer current (410)."""
    post = get_object_or_404(
        PartnerPost.objects.filter(status="published").select_related(
            "organization", "department", "sphere", "district", "created_by"
        ),
        pk=pk,
    )
    if not post.is_open():
        return render(request, "partners/closed.html", {"post": post}, status=410)
    accepts = answers.accepts_answers(post)
    status, form = 200, None
    if accepts:
        if request.method == "POST":
            over_limit = _over_limit(request)
            form = AnswerForm(request.POST, user=request.user, over_limit=over_limit)
            if over_limit:
                status = 429
            elif form.is_valid():
                try:
                    answers.send_answer(form.save(commit=False), post=post)
                except ValidationError as error:
                    add_errors(form, error)
                else:
                    return redirect("partners:sent", pk=post.pk)
        else:
            form = AnswerForm(user=request.user)
    return render(request, "partners/detail.html", {"post": post, "form": form}, status=status)


@require_safe
def sent(request, pk):
    post = get_object_or_404(PartnerPost.objects.filter(status="published"), pk=pk)
    return render(request, "partners/sent.html", {"post": post})


@never_cache
@require_http_methods(["GET", "POST"])
def reply(request, token):
    """The poster's reply to an answer, from the signed link in the e-mail (opening it sends nothing)."""
    answer = addresses.answer_from_token(token)
    if answer is None:
        return render(request, "partners/reply_invalid.html", status=404)
    form = ReplyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and answer.replied_at is None and form.is_valid():
        try:
            answers.send_reply(answer, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            return render(request, "partners/replied.html", {"answer": answer, "post": answer.post})
    return render(request, "partners/reply.html", {"answer": answer, "post": answer.post, "form": form})
