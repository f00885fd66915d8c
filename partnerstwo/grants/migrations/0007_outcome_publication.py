"""Where and when the results or the cancellation of a competition were announced (art. 15 ust. 2h, art. 18a)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('grants', '0006_reports'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='OutcomePublication',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('bip_published_on', models.DateField(blank=True, null=True, verbose_name='ogłoszono w BIP')),
                ('notice_board_published_on', models.DateField(blank=True, null=True, verbose_name='ogłoszono na tablicy ogłoszeń')),
                ('website_published_on', models.DateField(blank=True, null=True, verbose_name='ogłoszono na stronie internetowej')),
                ('recorded_at', models.DateTimeField(auto_now=True)),
                ('competition', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='outcome_publication', to='grants.competition')),
                ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'publikacja wyników lub unieważnienia',
                'verbose_name_plural': 'publikacje wyników i unieważnień',
            },
        ),
    ]
