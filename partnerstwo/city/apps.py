from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CityConfig(AppConfig):
    name = "partnerstwo.city"
    verbose_name = _("Miasto")
