"""The officials' pages of agreements, /panel/konkursy/umowy/."""

from django.urls import path

from partnerstwo.grants.agreements import panel_views as views

urlpatterns = [
    path("", views.index, name="agreements"),
    path("postanowienia/", views.agreement_clauses, name="agreement_clauses"),
    path("nowa/<int:offer_pk>/", views.draft, name="agreement_draft"),
    path("<int:pk>/", views.detail, name="agreement"),
    path("<int:pk>/zwroc/", views.reopen, name="agreement_reopen"),
    path("<int:pk>/podpisanie/", views.signature, name="agreement_signature"),
    path("<int:pk>/umowa.pdf", views.pdf, name="agreement_pdf"),
    path("<int:pk>/<slug:slug>/", views.section, name="agreement_section"),
]
