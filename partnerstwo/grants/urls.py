"""Public pages of grants, /konkursy/. The areas' fixed words come before the competitions' routes, whose
last one takes a competition's own slug (see RESERVED_SLUGS)."""

from django.urls import include, path

app_name = "grants"

urlpatterns = [
    path("harmonogram/", include("partnerstwo.grants.schedule.urls")),
    path("komisja/", include("partnerstwo.grants.committees.urls")),
    path("", include("partnerstwo.grants.competitions.urls")),
]

# The words of the routes here and in competitions/urls.py, and "male-granty" of small grants (included before
# grants), that a competition's slug may not take.
RESERVED_SLUGS = {"harmonogram", "male-granty", "komisja", "wyniki", "terminy-ics", "nowy", "panel"}
