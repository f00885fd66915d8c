"""A representative's pages of grants, /moje-oferty/: the online offers of the organisations they represent."""

from django.urls import include, path

app_name = "my_grants"

urlpatterns = [
    path("umowy/", include("partnerstwo.grants.agreements.manage_urls")),
    path("sprawozdania/", include("partnerstwo.grants.reports.manage_urls")),
    path("", include("partnerstwo.grants.offers.manage_urls")),
]
