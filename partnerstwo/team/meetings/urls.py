from django.urls import path

from partnerstwo.team.meetings import views

urlpatterns = [
    path("", views.meeting_list, name="meetings"),
    path("<int:pk>/", views.meeting_detail, name="meeting"),
    path("<int:pk>/posiedzenie.ics", views.meeting_ics, name="meeting_ics"),
    path("<int:pk>/protokol.pdf", views.minutes_pdf, name="minutes_pdf"),
]
