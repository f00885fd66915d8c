from django.urls import path

from partnerstwo.panel import views

app_name = "panel"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]
