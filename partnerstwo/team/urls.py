from django.urls import path

from partnerstwo.team import member_views, views

app_name = "team"

urlpatterns = [
    path("", views.body, name="body"),
    path("kadencje/", views.term_list, name="terms"),
    path("kadencje/<int:number>/", views.term_detail, name="term"),
    path("posiedzenia/", views.meeting_list, name="meetings"),
    path("posiedzenia/<int:pk>/", views.meeting_detail, name="meeting"),
    path("posiedzenia/<int:pk>/posiedzenie.ics", views.meeting_ics, name="meeting_ics"),
    path("posiedzenia/<int:pk>/protokol.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("wydzialy/<int:pk>/", views.department_meetings, name="department"),
    path("stanowiska/", views.position_list, name="positions"),
    path("stanowiska/<int:pk>/", views.position_detail, name="position"),
    path("akty-prawne/", views.legal_acts, name="legal_acts"),
    path("grupy/", views.group_list, name="groups"),
    path("grupy/<slug:slug>/", views.group_detail, name="group"),
    path("dla-czlonkow/", member_views.home, name="member_home"),
    path("dla-czlonkow/stanowiska/<int:pk>/", member_views.position, name="member_position"),
    path("dla-czlonkow/posiedzenia/<int:pk>/", member_views.meeting, name="member_meeting"),
]
