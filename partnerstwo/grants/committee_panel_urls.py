from django.urls import path

from partnerstwo.grants import committee_panel_views

urlpatterns = [
    path("", committee_panel_views.index, name="committee_index"),
]
