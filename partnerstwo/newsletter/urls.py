from django.urls import path

from partnerstwo.newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("sprawdz-poczte/", views.subscribed, name="subscribed"),
    path("potwierdz/<str:token>/", views.confirm, name="confirm"),
    path("ustawienia/<str:token>/", views.preferences, name="preferences"),
    path("wypisz/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("organizacja/<slug:slug>/", views.organization_preferences, name="organization"),
]
