from django.urls import path

from partnerstwo.campaigns import views

app_name = "annual_reports"

urlpatterns = [
    path("", views.annual_report_campaign, name="index"),
]
