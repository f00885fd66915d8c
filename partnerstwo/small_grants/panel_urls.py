"""Staff pages of small grants, under /panel/konkursy/male-granty/."""

from django.urls import path

from partnerstwo.small_grants import panel

app_name = "small_grants_panel"

urlpatterns = [
    path("", panel.index, name="index"),
    path("nowa/", panel.create, name="create"),
    path("<int:pk>/", panel.detail, name="detail"),
    path("<int:pk>/publikacja/", panel.publish, name="publish"),
    path("<int:pk>/decyzja/", panel.decide, name="decide"),
]
