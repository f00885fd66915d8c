"""Staff pages of grants, /panel/konkursy/: the schedule, the committees and the competitions."""

from django.urls import include, path

app_name = "grants_panel"

urlpatterns = [
    path("harmonogram/", include("partnerstwo.grants.schedule.panel_urls")),
    path("komisje/", include("partnerstwo.grants.committees.panel_urls")),
    path("oferty-online/", include("partnerstwo.grants.offers.panel_urls")),
    path("umowy/", include("partnerstwo.grants.agreements.panel_urls")),
    path("sprawozdania/", include("partnerstwo.grants.reports.panel_urls")),
    path("", include("partnerstwo.grants.competitions.panel_urls")),
]
