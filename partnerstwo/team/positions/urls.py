from django.urls import path

from partnerstwo.team.positions import views

urlpatterns = [
    path("", views.position_list, name="positions"),
    path("<int:pk>/", views.position_detail, name="position"),
]
