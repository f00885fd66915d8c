from django.urls import path

from partnerstwo.team.groups import panel_views as views

urlpatterns = [
    path("grupy/", views.group_list, name="groups"),
    path("grupy/nowa/", views.group_form, name="group_create"),
    path("grupy/<int:pk>/", views.group_form, name="group"),
    path("grupy/<int:pk>/nowy-czlonek/", views.member_create, name="group_member_create"),
    path("grupy/<int:pk>/posiedzenia/", views.group_meetings, name="group_meetings"),
    path("grupy/<int:pk>/posiedzenia/nowe/", views.group_meeting_create, name="group_meeting_create"),
    path("czlonkowie-grup/<int:pk>/usun/", views.member_remove, name="group_member_remove"),
]
