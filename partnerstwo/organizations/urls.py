from django.urls import path, re_path

from partnerstwo.organizations import views

app_name = "organizations"

# Fixed paths first: an organisation's slug may not be one of these words (see RESERVED_SLUGS).
urlpatterns = [
    path("", views.directory, name="list"),
    path("mapa/", views.directory_map, name="map"),
    path("mapa/punkty.json", views.map_points, name="map_points"),
    re_path(r"^eksport\.(?P<fmt>csv|xlsx|json)$", views.export, name="export"),
    path("<slug:slug>/", views.detail, name="detail"),
]

RESERVED_SLUGS = {"mapa"}
