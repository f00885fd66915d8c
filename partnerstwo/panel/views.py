from django.shortcuts import render

from partnerstwo.panel.access import panel_required


@panel_required
def dashboard(request):
    return render(request, "panel/dashboard.html")
