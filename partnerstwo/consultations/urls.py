"""Public pages of consultations, under /konsultacje/."""

from django.urls import path

from partnerstwo.consultations import views

app_name = "consultations"

urlpatterns = [
    path("", views.index, name="index"),
    path("kalendarz.ics", views.calendar, name="ical"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/przepis/<slug:anchor>/", views.unit_comments, name="unit"),
    path("<slug:slug>/uwaga/", views.comment, name="comment"),
    path("<slug:slug>/uwagi/<int:pk>/edycja/", views.edit_comment, name="edit_comment"),
    path("<slug:slug>/uwagi/<int:pk>/wycofanie/", views.withdraw, name="withdraw_comment"),
    path("<slug:slug>/opinia/", views.opinion, name="opinion"),
    path("<slug:slug>/opinie/<int:pk>/wycofanie/", views.withdraw, {"kind": "opinion"}, name="withdraw_opinion"),
    path("<slug:slug>/obserwuj/", views.follow, name="follow"),
    path("<slug:slug>/zmiany/<int:number>/", views.changes, name="changes"),
    path("<slug:slug>/wersje/<int:number>/", views.version, name="version"),
    path("<slug:slug>/sprawozdanie/", views.report_page, name="report"),
    path("<slug:slug>/sprawozdanie.pdf", views.report_pdf, name="report_pdf"),
    path("<slug:slug>/sprawozdanie.xlsx", views.report_xlsx, name="report_xlsx"),
]
