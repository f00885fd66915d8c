"""News in the staff panel, included by partnerstwo/panel/urls.py under /panel/aktualnosci/."""

from django.urls import path

from partnerstwo.news import panel_views

urlpatterns = [
    path("", panel_views.news_list, name="news_list"),
    path("nowa/", panel_views.news_create, name="news_create"),
    path("<int:pk>/edycja/", panel_views.news_edit, name="news_edit"),
]
