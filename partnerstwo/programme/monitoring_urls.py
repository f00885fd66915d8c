"""Public pages of the programme's monitoring and yearly report, under /program-wspolpracy/<slug>/."""

from django.urls import path

from partnerstwo.programme import monitoring_views, report_views

urlpatterns = [
    path("<slug:slug>/monitoring/", monitoring_views.dashboard, name="monitoring"),
    path("<slug:slug>/monitoring/wskazniki.csv", monitoring_views.dashboard_csv, name="monitoring_csv"),
    path("<slug:slug>/monitoring/wskaznik-<int:pk>.csv", monitoring_views.dashboard_csv,
         name="monitoring_indicator_csv"),
    path("<slug:slug>/sprawozdanie/<int:year>/", report_views.report_page, name="report"),
    path("<slug:slug>/sprawozdanie/<int:year>/sprawozdanie.pdf", report_views.report_pdf, name="report_pdf"),
    path("<slug:slug>/sprawozdanie/<int:year>/sprawozdanie.xlsx", report_views.report_xlsx, name="report_xlsx"),
]
