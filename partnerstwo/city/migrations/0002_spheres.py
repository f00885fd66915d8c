"""Load the spheres of public tasks (art. 4 ust. 1 of the Act) as editable rows.

The list and point labels come from docs/law.md#art-4-spheres; some point numbers there are marked
unverified, which is why the label is an editable field and the slug is the key.
"""

import json
from pathlib import Path

from django.db import migrations


def load_spheres(apps, schema_editor):
    sphere_model = apps.get_model("city", "PublicTaskSphere")
    rows = json.loads((Path(__file__).resolve().parent.parent / "spheres.json").read_text(encoding="utf-8"))
    for row in rows:
        sphere_model.objects.update_or_create(slug=row["slug"], defaults={k: v for k, v in row.items() if k != "slug"})


class Migration(migrations.Migration):
    dependencies = [("city", "0001_initial")]

    operations = [migrations.RunPython(load_spheres, migrations.RunPython.noop)]
