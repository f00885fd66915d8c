from django.urls import path

from partnerstwo.bulletin import panel_views as views

app_name = "bulletin_panel"

urlpatterns = [
    path("", views.index, name="index"),
    path("nowe/", views.create, name="create"),
    path("<int:pk>/", views.compose, name="compose"),
    path("<int:pk>/dodaj/", views.add_item, name="add_item"),
    path("<int:pk>/pozycje/<int:item_pk>/", views.change_item, name="change_item"),
    path("<int:pk>/publikacja/", views.publish, name="publish"),
    path("media/", views.contacts, name="contacts"),
    path("media/<int:pk>/", views.edit_contact, name="edit_contact"),
    path("media/<int:pk>/usun/", views.delete_contact, name="delete_contact"),
]
