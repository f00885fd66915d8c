from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class LibConfig(AppConfig):
    default = True  # this module holds another app's config too
    name = "partnerstwo.lib"
    label = "lib"
    verbose_name = "Partnerstwo"

    def ready(self):
        from partnerstwo.lib import checks  # noqa: F401 - registers the deployment checks


class TasksDatabaseConfig(TasksAppConfig):
    """django-tasks-db under a name the admin's menu can translate (the library's own is English only)."""

    default = False
    verbose_name = _("Zadania w tle")
