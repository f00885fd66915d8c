from django.urls import path

from partnerstwo.partners import manage_views as views

app_name = "my_partners"

urlpatterns = [
    path("", views.index, name="index"),
    path("nowe/", views.create, name="create"),
    path("<int:pk>/", views.edit, name="edit"),
    path("<int:pk>/wycofaj/", views.withdraw, name="withdraw"),
]
