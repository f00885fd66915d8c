from django.urls import path

from partnerstwo.orgnews import manage_views as views

app_name = "my_orgnews"

urlpatterns = [
    path("", views.index, name="index"),
    path("nowa/", views.create, name="create"),
    path("<int:pk>/", views.edit, name="edit"),
]
