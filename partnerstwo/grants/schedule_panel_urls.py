from django.urls import path

from partnerstwo.grants import schedule_panel_views

urlpatterns = [
    path("", schedule_panel_views.index, name="schedule_index"),
]
