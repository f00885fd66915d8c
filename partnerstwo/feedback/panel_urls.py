"""The staff inbox of confirmed messages, included by partnerstwo.panel.urls under /panel/uwagi/."""

from django.urls import path

from partnerstwo.feedback import panel_views

app_name = "feedback_panel"

urlpatterns = [
    path("", panel_views.inbox, name="index"),
    path("<int:pk>/", panel_views.detail, name="detail"),
]
