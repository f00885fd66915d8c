"""Public pages of the advisory body, /zespol/, one set per area, and the members' own area."""

from django.urls import include, path

from partnerstwo.team import member_views

app_name = "team"

urlpatterns = [
    path("", include("partnerstwo.team.body.urls")),
    path("posiedzenia/", include("partnerstwo.team.meetings.urls")),
    path("stanowiska/", include("partnerstwo.team.positions.urls")),
    path("grupy/", include("partnerstwo.team.groups.urls")),
    path("dla-czlonkow/", member_views.home, name="member_home"),
    path("dla-czlonkow/stanowiska/<int:pk>/", member_views.position, name="member_position"),
    path("dla-czlonkow/stanowiska/nowy-projekt/", member_views.position_draft, name="member_position_new"),
    path("dla-czlonkow/stanowiska/<int:pk>/projekt/", member_views.position_draft, name="member_position_edit"),
    path("dla-czlonkow/posiedzenia/<int:pk>/", member_views.meeting, name="member_meeting"),
]
