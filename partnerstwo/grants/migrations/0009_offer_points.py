from decimal import Decimal

from django.db import migrations, models
from django.db.models import Count, Sum


def store_published_points(apps, schema_editor):
    """The points of results published before they were stored, by the rule of that time (Score.objects.counted:
    submitted cards of voting members, not suspended, of offers that passed the formal assessment)."""
    Offer = apps.get_model("grants", "Offer")
    Score = apps.get_model("grants", "Score")
    counted = (
        Score.objects.filter(offer__competition__status="results", offer__formal_status="passed",
                             submitted_at__isnull=False)
        .exclude(member__role="expert").exclude(member__suspended_at__isnull=False)
    )
    for offer_id, points, cards in (counted.values("offer_id").order_by()
                                    .annotate(points=Sum("points"), cards=Count("member_id", distinct=True))
                                    .values_list("offer_id", "points", "cards")):
        if cards:
            Offer.objects.filter(pk=offer_id).update(points=(Decimal(points) / cards).quantize(Decimal("0.01")))


class Migration(migrations.Migration):
    dependencies = [
        ("grants", "0008_agreement_clauses_report_pdf"),
    ]

    operations = [
        migrations.AddField(
            model_name="offer",
            name="points",
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=7, null=True,
                                      verbose_name="punkty (średnia komisji)"),
        ),
        migrations.RunPython(store_published_points, migrations.RunPython.noop),
    ]
