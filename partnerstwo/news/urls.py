from django.urls import path

from partnerstwo.news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.news_list, name="list"),
    path("rss/", feeds.NewsFeed(), name="rss"),
    path("atom/", feeds.NewsAtomFeed(), name="atom"),
    path("<slug:slug>/", views.news_detail, name="detail"),
]
