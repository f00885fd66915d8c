"""Staff pages of the yearly schedule, /panel/konkursy/harmonogram/."""

from django.urls import path

from partnerstwo.grants.schedule import panel_views

urlpatterns = [
    path("", panel_views.index, name="schedule_index"),
    path("<int:year>/", panel_views.year_detail, name="schedule_year"),
    path("<int:year>/stan/", panel_views.status, name="schedule_status"),
    path("<int:year>/dodaj/", panel_views.row_create, name="schedule_row_create"),
    path("pozycja/<int:pk>/", panel_views.row_edit, name="schedule_row_edit"),
    path("pozycja/<int:pk>/wycofaj/", panel_views.row_withdraw, name="schedule_row_withdraw"),
]
