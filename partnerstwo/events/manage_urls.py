from django.urls import path

from partnerstwo.events import manage_views as views

app_name = "my_events"

urlpatterns = [
    path("", views.index, name="index"),
    path("nowe/", views.create, name="create"),
    path("<int:pk>/", views.edit, name="edit"),
    path("<int:pk>/odwolaj/", views.cancel, name="cancel"),
]
