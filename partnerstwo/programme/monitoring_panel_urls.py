"""Staff pages of the programme's indicators and yearly report, under /panel/program-wspolpracy/."""

from django.urls import path

from partnerstwo.programme import monitoring_views, report_views

app_name = "programme_monitoring"

urlpatterns = [
    path("monitoring/", monitoring_views.index, name="index"),
    path("<slug:slug>/wskazniki/", monitoring_views.indicators, name="indicators"),
    path("<slug:slug>/wskazniki/nowy/", monitoring_views.indicator_form, name="indicator_add"),
    path("<slug:slug>/wskazniki/<int:pk>/", monitoring_views.indicator_form, name="indicator_edit"),
    path("<slug:slug>/wskazniki/<int:pk>/usun/", monitoring_views.indicator_delete, name="indicator_delete"),
    path("<slug:slug>/wskazniki/<int:pk>/wartosci/", monitoring_views.indicator_values, name="values"),
    path("<slug:slug>/sprawozdanie/<int:year>/", report_views.report_edit, name="report"),
]
