"""Staff pages of the committees: officials of the department appoint, Team members nominate."""

from django.urls import path

from partnerstwo.grants.committees import panel

urlpatterns = [
    path("", panel.index, name="committee_index"),
    path("<slug:slug>/", panel.detail, name="committee_detail"),
    path("<slug:slug>/zglos/", panel.nominate, name="committee_nominate"),
    path("<slug:slug>/kandydaci/<int:pk>/", panel.decide_nomination, name="committee_nomination"),
    path("<slug:slug>/czlonkowie/<int:pk>/przewodniczacy/", panel.make_chair, name="committee_make_chair"),
    path("<slug:slug>/czlonkowie/<int:pk>/odwolaj/", panel.remove_member, name="committee_remove_member"),
    path("<slug:slug>/oferty/", panel.offers_list, name="committee_offers"),
    path("<slug:slug>/oferty/nowa/", panel.new_offer, name="committee_offer_new"),
]
