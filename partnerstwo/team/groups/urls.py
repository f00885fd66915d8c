from django.urls import path

from partnerstwo.team.groups import views

urlpatterns = [
    path("", views.group_list, name="groups"),
    path("<slug:slug>/", views.group_detail, name="group"),
]
