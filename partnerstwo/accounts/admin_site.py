"""The Django admin, signing in only through the site's own login.

The admin's own login form would skip the failed-login limits and the two-factor step, and its
session opens the panel too; so its login page only sends people to allauth's.
"""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AdminSite(admin.AdminSite):
    site_header = _("Partnerstwo – administracja")
    site_title = _("Partnerstwo")

    def login(self, request, extra_context=None):
        if request.user.is_authenticated:
            # Signed in but without admin rights: another login form would not help.
            raise PermissionDenied
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index", current_app=self.name)
        return redirect_to_login(next_url, login_url=reverse("account_login"))
