"""Content pages in the staff panel, included by partnerstwo/panel/urls.py under /panel/strony/."""

from django.urls import path

from partnerstwo.pages import panel_views

app_name = "pages_panel"

urlpatterns = [
    path("", panel_views.page_list, name="index"),
    path("nowa/", panel_views.page_create, name="create"),
    path("<int:pk>/edycja/", panel_views.page_edit, name="edit"),
    path("<int:pk>/historia/", panel_views.page_history, name="history"),
    path("<int:pk>/historia/<int:revision_pk>/", panel_views.page_revision, name="revision"),
    path("<int:pk>/historia/<int:revision_pk>/przywroc/", panel_views.page_restore, name="restore"),
]
