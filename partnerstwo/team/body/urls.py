from django.urls import path

from partnerstwo.team.body import views
from partnerstwo.team.meetings import views as meeting_views
from partnerstwo.team.positions import views as position_views

urlpatterns = [
    path("", views.body, name="body"),
    path("kadencje/", views.term_list, name="terms"),
    path("kadencje/<int:number>/", views.term_detail, name="term"),
    # A department's meetings and the legal acts have their own addresses outside the areas' prefixes.
    path("wydzialy/<int:pk>/", meeting_views.department_meetings, name="department"),
    path("akty-prawne/", position_views.legal_acts, name="legal_acts"),
]
