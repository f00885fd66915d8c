from django.urls import path

from partnerstwo.partners import views

app_name = "partners"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/wyslano/", views.sent, name="sent"),
    path("odpowiedz/<str:token>/", views.reply, name="reply"),
]
