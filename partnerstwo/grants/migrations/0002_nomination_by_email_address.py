from django.conf import settings
from django.db import migrations, models


def copy_candidate_addresses(apps, schema_editor):
    Nomination = apps.get_model("grants", "Nomination")
    for nomination in Nomination.objects.select_related("candidate").filter(email=""):
        nomination.email = nomination.candidate.email.lower()
        nomination.save(update_fields=["email"])


class Migration(migrations.Migration):

    dependencies = [
        ("grants", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="nomination",
            name="email",
            field=models.EmailField(default="", max_length=254, verbose_name="adres e-mail kandydata(-tki)"),
            preserve_default=False,
        ),
        migrations.RunPython(copy_candidate_addresses, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="nomination",
            name="candidate",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=models.deletion.CASCADE, related_name="+",
                to=settings.AUTH_USER_MODEL, verbose_name="kandydat(ka)",
            ),
        ),
        migrations.RemoveConstraint(model_name="nomination", name="nomination_once"),
        migrations.AddConstraint(
            model_name="nomination",
            constraint=models.UniqueConstraint(
                fields=("competition", "email", "nominated_by"), name="nomination_once_per_nominator",
            ),
        ),
    ]
