"""Staff pages of the competitions: the list, the announcement form, documents and the lifecycle actions."""

from django.urls import path

from partnerstwo.grants.competitions import panel

urlpatterns = [
    path("", panel.index, name="index"),
    path("nowy/", panel.create, name="create"),
    path("<int:pk>/", panel.edit, name="edit"),
    path("<int:pk>/dokumenty/", panel.documents, name="documents"),
    path("<int:pk>/dokumenty/<int:document_pk>/zamien/", panel.replace_document, name="replace_document"),
    path("<int:pk>/ogloszenie/", panel.announce, name="announce"),
    path("<int:pk>/ocena/", panel.start_evaluation, name="start_evaluation"),
    path("<int:pk>/wyniki/", panel.publish_results, name="publish_results"),
    path("<int:pk>/uniewaznienie/", panel.cancel, name="cancel"),
]
