from django.urls import path

from partnerstwo.team import group_panel_views as group_views
from partnerstwo.team import meeting_panel_views as meeting_views
from partnerstwo.team import panel_views as views
from partnerstwo.team import position_panel_views as position_views

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
    path("stanowiska/", position_views.position_list, name="positions"),
    path("stanowiska/nowe/", position_views.position_create, name="position_create"),
    path("stanowiska/<int:pk>/", position_views.position_detail, name="position"),
    path("stanowiska/<int:pk>/zmien/", position_views.position_edit, name="position_edit"),
    path("stanowiska/<int:pk>/zamknij/", position_views.position_close, name="position_close"),
    path("stanowiska/<int:pk>/posiedzenie/<int:meeting_pk>/", position_views.meeting_vote, name="meeting_vote"),
    path("poprawki/<int:pk>/", position_views.amendment_decide, name="amendment_decide"),
    path("akty-prawne/", position_views.legal_act_list, name="legal_acts"),
    path("akty-prawne/nowy/", position_views.legal_act_form, name="legal_act_create"),
    path("akty-prawne/<int:pk>/", position_views.legal_act_form, name="legal_act_edit"),
    path("grupy/", group_views.group_list, name="groups"),
    path("grupy/nowa/", group_views.group_form, name="group_create"),
    path("grupy/<int:pk>/", group_views.group_form, name="group"),
    path("grupy/<int:pk>/nowy-czlonek/", group_views.member_create, name="group_member_create"),
    path("czlonkowie-grup/<int:pk>/usun/", group_views.member_remove, name="group_member_remove"),
]
