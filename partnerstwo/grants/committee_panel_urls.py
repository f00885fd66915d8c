"""Staff pages of the committees: officials of the department appoint, Team members nominate."""

from django.urls import path

from partnerstwo.grants import committee_panel_views as views

urlpatterns = [
    path("", views.index, name="committee_index"),
    path("<slug:slug>/", views.detail, name="committee_detail"),
    path("<slug:slug>/zglos/", views.nominate, name="committee_nominate"),
    path("<slug:slug>/kandydaci/<int:pk>/", views.decide_nomination, name="committee_nomination"),
    path("<slug:slug>/czlonkowie/<int:pk>/przewodniczacy/", views.make_chair, name="committee_make_chair"),
    path("<slug:slug>/czlonkowie/<int:pk>/odwolaj/", views.remove_member, name="committee_remove_member"),
    path("<slug:slug>/oferty/", views.offers_list, name="committee_offers"),
    path("<slug:slug>/oferty/nowa/", views.new_offer, name="committee_offer_new"),
]
