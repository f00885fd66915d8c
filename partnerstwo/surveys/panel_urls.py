from django.urls import path

from . import panel_views as views

app_name = "surveys_panel"

urlpatterns = [
    path("", views.index, name="index"),
    path("nowe/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/ustawienia/", views.edit, name="edit"),
    path("<int:pk>/czesci/nowa/", views.section_form, name="section_create"),
    path("<int:pk>/czesci/<int:section_pk>/", views.section_form, name="section_edit"),
    path("<int:pk>/pytania/nowe/", views.question_form, name="question_create"),
    path("<int:pk>/pytania/<int:question_pk>/", views.question_form, name="question_edit"),
    path("<int:pk>/<str:kind>/<int:row_pk>/usun/", views.delete, name="delete"),
    path("<int:pk>/<str:kind>/<int:row_pk>/przesun/", views.move, name="move"),
    path("<int:pk>/wyslij/<str:kind>/", views.send, name="send"),
    path("<int:pk>/wyniki/", views.results_page, name="results"),
    path("<int:pk>/wyniki/pytanie/<int:question_pk>/", views.text_answers, name="text_answers"),
    path("<int:pk>/wyniki/odpowiedzi.<str:file_format>", views.export, name="export"),
]
