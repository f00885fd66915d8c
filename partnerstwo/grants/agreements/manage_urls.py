"""The representative's pages of agreements, /moje-oferty/umowy/."""

from django.urls import path

from partnerstwo.grants.agreements import manage_views as views

urlpatterns = [
    path("<int:pk>/", views.detail, name="agreement"),
    path("<int:pk>/do-podpisu/", views.send_for_signature, name="agreement_send"),
    path("<int:pk>/umowa.pdf", views.pdf, name="agreement_pdf"),
    path("<int:pk>/<slug:slug>/", views.section, name="agreement_section"),
]
