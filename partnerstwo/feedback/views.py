from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from partnerstwo.feedback import submission
from partnerstwo.feedback.forms import FeedbackForm
from partnerstwo.feedback.models import FeedbackMessage, local_path_or_blank
from partnerstwo.lib.ratelimit import client_ip, hit


@never_cache
@require_http_methods(["GET", "POST"])
def create(request):
    status = 200
    if request.method == "POST":
        over_limit = not hit("feedback", client_ip(request), settings.FEEDBACK_RATE_LIMIT)
        form = FeedbackForm(request.POST, over_limit=over_limit)
        if over_limit:
            status = 429  # the form shows the refusal and keeps the typed text; nothing is checked
        elif form.is_valid():
            submission.submit(form, language=get_language() or settings.LANGUAGE_CODE)
            return redirect("feedback:sent")
    else:
        form = FeedbackForm(initial={"page": local_path_or_blank(request.GET.get("strona"))})
    page = local_path_or_blank(form["page"].value())
    return render(request, "feedback/create.html", {"form": form, "page": page}, status=status)


def sent(request):
    return render(request, "feedback/sent.html", {"days": settings.FEEDBACK_CONFIRMATION_DAYS})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET only shows the button: mail scanners open links, and opening must not confirm."""
    message = FeedbackMessage.from_confirmation_token(token)
    if message is None:
        return render(
            request, "feedback/confirm_invalid.html", {"days": settings.FEEDBACK_CONFIRMATION_DAYS}, status=404
        )
    if message.is_confirmed:
        return render(request, "feedback/confirmed.html", {"already": True})
    if request.method == "POST":
        submission.confirm(message)
        return redirect("feedback:confirmed")
    return render(request, "feedback/confirm.html", {"feedback": message})


def confirmed(request):
    return render(request, "feedback/confirmed.html", {"already": False})
