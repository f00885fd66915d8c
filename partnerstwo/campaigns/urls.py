from django.urls import path

from partnerstwo.campaigns import views

app_name = "opp_campaign"

# Beside the 1.5% list's own paths (organizations/opp_urls.py: "" and "ulotka/") under /1-5-procent/.
urlpatterns = [
    path("kampania/", views.campaign, name="index"),
    path("karta/<slug:slug>/", views.card, name="card"),
    path("karta/<slug:slug>/ulotka/", views.card_leaflet, name="leaflet"),
]
