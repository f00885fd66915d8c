"""The public yearly schedule, /konkursy/harmonogram/."""

from django.urls import path

from partnerstwo.grants.schedule import views

urlpatterns = [
    path("", views.index, name="schedule"),
    path("<int:year>.ics", views.ical, name="schedule_ical"),
]
