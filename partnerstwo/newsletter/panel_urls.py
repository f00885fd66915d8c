"""Mailings in the staff panel, included by partnerstwo/panel/urls.py under /panel/rozsylki/."""

from django.urls import path

from partnerstwo.newsletter import panel_views

app_name = "newsletter_panel"

urlpatterns = [
    path("", panel_views.index, name="index"),
    path("nowa/", panel_views.create, name="create"),
    path("wstrzymane/", panel_views.suppressed, name="suppressed"),
    path("wstrzymane/<int:pk>/przywroc/", panel_views.lift, name="lift"),
    path("<int:pk>/", panel_views.detail, name="detail"),
    path("<int:pk>/edycja/", panel_views.edit, name="edit"),
    path("<int:pk>/podglad/", panel_views.preview, name="preview"),
    path("<int:pk>/test/", panel_views.send_test, name="send_test"),
    path("<int:pk>/wyslij/", panel_views.send_now, name="send_now"),
    path("<int:pk>/zaplanuj/", panel_views.schedule, name="schedule"),
    path("<int:pk>/anuluj/", panel_views.cancel, name="cancel"),
    path("<int:pk>/niedoreczone/", panel_views.failures, name="failures"),
    path("<int:pk>/niepewne/", panel_views.uncertain, name="uncertain"),
]
