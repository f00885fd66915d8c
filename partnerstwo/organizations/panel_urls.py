from django.urls import path

from partnerstwo.organizations import panel_views as views

app_name = "organizations_panel"

urlpatterns = [
    path("", views.index, name="index"),
    path("zgloszenia/", views.claim_queue, name="claims"),
    path("zgloszenia/<int:pk>/", views.claim_decide, name="claim_decide"),
    path("zmiany/", views.change_queue, name="changes"),
    path("zmiany/<int:pk>/", views.change_decide, name="change_decide"),
    path("import-opp/", views.opp_list_upload, name="opp_import"),
    path("wykaz-opp/", views.opp_editions, name="opp_editions"),
    path("import/", views.bulk_upload, name="bulk_import"),
    path("import/<int:pk>/", views.import_detail, name="import_detail"),
    path("sprawozdania/", views.missing_reports, name="missing_reports"),
    path("<slug:slug>/historia/", views.history, name="history"),
]
