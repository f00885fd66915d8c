from django.urls import path

from partnerstwo.organizations import manage_views as views

app_name = "my_organizations"

# Fixed paths first; an organisation's own pages are "<slug>/<action>/".
urlpatterns = [
    path("", views.index, name="index"),
    path("dolacz/", views.claim_search, name="claim_search"),
    path("zglos-nowa/", views.register, name="register"),
    path("potwierdz/<str:token>/", views.confirm_email, name="confirm_email"),
    path("zgloszenia/<int:pk>/wyslij-ponownie/", views.resend_confirmation, name="resend_confirmation"),
    path("<slug:slug>/dolacz/", views.claim, name="claim"),
    path("<slug:slug>/edytuj/", views.edit, name="edit"),
    path("<slug:slug>/krs/", views.krs_update, name="krs"),
    path("<slug:slug>/sprawozdania/", views.reports, name="reports"),
    path("<slug:slug>/sprawozdania/<int:pk>/usun/", views.report_delete, name="report_delete"),
]
