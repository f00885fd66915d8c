"""The committee members' area, /konkursy/komisja/: members need not be panel users."""

from django.urls import path

from partnerstwo.grants.committees import views

urlpatterns = [
    path("", views.index, name="committee"),
    path("<slug:slug>/", views.competition, name="committee_competition"),
    path("<slug:slug>/ranking/", views.ranking, name="committee_ranking"),
    path("<slug:slug>/oswiadczenie/", views.declaration, name="committee_declaration"),
    path("<slug:slug>/zglos-kandydata/", views.nominate, name="committee_nominate"),
    path("<slug:slug>/oferty/<int:pk>/", views.offer, name="committee_offer"),
    path("<slug:slug>/oferty/<int:pk>/oferta.pdf", views.offer_file, name="committee_offer_file"),
    path("<slug:slug>/oferty/<int:pk>/ocena-formalna/", views.formal, name="committee_formal"),
    path("<slug:slug>/oferty/<int:pk>/kwota/", views.proposed_amount, name="committee_amount"),
    path("<slug:slug>/protokol/", views.protocol_page, name="committee_protocol"),
    path("<slug:slug>/protokol.pdf", views.protocol_pdf, name="committee_protocol_pdf"),
]
