from django.urls import path

from partnerstwo.events import registration_views as views

app_name = "registrations"

urlpatterns = [
    path("<int:pk>/", views.register, name="register"),
    path("zapisano/<str:token>/", views.registered, name="registered"),
    path("rezygnacja/<str:token>/", views.cancel, name="cancel"),
]
