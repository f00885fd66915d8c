from django.urls import path

from partnerstwo.grants import small_grant_panel_views

urlpatterns = [
    path("", small_grant_panel_views.index, name="small_grant_index"),
    path("nowa/", small_grant_panel_views.create, name="small_grant_create"),
    path("<int:pk>/", small_grant_panel_views.detail, name="small_grant_detail"),
    path("<int:pk>/publikacja/", small_grant_panel_views.publish, name="small_grant_publish"),
    path("<int:pk>/decyzja/", small_grant_panel_views.decide, name="small_grant_decide"),
]
