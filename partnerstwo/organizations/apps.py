from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_search_index(sender, using, **kwargs):
    """SQLite: a migration that rebuilt the organisations' table dropped the search index's triggers;
    put them back and refill the index (docs/decisions/0014). Nothing to do when all is in place."""
    from partnerstwo.organizations.models import SEARCH_INDEX

    SEARCH_INDEX.ensure(connections[using])


class OrganizationsConfig(AppConfig):
    name = "partnerstwo.organizations"
    verbose_name = _("Organizacje")

    def ready(self):
        post_migrate.connect(ensure_search_index, sender=self)
