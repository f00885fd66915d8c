"""Public pages of small grants, under /konkursy/male-granty/ (included before the competitions' slug route)."""

from django.urls import path

from partnerstwo.small_grants import views

app_name = "small_grants"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("wyslano/", views.sent, name="sent"),
    path("potwierdz/<str:token>/", views.confirm, name="confirm"),
    path("<int:pk>/potwierdzono/", views.confirmed, name="confirmed"),
]
