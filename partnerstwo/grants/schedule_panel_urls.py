from django.urls import path

from partnerstwo.grants import schedule_panel_views as views

urlpatterns = [
    path("", views.index, name="schedule_index"),
    path("<int:year>/", views.year_detail, name="schedule_year"),
    path("<int:year>/stan/", views.status, name="schedule_status"),
    path("<int:year>/dodaj/", views.row_create, name="schedule_row_create"),
    path("pozycja/<int:pk>/", views.row_edit, name="schedule_row_edit"),
    path("pozycja/<int:pk>/wycofaj/", views.row_withdraw, name="schedule_row_withdraw"),
]
