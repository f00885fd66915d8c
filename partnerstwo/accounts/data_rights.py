"""A person's rights over their data across the whole site: access and portability (RODO art. 15 and 20),
erasure (art. 17) and the retention periods every app promises in the privacy policy.

Each app that holds personal data keeps what it knows about them in its own `personal_data.py`:

    export(user) -> dict         what the app holds about this person, JSON-serialisable
    forget(user) -> None         remove or anonymise it, inside the account-deletion transaction
    expire(now) -> dict[str,int] optional: apply the app's retention rules, return what was done

The modules are found through the app registry, so accounts imports no app above it.
"""

import json
from importlib import import_module
from types import ModuleType

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

MODULE_NAME = "personal_data"
EXPORT_FORMAT_VERSION = 1


def modules() -> list[tuple[str, ModuleType]]:
    """(app label, module) for every installed app with a personal_data module, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, MODULE_NAME):
            found.append((config.label, import_module(f"{config.name}.{MODULE_NAME}")))
    return found


def export_everything(user) -> dict:
    """Everything the site holds about the person, one section per app."""
    return {
        "format_version": EXPORT_FORMAT_VERSION,
        "site": settings.CITY.get("site_name", ""),
        "controller": settings.CITY.get("data_controller", {}).get("name", ""),
        "exported_at": timezone.now(),
        "data": {label: module.export(user) for label, module in modules()},
    }


def export_json(user) -> str:
    return json.dumps(export_everything(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def forget_everywhere(user) -> None:
    """Each app removes or anonymises what it holds; apps later in INSTALLED_APPS (which build on
    earlier ones) go first. The caller holds the transaction and deletes the user afterwards."""
    for _label, module in reversed(modules()):
        module.forget(user)


def apply_retention(now=None) -> dict[str, dict[str, int]]:
    """Every app's retention rules at `now`; idempotent: a second run finds nothing more to do."""
    now = now or timezone.now()
    return {label: module.expire(now) for label, module in modules() if hasattr(module, "expire")}
