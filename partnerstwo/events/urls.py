from django.urls import path

from partnerstwo.events import feeds, views

app_name = "events"

urlpatterns = [
    path("", views.calendar_view, name="calendar"),
    path("kalendarz.ics", views.calendar_feed, name="ical"),
    path("rss/", feeds.UpcomingEventsFeed(), name="rss"),
    path("atom/", feeds.UpcomingEventsAtomFeed(), name="atom"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/wydarzenie.ics", views.event_ics, name="ics"),
]
