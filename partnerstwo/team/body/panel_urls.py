from django.urls import path

from partnerstwo.team.body import panel_views as views

urlpatterns = [
    path("", views.index, name="index"),
    path("zasady/", views.body_edit, name="body"),
    path("kadencje/nowa/", views.term_create, name="term_create"),
    path("kadencje/<int:pk>/", views.term_detail, name="term"),
    path("kadencje/<int:pk>/daty/", views.term_edit, name="term_edit"),
    path("kadencje/<int:pk>/nowy-czlonek/", views.membership_create, name="membership_create"),
    path("kadencje/<int:pk>/usun/", views.term_delete, name="term_delete"),
    path("czlonkowie/<int:pk>/", views.membership_edit, name="membership_edit"),
    path("czlonkowie/<int:pk>/usun/", views.membership_delete, name="membership_delete"),
]
