"""Staff pages of the distribution: one-off mailings, their progress and failures."""

from django.http import HttpResponse

from partnerstwo.panel.access import content_editor_required


@content_editor_required
def index(request):
    return HttpResponse("TODO")
