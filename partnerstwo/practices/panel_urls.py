from django.urls import path

from partnerstwo.practices import panel_views as views

app_name = "practices_panel"

urlpatterns = [
    path("", views.index, name="index"),
    path("nowa/", views.create, name="create"),
    path("<int:pk>/ocena/", views.review_practice, name="review"),
    path("<int:pk>/edytuj/", views.edit, name="edit"),
    path("zalaczniki/<int:pk>/usun/", views.delete_attachment, name="delete_attachment"),
]
