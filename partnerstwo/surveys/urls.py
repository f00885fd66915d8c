from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("", views.survey_list, name="list"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/wyniki/", views.summary, name="summary"),
    path("<int:pk>/odpowiedz/organizacja/<int:organization_pk>/", views.answer_as_representative,
         name="answer_as_representative"),
    path("<int:pk>/odpowiedz/<str:token>/", views.answer_by_link, name="answer_by_link"),
]
