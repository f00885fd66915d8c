"""Art. 19a ust. 3: the publication's three places. Offers published before this migration carried one date,
the day they appeared everywhere; it becomes the day of each of the three places."""

from django.conf import settings
from django.db import migrations, models


def dates_from_published_on(apps, schema_editor):
    Offer = apps.get_model("small_grants", "SmallGrantOffer")
    Offer.objects.filter(published_on__isnull=False).update(
        bip_published_on=models.F("published_on"), notice_board_published_on=models.F("published_on"),
        website_published_on=models.F("published_on"),
    )


class Migration(migrations.Migration):

    dependencies = [
        ('city', '0002_spheres'),
        ('organizations', '0006_organization_confirmed_contact_email'),
        ('small_grants', '0002_task_within_art_19a'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='smallgrantoffer',
            name='bip_published_on',
            field=models.DateField(blank=True, null=True, verbose_name='ogłoszono w BIP'),
        ),
        migrations.AddField(
            model_name='smallgrantoffer',
            name='notice_board_published_on',
            field=models.DateField(blank=True, null=True, verbose_name='ogłoszono na tablicy ogłoszeń'),
        ),
        migrations.AddField(
            model_name='smallgrantoffer',
            name='website_published_on',
            field=models.DateField(blank=True, null=True, verbose_name='ogłoszono na stronie internetowej'),
        ),
        migrations.AlterField(
            model_name='smallgrantoffer',
            name='published_on',
            field=models.DateField(blank=True, null=True, verbose_name='opublikowano we wszystkich trzech miejscach'),
        ),
        migrations.RunPython(dates_from_published_on, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='smallgrantoffer',
            constraint=models.CheckConstraint(condition=models.Q(('published_on__isnull', True), models.Q(('bip_published_on__isnull', False), ('notice_board_published_on__isnull', False), ('website_published_on__isnull', False), ('bip_published_on__lte', models.F('published_on')), ('notice_board_published_on__lte', models.F('published_on')), ('website_published_on__lte', models.F('published_on'))), _connector='OR'), name='small_grant_published_in_three_places'),
        ),
    ]
