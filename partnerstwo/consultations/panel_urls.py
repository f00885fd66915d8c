"""Staff pages of consultations, under /panel/konsultacje/."""

from django.urls import path

from partnerstwo.consultations import panel_views

app_name = "consultations_panel"

urlpatterns = [
    path("", panel_views.index, name="index"),
    path("nowe/", panel_views.create, name="create"),
    path("<int:pk>/", panel_views.detail, name="detail"),
    path("<int:pk>/edycja/", panel_views.edit, name="edit"),
    path("<int:pk>/tekst/", panel_views.text, name="text"),
    path("<int:pk>/dokumenty/", panel_views.add_document, name="add_document"),
    path("<int:pk>/dokumenty/<int:document_pk>/usun/", panel_views.delete_document, name="delete_document"),
    path("<int:pk>/ogloszenie/", panel_views.announce, name="announce"),
    path("<int:pk>/uwagi/nowa/", panel_views.enter_comment, name="enter_comment"),
    path("<int:pk>/uwagi/<int:comment_pk>/usuniecie/", panel_views.remove_comment, name="remove_comment"),
    path("<int:pk>/opinie/<int:comment_pk>/usuniecie/", panel_views.remove_comment, {"kind": "opinion"},
         name="remove_opinion"),
    path("<int:pk>/odpowiedzi/", panel_views.answers, name="answers"),
    path("<int:pk>/sprawozdanie/", panel_views.report_draft, name="report"),
]
