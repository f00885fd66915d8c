"""Staff pages of the cooperation programme, under /panel/program-wspolpracy/."""

from django.urls import path

from partnerstwo.programme import panel_views

app_name = "programme_panel"

urlpatterns = [
    path("", panel_views.index, name="index"),
    path("nowy/", panel_views.create, name="create"),
    path("<int:pk>/", panel_views.detail, name="detail"),
    path("<int:pk>/tresc/", panel_views.sections, name="sections"),
    path("<int:pk>/zadania/", panel_views.priorities, name="priorities"),
    path("<int:pk>/srodki/", panel_views.funds, name="funds"),
    path("<int:pk>/konsultacje/", panel_views.consultation, name="consultation"),
    path("<int:pk>/przyjecie/", panel_views.adoption, name="adoption"),
    path("<int:pk>/wersje/porownanie/", panel_views.compare, name="compare"),
]
