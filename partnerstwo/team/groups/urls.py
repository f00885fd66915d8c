from django.urls import path

from partnerstwo.team.groups import views
from partnerstwo.team.meetings import views as meeting_views

urlpatterns = [
    path("", views.group_list, name="groups"),
    path("<slug:slug>/", views.group_detail, name="group"),
    path("<slug:slug>/posiedzenia/<int:pk>/", meeting_views.group_meeting, name="group_meeting"),
]
