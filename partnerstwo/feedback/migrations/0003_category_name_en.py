"""Categories get an English name for the English site; the starting ones get theirs."""

from django.db import migrations, models

ENGLISH = {
    "Błąd na stronie": "An error on the site",
    "Propozycja zmiany treści": "A suggested change to the content",
    "Dostępność": "Accessibility",
    "Inne": "Other",
}


def name_in_english(apps, schema_editor):
    FeedbackCategory = apps.get_model("feedback", "FeedbackCategory")
    for polish, english in ENGLISH.items():
        FeedbackCategory.objects.filter(name=polish, name_en="").update(name_en=english)


class Migration(migrations.Migration):
    dependencies = [("feedback", "0002_default_categories")]

    operations = [
        migrations.AddField(
            model_name="feedbackcategory",
            name="name_en",
            field=models.CharField(blank=True, max_length=100, verbose_name="nazwa (po angielsku)"),
        ),
        migrations.RunPython(name_in_english, migrations.RunPython.noop),
    ]
