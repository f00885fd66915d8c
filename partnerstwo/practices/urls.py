from django.urls import path

from partnerstwo.practices import views

app_name = "practices"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
]
