from django.urls import path

from partnerstwo.practices import views

app_name = "practices"

urlpatterns = [
    path("", views.index, name="index"),
    path("zalaczniki/<int:pk>/", views.attachment, name="attachment"),
    path("<slug:slug>/", views.detail, name="detail"),
]
