"""Staff pages of the competitions: the list, the announcement form, documents and the lifecycle actions."""

from django.urls import path

from partnerstwo.grants.competitions import panel_views

urlpatterns = [
    path("", panel_views.index, name="index"),
    path("nowy/", panel_views.create, name="create"),
    path("<int:pk>/", panel_views.edit, name="edit"),
    path("<int:pk>/dokumenty/", panel_views.documents, name="documents"),
    path("<int:pk>/dokumenty/<int:document_pk>/zamien/", panel_views.replace_document, name="replace_document"),
    path("<int:pk>/ogloszenie/", panel_views.announce, name="announce"),
    path("<int:pk>/ocena/", panel_views.start_evaluation, name="start_evaluation"),
    path("<int:pk>/wyniki/", panel_views.publish_results, name="publish_results"),
    path("<int:pk>/uniewaznienie/", panel_views.cancel, name="cancel"),
    path("<int:pk>/publikacja-rozstrzygniecia/", panel_views.outcome_publication, name="outcome_publication"),
]
