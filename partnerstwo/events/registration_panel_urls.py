from django.urls import path

from partnerstwo.events import registration_panel_views as views

app_name = "registrations_panel"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/uczestnicy.csv", views.export_csv, name="export_csv"),
    path("<int:pk>/uczestnicy.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<int:pk>/lista-obecnosci/", views.attendance_sheet, name="attendance_sheet"),
]
