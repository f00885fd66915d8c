"""Staff pages of online offers, /panel/konkursy/oferty-online/."""

from django.urls import path

from partnerstwo.grants.offers import panel_views

urlpatterns = [
    path("konkurs/<int:pk>/zasady/", panel_views.rules, name="offer_rules"),
    path("<int:pk>/", panel_views.detail, name="online_offer"),
    path("<int:pk>/poprawa/", panel_views.correction, name="online_offer_correction"),
]
