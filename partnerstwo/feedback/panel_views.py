"""The staff inbox of confirmed feedback (officials and administrators).

Feedback is about the site's content, which officials and administrators edit, so it is open to
the same people as content editing (content_editor_required); Team members, representatives
and residents get 403. Unconfirmed messages never appear here (404).
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from partnerstwo.accounts.access import content_editor_required
from partnerstwo.feedback.forms import StatusForm
from partnerstwo.feedback.models import FeedbackMessage

PER_PAGE = 30


@content_editor_required
def inbox(request):
    items = FeedbackMessage.objects.inbox()
    statuses = FeedbackMessage.HANDLING_STATUSES
    status = request.GET.get("status", "")
    if status in statuses:
        items = items.filter(status=status)
    else:
        status = ""
    paginator = Paginator(items, PER_PAGE)
    page = paginator.get_page(request.GET.get("strona"))
    context = {
        "page_obj": page,
        "items": page.object_list,
        "page_range": paginator.get_elided_page_range(page.number),
        "status": status,
        "statuses": [(value, FeedbackMessage.Status(value).label) for value in statuses],
    }
    return render(request, "feedback/panel/inbox.html", context)


@content_editor_required
def detail(request, pk):
    message = get_object_or_404(FeedbackMessage.objects.confirmed().select_related("category"), pk=pk)
    form = StatusForm(request.POST or None, instance=message)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request, _("Zapisano: status „%(status)s”.") % {"status": message.get_status_display()}
        )
        return redirect("panel:feedback_panel:detail", pk=message.pk)
    return render(request, "feedback/panel/detail.html", {"feedback": message, "form": form})
