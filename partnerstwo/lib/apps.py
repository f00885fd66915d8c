from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "partnerstwo.lib"
    label = "lib"
    verbose_name = "Partnerstwo"
