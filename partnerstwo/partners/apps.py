from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partnerstwo.partners"
    verbose_name = _("Szukam partnera")
