"""Staff pages of the advisory body, /panel/zespol/, one set per area."""

from django.urls import include, path

app_name = "team_panel"

urlpatterns = [
    path("", include("partnerstwo.team.body.panel_urls")),
    path("", include("partnerstwo.team.meetings.panel_urls")),
    path("", include("partnerstwo.team.positions.panel_urls")),
    path("", include("partnerstwo.team.groups.panel_urls")),
]
