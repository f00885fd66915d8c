from django.http import HttpResponse

from partnerstwo.panel.access import panel_required


@panel_required
def index(request):
    return HttpResponse("TODO")
