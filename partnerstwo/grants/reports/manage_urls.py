"""The representative's pages of reports, /moje-oferty/sprawozdania/."""

from django.urls import path

from partnerstwo.grants.reports import manage_views as views

urlpatterns = [
    path("<int:pk>/", views.detail, name="report"),
    path("<int:pk>/zloz/", views.submit, name="report_submit"),
    path("<int:pk>/sprawozdanie.pdf", views.pdf, name="report_pdf"),
    path("<int:pk>/<slug:slug>/", views.section, name="report_section"),
]
