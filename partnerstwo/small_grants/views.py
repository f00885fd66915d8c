"""Public pages of small grants (art. 19a): the list, an offer with its comment form, and the confirmation link."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from partnerstwo.lib.ratelimit import client_ip, hit
from partnerstwo.small_grants import procedure
from partnerstwo.small_grants.forms import CommentForm
from partnerstwo.small_grants.models import SmallGrantOffer

PAGE_SIZE = 30


def _listed(offers):
    return offers.select_related("organization", "department", "sphere").order_by("-published_on", "-pk")


@require_GET
def index(request):
    today = procedure.local_today()
    public = SmallGrantOffer.objects.public()
    open_offers = _listed(public.filter(status=SmallGrantOffer.Status.PUBLISHED, comments_until__gte=today))
    waiting = _listed(public.filter(status=SmallGrantOffer.Status.PUBLISHED, comments_until__lt=today))
    decided = _listed(public.filter(status__in=[SmallGrantOffer.Status.ACCEPTED, SmallGrantOffer.Status.REJECTED]))
    page = Paginator(decided, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "small_grants/list.html", {
        "open_offers": open_offers, "waiting": waiting, "page_obj": page,
    })


@never_cache
@require_http_methods(["GET", "POST"])
def detail(request, pk):
    offer = get_object_or_404(
        SmallGrantOffer.objects.public().select_related("organization", "department", "sphere").annotate(
            confirmed_comments=Count("comments", filter=Q(comments__confirmed_at__isnull=False))
        ),
        pk=pk,
    )
    is_open = procedure.comments_open(offer)
    status = 200
    form = None
    if is_open:
        if request.method == "POST":
            over_limit = not hit("small-grant-comment", client_ip(request), procedure.comment_rate())
            form = CommentForm(request.POST, over_limit=over_limit)
            if over_limit:
                status = 429
            elif form.is_valid():
                comment = form.save(commit=False)
                comment.offer = offer
                try:
                    procedure.submit_comment(comment, language=get_language() or settings.LANGUAGE_CODE)
                except ValidationError as error:  # the period ended between showing and sending the form
                    form.add_error(None, error)
                else:
                    return redirect("small_grants:sent")
        else:
            form = CommentForm()
    elif request.method == "POST":
        status = 409  # the form is gone; the page says why
    return render(request, "small_grants/detail.html", {
        "offer": offer, "form": form, "comments_open": is_open,
        "period_over": procedure.comment_period_over(offer),
    }, status=status)


def sent(request):
    return render(request, "small_grants/sent.html", {"days": procedure.CONFIRMATION_DAYS})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET only shows the button: mail scanners open links, and opening must not confirm."""
    comment = procedure.comment_from_token(token)
    if comment is None:
        return render(
            request, "small_grants/confirm_invalid.html", {"days": procedure.CONFIRMATION_DAYS}, status=404
        )
    offer = comment.offer
    if comment.confirmed_at is not None:
        return render(request, "small_grants/confirmed.html", {"offer": offer, "already": True})
    if offer.status != SmallGrantOffer.Status.PUBLISHED:
        return render(request, "small_grants/confirm_too_late.html", {"offer": offer}, status=410)
    if request.method == "POST":
        if procedure.confirm_comment(comment):
            return redirect("small_grants:confirmed", pk=offer.pk)
        return render(request, "small_grants/confirm_too_late.html", {"offer": offer}, status=410)
    return render(request, "small_grants/confirm.html", {"comment": comment, "offer": offer})


def confirmed(request, pk):
    offer = get_object_or_404(SmallGrantOffer.objects.public(), pk=pk)
    return render(request, "small_grants/confirmed.html", {"offer": offer, "already": False})
