from django.urls import path

from partnerstwo.organizations import api

app_name = "api"

urlpatterns = [
    path("organizacje/", api.organization_list, name="organizations"),
    path("organizacje/<slug:slug>/", api.organization_detail, name="organization"),
]
