from django.urls import path

from partnerstwo.grants import small_grant_views

urlpatterns = [
    path("", small_grant_views.index, name="small_grant"),
    path("<int:pk>/", small_grant_views.detail, name="small_grant_detail"),
    path("wyslano/", small_grant_views.sent, name="small_grant_sent"),
    path("potwierdz/<str:token>/", small_grant_views.confirm, name="small_grant_confirm"),
    path("<int:pk>/potwierdzono/", small_grant_views.confirmed, name="small_grant_confirmed"),
]
