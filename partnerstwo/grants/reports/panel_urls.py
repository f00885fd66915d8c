"""The officials' pages of reports, /panel/konkursy/sprawozdania/."""

from django.urls import path

from partnerstwo.grants.reports import panel_views as views

urlpatterns = [
    path("", views.index, name="reports"),
    path("<int:pk>/", views.detail, name="report"),
    path("<int:pk>/sprawozdanie.pdf", views.pdf, name="report_pdf"),
    path("umowa/<int:pk>/czesciowe/", views.demand_partial, name="report_demand"),
]
