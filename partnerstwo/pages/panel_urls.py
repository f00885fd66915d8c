"""Content pages in the staff panel, included by partnerstwo/panel/urls.py under /panel/strony/."""

from django.urls import path

from partnerstwo.pages import panel_views

urlpatterns = [
    path("", panel_views.page_list, name="page_list"),
    path("nowa/", panel_views.page_create, name="page_create"),
    path("<int:pk>/edycja/", panel_views.page_edit, name="page_edit"),
    path("<int:pk>/historia/", panel_views.page_history, name="page_history"),
    path("<int:pk>/historia/<int:revision_pk>/", panel_views.page_revision, name="page_revision"),
    path("<int:pk>/historia/<int:revision_pk>/przywroc/", panel_views.page_restore, name="page_restore"),
]
