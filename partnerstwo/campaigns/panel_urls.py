from django.urls import path

from partnerstwo.campaigns import panel_views as views

app_name = "campaigns_panel"

urlpatterns = [
    path("1-5-procent/", views.card_views, name="card_views"),
    path("1-5-procent/wyswietlenia.csv", views.card_views_csv, name="card_views_csv"),
    path("sprawozdania-roczne/", views.annual_report_campaign, name="annual_reports"),
    path("sprawozdania-roczne/przypomnienie/", views.prepare_reminder, name="prepare_reminder"),
]
