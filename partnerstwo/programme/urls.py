from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("", views.programme_list, name="list"),
    path("<slug:slug>/", views.programme_detail, name="detail"),
    path("<slug:slug>/wersje/", views.versions, name="versions"),
    path("<slug:slug>/wersje/porownanie/", views.compare, name="compare"),
]
