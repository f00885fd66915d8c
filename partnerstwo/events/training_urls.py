"""/szkolenia/: the same calendar and feeds, trainings only."""

from django.urls import path

from partnerstwo.events import feeds, views

app_name = "trainings"

TRAINING = {"fixed_kind": "training"}

urlpatterns = [
    path("", views.calendar_view, {**TRAINING, "namespace": "trainings"}, name="calendar"),
    path("kalendarz.ics", views.calendar_feed, TRAINING, name="ical"),
    path("rss/", feeds.TrainingsFeed(), name="rss"),
    path("atom/", feeds.TrainingsAtomFeed(), name="atom"),
]
