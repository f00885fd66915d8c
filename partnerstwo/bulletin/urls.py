from django.urls import path

from partnerstwo.bulletin import views

app_name = "bulletin"

urlpatterns = [
    path("", views.archive, name="archive"),
    path("<int:year>/<int:number>/", views.issue, name="issue"),
    path("<int:year>/<int:number>/druk/", views.print_layout, name="print"),
    path("<int:year>/<int:number>/biuletyn.pdf", views.pdf, name="pdf"),
]
