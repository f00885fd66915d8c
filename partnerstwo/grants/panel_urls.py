"""Staff pages of the competitions, one module per part: schedule, competitions, committees, small grants."""

from django.urls import include, path

from partnerstwo.grants import panel_views

app_name = "grants_panel"

urlpatterns = [
    path("", panel_views.index, name="index"),
    path("harmonogram/", include("partnerstwo.grants.schedule_panel_urls")),
    path("male-granty/", include("partnerstwo.grants.small_grant_panel_urls")),
    path("komisje/", include("partnerstwo.grants.committee_panel_urls")),
]
