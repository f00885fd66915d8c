from django.urls import path

from partnerstwo.orgnews import panel_views as views

app_name = "orgnews_panel"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/ocena/", views.review_post, name="review"),
]
