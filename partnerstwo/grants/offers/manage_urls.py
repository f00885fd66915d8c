"""A representative's online offers, /moje-oferty/: fixed words first, a section of an offer last."""

from django.urls import path

from partnerstwo.grants.offers import manage_views as views

urlpatterns = [
    path("", views.index, name="index"),
    path("nowa/<slug:slug>/", views.start, name="start"),
    path("<int:pk>/", views.offer, name="offer"),
    path("<int:pk>/zloz/", views.submit, name="submit"),
    path("<int:pk>/wycofaj/", views.withdraw, name="withdraw"),
    path("<int:pk>/popraw/", views.submit_correction, name="submit_correction"),
    path("<int:pk>/wydruk/", views.print_page, name="print"),
    path("<int:pk>/oferta.pdf", views.draft_pdf, name="draft_pdf"),
    path("<int:pk>/wersje/<int:number>.pdf", views.version_pdf, name="version_pdf"),
    path("<int:pk>/partnerzy/<int:partner_pk>/potwierdz/", views.confirm_partner, name="confirm_partner"),
    path("<int:pk>/<slug:slug>/", views.section, name="section"),
]
