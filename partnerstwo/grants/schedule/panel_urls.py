"""Staff pages of the yearly schedule, /panel/konkursy/harmonogram/."""

from django.urls import path

from partnerstwo.grants.schedule import panel

urlpatterns = [
    path("", panel.index, name="schedule_index"),
    path("<int:year>/", panel.year_detail, name="schedule_year"),
    path("<int:year>/stan/", panel.status, name="schedule_status"),
    path("<int:year>/dodaj/", panel.row_create, name="schedule_row_create"),
    path("pozycja/<int:pk>/", panel.row_edit, name="schedule_row_edit"),
    path("pozycja/<int:pk>/wycofaj/", panel.row_withdraw, name="schedule_row_withdraw"),
]
