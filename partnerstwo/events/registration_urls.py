from django.urls import path

from partnerstwo.events import registration_views as views

app_name = "registrations"

urlpatterns = [
    path("moje/", views.mine, name="mine"),
    path("<int:pk>/", views.register, name="register"),
    path("<int:pk>/sprawdz-skrzynke/", views.check_mailbox, name="check_mailbox"),
    path("potwierdz/<str:token>/", views.confirm, name="confirm"),
    path("zapisano/<str:token>/", views.registered, name="registered"),
    path("rezygnacja/<str:token>/", views.cancel, name="cancel"),
]
