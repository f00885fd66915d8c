"""News in the staff panel, included by partnerstwo/panel/urls.py under /panel/aktualnosci/."""

from django.urls import path

from partnerstwo.news import panel_views

app_name = "news_panel"

urlpatterns = [
    path("", panel_views.news_list, name="index"),
    path("nowa/", panel_views.news_create, name="create"),
    path("<int:pk>/edycja/", panel_views.news_edit, name="edit"),
]
