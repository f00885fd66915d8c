from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True
    name = "partnerstwo.accounts"
    # allauth's own app (the e-mail addresses) is "Konta" in the admin's menu already.
    verbose_name = _("Użytkownicy")

    def ready(self):
        from allauth.mfa.signals import authenticator_added

        from partnerstwo.accounts import two_factor

        authenticator_added.connect(two_factor.record_set_up, dispatch_uid="staff_two_factor_set_up")


class AdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with our AdminSite (its login goes through allauth)."""

    default = False
    default_site = "partnerstwo.accounts.admin_site.AdminSite"
