from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "partnerstwo.practices"
    verbose_name = _("Dobre praktyki i standardy")
