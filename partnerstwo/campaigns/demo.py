"""The campaigns in the demo, dated from today: the 1.5% campaign in season whatever the day (outside January to
April the demo sets a season of its own, as the Centre may in the admin), card views over its last weeks, and
last year's annual reports published by about two organisations in three, over the months after the year ended.
Idempotent: a second run adds nothing."""

import datetime

from django.utils import timezone

from partnerstwo.campaigns import annual_reports, cards, season
from partnerstwo.campaigns.models import CardView, OppSeason
from partnerstwo.organizations.models import AnnualReport

DEMO_SEASON_NOTE = "Sezon demonstracyjny: kampania widoczna w dniu wczytania danych."
VIEW_DAYS = 21


def load(stdout, **options):
    today = timezone.localdate()
    load_season(stdout, today)
    load_card_views(stdout, today)
    load_annual_reports(stdout, today)


def load_season(stdout, today):
    if season.current(today) is not None:
        return
    OppSeason.objects.create(
        starts_on=today - datetime.timedelta(days=VIEW_DAYS), ends_on=today + datetime.timedelta(days=60),
        note=DEMO_SEASON_NOTE,
    )
    stdout.write("  sezon kampanii 1,5% ustawiony na dni wokół dzisiejszego")


def load_card_views(stdout, today):
    if CardView.objects.exists():
        return
    current = season.latest(today)
    ids = list(cards.organizations(cards.current_edition()).order_by("name").values_list("pk", flat=True))
    rows = []
    for index, pk in enumerate(ids):
        for back in range(VIEW_DAYS):
            day = today - datetime.timedelta(days=back)
            views = (index * 7 + back * 3) % (12 + index % 5) - 3
            if day in current and views > 0:
                rows.append(CardView(organization_id=pk, day=day, views=views))
    CardView.objects.bulk_create(rows)
    stdout.write(f"  wyświetlenia kart 1,5%: {sum(row.views for row in rows)}")


def load_annual_reports(stdout, today):
    year = annual_reports.report_year(today)
    if AnnualReport.objects.filter(year=year).exists():
        return
    organizations = list(annual_reports.organizations().order_by("name"))
    # From February after the year ended, or (early in the year, before that) from two months ago.
    first_day = min(datetime.date(year + 1, 2, 1), today - datetime.timedelta(days=60))
    start = datetime.datetime.combine(first_day, datetime.time(10), tzinfo=timezone.get_current_timezone())
    span = max(1, min((today - first_day).days, 200))
    created = 0
    for index, organization in enumerate(organizations):
        if index % 3 == 2:
            continue  # one in three has not published: the reminder's audience
        added_at = start + datetime.timedelta(days=(index * 37) % span)
        report = AnnualReport.objects.create(
            organization=organization, year=year, kind=AnnualReport.Kind.ANNUAL_REPORT,
            url=f"https://sprawozdania.example.org/{organization.slug}/{year}.pdf",
        )
        AnnualReport.objects.filter(pk=report.pk).update(added_at=added_at)  # auto_now_add: the past set after
        created += 1
    stdout.write(f"  sprawozdania roczne za {year}: {created} z {len(organizations)} organizacji")
