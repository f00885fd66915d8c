from django.urls import path

from partnerstwo.events import panel_views as views

app_name = "events_panel"

urlpatterns = [
    path("", views.index, name="index"),
    path("nowe/", views.create, name="create"),
    path("<int:pk>/ocena/", views.review, name="review"),
    path("zmiany/<int:pk>/", views.review_change, name="review_change"),
    path("<int:pk>/edytuj/", views.edit, name="edit"),
    path("<int:pk>/odwolaj/", views.cancel, name="cancel"),
    path("<int:pk>/program/", views.programme, name="programme"),
]
