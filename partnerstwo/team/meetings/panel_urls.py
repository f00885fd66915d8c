from django.urls import path

from partnerstwo.team.meetings import panel_views as views

urlpatterns = [
    path("posiedzenia/", views.meeting_list, name="meetings"),
    path("posiedzenia/nowe/", views.meeting_create, name="meeting_create"),
    path("posiedzenia/<int:pk>/", views.meeting_detail, name="meeting"),
    path("posiedzenia/<int:pk>/zmien/", views.meeting_edit, name="meeting_edit"),
    path("posiedzenia/<int:pk>/odwolaj/", views.meeting_cancel, name="meeting_cancel"),
    path("posiedzenia/<int:pk>/usun/", views.meeting_delete, name="meeting_delete"),
    path("posiedzenia/<int:pk>/zaproszenia/", views.invitations_send, name="invitations_send"),
    path("posiedzenia/<int:pk>/nowy-punkt/", views.item_create, name="item_create"),
    path("posiedzenia/<int:pk>/goscie/", views.guest_add, name="guest_add"),
    path("posiedzenia/<int:pk>/obecnosc/", views.attendance, name="attendance"),
    path("posiedzenia/<int:pk>/protokol/", views.minutes_page, name="minutes"),
    path("posiedzenia/<int:pk>/nowe-zadanie/", views.action_create, name="action_create"),
    path("posiedzenia/<int:pk>/przyjecie-protokolu/", views.approve, name="approve"),
    path("posiedzenia/<int:pk>/publikacja-protokolu/", views.minutes_publish, name="minutes_publish"),
    path("punkty/<int:pk>/", views.item_edit, name="item_edit"),
    path("punkty/<int:pk>/przesun/", views.item_move, name="item_move"),
    path("punkty/<int:pk>/usun/", views.item_delete, name="item_delete"),
    path("punkty/<int:pk>/dokumenty/", views.document_add, name="document_add"),
    path("punkty/<int:pk>/protokol/", views.item_minutes, name="item_minutes"),
    path("goscie/<int:pk>/usun/", views.guest_delete, name="guest_delete"),
    path("zadania/<int:pk>/wykonane/", views.action_done, name="action_done"),
]
