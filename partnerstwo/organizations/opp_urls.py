from django.urls import path

from partnerstwo.organizations import views

app_name = "opp"

urlpatterns = [
    path("", views.opp_list, name="list"),
    path("ulotka/", views.opp_leaflet, name="leaflet"),
]
