from django.urls import path

from partnerstwo.grants import small_grant_panel_views

urlpatterns = [
    path("", small_grant_panel_views.index, name="small_grant_index"),
]
