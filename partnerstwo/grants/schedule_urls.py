from django.urls import path

from partnerstwo.grants import schedule_views

urlpatterns = [
    path("", schedule_views.index, name="schedule"),
    path("<int:year>.ics", schedule_views.ical, name="schedule_ical"),
]
