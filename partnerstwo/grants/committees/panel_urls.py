"""Staff pages of the committees: officials of the department appoint, Team members nominate."""

from django.urls import path

from partnerstwo.grants.committees import panel_views

urlpatterns = [
    path("", panel_views.index, name="committee_index"),
    path("<slug:slug>/", panel_views.detail, name="committee_detail"),
    path("<slug:slug>/zglos/", panel_views.nominate, name="committee_nominate"),
    path("<slug:slug>/kandydaci/<int:pk>/", panel_views.decide_nomination, name="committee_nomination"),
    path("<slug:slug>/czlonkowie/<int:pk>/przewodniczacy/", panel_views.make_chair, name="committee_make_chair"),
    path("<slug:slug>/czlonkowie/<int:pk>/odwolaj/", panel_views.remove_member, name="committee_remove_member"),
    path("<slug:slug>/oferty/", panel_views.offers_list, name="committee_offers"),
    path("<slug:slug>/oferty/nowa/", panel_views.new_offer, name="committee_offer_new"),
]
