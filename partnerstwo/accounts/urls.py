from django.urls import path

from partnerstwo.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("usun/", views.delete_account, name="delete"),
    path("moje-dane/", views.export_data, name="export"),
]
