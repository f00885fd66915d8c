from django.urls import path

from partnerstwo.feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.create, name="create"),
    path("wyslano/", views.sent, name="sent"),
    path("potwierdz/<str:token>/", views.confirm, name="confirm"),
    path("potwierdzono/", views.confirmed, name="confirmed"),
]
