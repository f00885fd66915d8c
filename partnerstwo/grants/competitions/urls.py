"""Public pages of the competitions: the list, results, the deadlines feed and, last, a competition by its slug."""

from django.urls import path

from partnerstwo.grants.competitions import views

urlpatterns = [
    path("", views.competition_list, name="list"),
    path("wyniki/", views.results, name="results"),
    path("wyniki/wyniki.csv", views.results_csv, name="results_csv"),
    path("wyniki/wyniki.xlsx", views.results_xlsx, name="results_xlsx"),
    path("terminy.ics", views.deadlines_ical, name="deadlines_ical"),
    path("<slug:slug>/wyniki.csv", views.competition_results_csv, name="competition_results_csv"),
    path("<slug:slug>/wyniki.xlsx", views.competition_results_xlsx, name="competition_results_xlsx"),
    path("<slug:slug>/rezultaty/", views.competition_achievements, name="achievements"),
    path("<slug:slug>/", views.competition_detail, name="detail"),
]
