"""The staff inbox of confirmed messages, included by partnerstwo.panel.urls under /panel/uwagi/."""

from django.urls import path

from partnerstwo.feedback import panel_views

urlpatterns = [
    path("", panel_views.inbox, name="feedback_inbox"),
    path("<int:pk>/", panel_views.detail, name="feedback_detail"),
]
