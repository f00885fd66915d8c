from django.urls import path

from partnerstwo.orgnews import feeds, views

app_name = "orgnews"

urlpatterns = [
    path("", views.post_list, name="list"),
    path("rss/", feeds.PostsFeed(), name="rss"),
    path("atom/", feeds.PostsAtomFeed(), name="atom"),
    path("dla-mediow/", views.press, name="press"),
    path("<int:pk>/", views.detail, name="detail"),
]
