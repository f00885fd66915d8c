from django.urls import path

from partnerstwo.grants import committee_views

urlpatterns = [
    path("", committee_views.index, name="committee"),
]
