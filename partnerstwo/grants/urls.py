"""Public pages of the grant competitions. Fixed words come before the competition's own slug (see RESERVED_SLUGS)."""

from django.urls import include, path

from partnerstwo.grants import views

app_name = "grants"

urlpatterns = [
    path("", views.competition_list, name="list"),
    path("harmonogram/", include("partnerstwo.grants.schedule_urls")),
    path("komisja/", include("partnerstwo.grants.committee_urls")),
    path("wyniki/", views.results, name="results"),
    path("wyniki/wyniki.csv", views.results_csv, name="results_csv"),
    path("wyniki/wyniki.xlsx", views.results_xlsx, name="results_xlsx"),
    path("terminy.ics", views.deadlines_ical, name="deadlines_ical"),
    path("<slug:slug>/wyniki.csv", views.competition_results_csv, name="competition_results_csv"),
    path("<slug:slug>/wyniki.xlsx", views.competition_results_xlsx, name="competition_results_xlsx"),
    path("<slug:slug>/", views.competition_detail, name="detail"),
]

# Words above, and "male-granty" of small grants (included before these routes), that a competition's slug
# may not take.
RESERVED_SLUGS = {"harmonogram", "male-granty", "komisja", "wyniki", "terminy-ics", "nowy", "panel"}
