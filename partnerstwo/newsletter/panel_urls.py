from django.urls import path

from partnerstwo.newsletter import panel_views

app_name = "mailings_panel"

urlpatterns = [
    path("", panel_views.index, name="index"),
]
