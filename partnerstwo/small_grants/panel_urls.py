"""Staff pages of small grants, under /panel/konkursy/male-granty/."""

from django.urls import path

from partnerstwo.small_grants import panel_views

app_name = "small_grants_panel"

urlpatterns = [
    path("", panel_views.index, name="index"),
    path("nowa/", panel_views.create, name="create"),
    path("<int:pk>/", panel_views.detail, name="detail"),
    path("<int:pk>/publikacja/", panel_views.publish, name="publish"),
    path("<int:pk>/decyzja/", panel_views.decide, name="decide"),
]
