"""Editions of the official OPP list (art. 27a) and their entries, matched to the directory by KRS."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organizations', '0006_organization_confirmed_contact_email'),
    ]

    operations = [
        migrations.CreateModel(
            name='OppListEdition',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(help_text='Rok, za który podatnicy przekazują 1,5% podatku tym organizacjom.', verbose_name='rok podatkowy')),
                ('as_of', models.DateField(help_text='Stan na dzień albo dzień aktualizacji wykazu.', verbose_name='data wydania')),
                ('source_url', models.URLField(blank=True, verbose_name='adres dokumentu źródłowego')),
                ('source_name', models.CharField(max_length=255, verbose_name='plik')),
                ('entry_count', models.PositiveIntegerField(default=0, verbose_name='organizacji w wykazie')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('source_import', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='opp_edition', to='organizations.organizationimport')),
            ],
            options={
                'verbose_name': 'wydanie wykazu OPP',
                'verbose_name_plural': 'wydania wykazu OPP',
                'ordering': ['-year', '-as_of', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='OppListEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('krs', models.CharField(max_length=10, validators=[django.core.validators.RegexValidator('^\\d{10}$', 'Numer KRS ma 10 cyfr (z zerami na początku).')], verbose_name='numer KRS')),
                ('name', models.CharField(max_length=500, verbose_name='nazwa')),
                ('edition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='organizations.opplistedition')),
                ('organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='opp_list_entries', to='organizations.organization')),
            ],
            options={
                'verbose_name': 'pozycja wykazu OPP',
                'verbose_name_plural': 'pozycje wykazu OPP',
                'ordering': ['edition', 'krs'],
            },
        ),
        migrations.AddConstraint(
            model_name='opplistedition',
            constraint=models.UniqueConstraint(fields=('year', 'as_of'), name='opp_list_edition_once', violation_error_message='To wydanie wykazu (ten rok i ta data) jest już wczytane.'),
        ),
        migrations.AddIndex(
            model_name='opplistentry',
            index=models.Index(fields=['organization', 'edition'], name='opp_list_entry_organization'),
        ),
        migrations.AddConstraint(
            model_name='opplistentry',
            constraint=models.UniqueConstraint(fields=('edition', 'krs'), name='opp_list_entry_once_per_edition'),
        ),
    ]
