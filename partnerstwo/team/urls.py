from django.urls import path

from partnerstwo.team import views

app_name = "team"

urlpatterns = [
    path("", views.body, name="body"),
    path("kadencje/", views.term_list, name="terms"),
    path("kadencje/<int:number>/", views.term_detail, name="term"),
]
