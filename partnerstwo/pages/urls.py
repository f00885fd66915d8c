from django.urls import path

from partnerstwo.pages import views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
    path("wyglad/", views.display, name="display"),
    path("<slug:slug>/", views.page, name="page"),
]
