from django.urls import path

from partnerstwo.partners import panel_views as views

app_name = "partners_panel"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.review, name="review"),
]
