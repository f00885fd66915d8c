from django.urls import path

from partnerstwo.news import views

app_name = "news"

urlpatterns = [
    path("", views.news_list, name="list"),
    path("rss/", views.news_list, name="rss"),
]
