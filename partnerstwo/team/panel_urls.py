from django.urls import path

from partnerstwo.team import meeting_panel_views as meeting_views
from partnerstwo.team import panel_views as views

app_name = "team_panel"

urlpatterns = [
    path("", views.index, name="index"),
    path("zasady/", views.body_edit, name="body"),
    path("kadencje/nowa/", views.term_create, name="term_create"),
    path("kadencje/<int:pk>/", views.term_detail, name="term"),
    path("kadencje/<int:pk>/daty/", views.term_edit, name="term_edit"),
    path("kadencje/<int:pk>/nowy-czlonek/", views.membership_create, name="membership_create"),
    path("czlonkowie/<int:pk>/", views.membership_edit, name="membership_edit"),
    path("posiedzenia/", meeting_views.meeting_list, name="meetings"),
    path("posiedzenia/nowe/", meeting_views.meeting_create, name="meeting_create"),
    path("posiedzenia/<int:pk>/", meeting_views.meeting_detail, name="meeting"),
    path("posiedzenia/<int:pk>/zmien/", meeting_views.meeting_edit, name="meeting_edit"),
    path("posiedzenia/<int:pk>/odwolaj/", meeting_views.meeting_cancel, name="meeting_cancel"),
    path("posiedzenia/<int:pk>/zaproszenia/", meeting_views.invitations_send, name="invitations_send"),
    path("posiedzenia/<int:pk>/nowy-punkt/", meeting_views.item_create, name="item_create"),
    path("posiedzenia/<int:pk>/goscie/", meeting_views.guest_add, name="guest_add"),
    path("posiedzenia/<int:pk>/obecnosc/", meeting_views.attendance, name="attendance"),
    path("posiedzenia/<int:pk>/protokol/", meeting_views.minutes_page, name="minutes"),
    path("posiedzenia/<int:pk>/nowe-zadanie/", meeting_views.action_create, name="action_create"),
    path("posiedzenia/<int:pk>/przyjecie-protokolu/", meeting_views.approve, name="approve"),
    path("punkty/<int:pk>/", meeting_views.item_edit, name="item_edit"),
    path("punkty/<int:pk>/przesun/", meeting_views.item_move, name="item_move"),
    path("punkty/<int:pk>/usun/", meeting_views.item_delete, name="item_delete"),
    path("punkty/<int:pk>/dokumenty/", meeting_views.document_add, name="document_add"),
    path("punkty/<int:pk>/protokol/", meeting_views.item_minutes, name="item_minutes"),
    path("goscie/<int:pk>/usun/", meeting_views.guest_delete, name="guest_delete"),
    path("zadania/<int:pk>/wykonane/", meeting_views.action_done, name="action_done"),
]
