from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SmallGrantsConfig(AppConfig):
    name = "partnerstwo.small_grants"
    verbose_name = _("Małe granty (art. 19a)")
