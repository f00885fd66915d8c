"""The starting list of categories, so a fresh installation has a working form; staff edit it later."""

from django.db import migrations

DEFAULT_CATEGORIES = ["Błąd na stronie", "Propozycja zmiany treści", "Dostępność", "Inne"]


def create_categories(apps, schema_editor):
    FeedbackCategory = apps.get_model("feedback", "FeedbackCategory")
    for position, name in enumerate(DEFAULT_CATEGORIES, start=1):
        FeedbackCategory.objects.get_or_create(name=name, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]

    operations = [migrations.RunPython(create_categories, migrations.RunPython.noop)]
