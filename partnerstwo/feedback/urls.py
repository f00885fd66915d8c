from django.urls import path

from partnerstwo.feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.create, name="create"),
]
