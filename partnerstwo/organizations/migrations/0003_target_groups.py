"""The starting list of target groups (grupy odbiorców): editable data, keyed by slug.

Administrators edit, reorder and add groups in the admin; this only seeds an empty table and never
overwrites a name someone has changed.
"""

from django.db import migrations

TARGET_GROUPS = [
    ("dzieci", "dzieci"),
    ("mlodziez", "młodzież"),
    ("studenci", "studenci"),
    ("seniorzy", "seniorzy"),
    ("osoby-z-niepelnosprawnosciami", "osoby z niepełnosprawnościami"),
    ("rodziny", "rodziny"),
    ("kobiety", "kobiety"),
    ("osoby-w-kryzysie-bezdomnosci", "osoby w kryzysie bezdomności"),
    ("cudzoziemcy-migranci", "cudzoziemcy i migranci"),
    ("osoby-uzaleznione", "osoby uzależnione i ich bliscy"),
    ("osoby-chore", "osoby chore i ich opiekunowie"),
    ("osoby-bezrobotne", "osoby bezrobotne"),
    ("mieszkancy-osiedla", "mieszkańcy osiedla"),
    ("organizacje-pozarzadowe", "organizacje pozarządowe"),
    ("wolontariusze", "wolontariusze"),
    ("mniejszosci-narodowe", "mniejszości narodowe i etniczne"),
    ("zwierzeta", "zwierzęta"),
    ("wszyscy", "wszyscy mieszkańcy"),
]


def load(apps, schema_editor):
    TargetGroup = apps.get_model("organizations", "TargetGroup")
    for position, (slug, name) in enumerate(TARGET_GROUPS, start=1):
        TargetGroup.objects.get_or_create(slug=slug, defaults={"name": name, "position": position * 10})


def unload(apps, schema_editor):
    TargetGroup = apps.get_model("organizations", "TargetGroup")
    TargetGroup.objects.filter(slug__in=[slug for slug, _ in TARGET_GROUPS], organizations=None).delete()


class Migration(migrations.Migration):
    dependencies = [("organizations", "0002_search_index")]

    operations = [migrations.RunPython(load, unload)]
