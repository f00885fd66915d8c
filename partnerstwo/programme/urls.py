from django.urls import include, path

from . import views

app_name = "programme"

urlpatterns = [
    path("", views.programme_list, name="list"),
    path("<slug:slug>/", views.programme_detail, name="detail"),
    path("<slug:slug>/wersje/", views.versions, name="versions"),
    path("<slug:slug>/wersje/porownanie/", views.compare, name="compare"),
]

# The indicators, the monitoring dashboard and the yearly report (issue 15).
urlpatterns += [path("", include("partnerstwo.programme.monitoring_urls"))]
