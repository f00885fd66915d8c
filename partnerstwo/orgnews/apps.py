from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgNewsConfig(AppConfig):
    name = "partnerstwo.orgnews"
    verbose_name = _("Z życia organizacji")
