from django.urls import path

from partnerstwo.team.positions import panel_views as views

urlpatterns = [
    path("stanowiska/", views.position_list, name="positions"),
    path("stanowiska/nowe/", views.position_create, name="position_create"),
    path("stanowiska/<int:pk>/", views.position_detail, name="position"),
    path("stanowiska/<int:pk>/zmien/", views.position_edit, name="position_edit"),
    path("stanowiska/<int:pk>/zamknij/", views.position_close, name="position_close"),
    path("stanowiska/<int:pk>/posiedzenie/<int:meeting_pk>/", views.meeting_vote, name="meeting_vote"),
    path("poprawki/<int:pk>/", views.amendment_decide, name="amendment_decide"),
    path("akty-prawne/", views.legal_act_list, name="legal_acts"),
    path("akty-prawne/nowy/", views.legal_act_form, name="legal_act_create"),
    path("akty-prawne/<int:pk>/", views.legal_act_form, name="legal_act_edit"),
]
