from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "partnerstwo.lib"
    label = "lib"
    verbose_name = "Partnerstwo"

    def ready(self):
        from partnerstwo.lib import checks  # noqa: F401 - registers the deployment checks
