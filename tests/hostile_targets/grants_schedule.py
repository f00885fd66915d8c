"""Hostile input to the yearly schedule of competitions (helper "schedule"): public filters and panel forms."""

from tests.test_hostile_input import Target

OFFICIAL_X = "xawery@um.example.org"


def _schedule(year: int, status: str):
    from django.utils import timezone

    from partnerstwo.grants.schedule.models import ScheduleYear

    published_at = timezone.now() if status == "published" else None
    return ScheduleYear.objects.get_or_create(year=year, defaults={"status": status, "published_at": published_at})[0]


def _row(year: int, status: str):
    """A row of official_x's department in a schedule of the given state, made once per test."""
    from partnerstwo.accounts.models import User
    from partnerstwo.city.models import PublicTaskSphere
    from partnerstwo.grants.schedule.models import PlannedCompetition

    schedule = _schedule(year, status)
    department = User.objects.get(email=OFFICIAL_X).department
    return PlannedCompetition.objects.get_or_create(
        schedule=schedule, task="Kluby seniora",
        defaults={"department": department, "sphere": PublicTaskSphere.objects.get(slug="seniors"), "mode": "support",
                  "planned_month": 3, "planned_amount": 50000},
    )[0]


def published_year(rows) -> int:
    return _row(2027, "published").schedule.year


def department_pk(rows) -> int:
    return _row(2027, "published").department_id


def sphere_pk(rows) -> int:
    from partnerstwo.city.models import PublicTaskSphere

    return PublicTaskSphere.objects.get(slug="culture").pk


ROW_FORM = {
    "task": "Festiwale w przestrzeni miasta", "sphere": sphere_pk, "mode": "support", "planned_month": "4",
    "planned_amount": "60000,50", "notes": "Po konsultacji z Zespołem.",
}

TARGETS = [
    Target("schedule: public table", "GET", "/konkursy/harmonogram/",
           {"rok": published_year, "wydzial": department_pk, "sfera": "seniors", "sortuj": "wydzial"}),
    Target("schedule: iCal feed", "GET", "/konkursy/harmonogram/{year}.ics", {"year": published_year}),
    Target("panel: schedule year", "POST", "/panel/konkursy/harmonogram/", {"year": "2031"}, "official_x"),
    Target("panel: schedule row", "POST", "/panel/konkursy/harmonogram/{year}/dodaj/",
           {"year": published_year, **ROW_FORM}, "official_x"),
    Target("panel: schedule row (administrator)", "POST", "/panel/konkursy/harmonogram/{year}/dodaj/",
           {"year": published_year, "department": department_pk, **ROW_FORM}, "administrator"),
    Target("panel: schedule row edit", "POST", "/panel/konkursy/harmonogram/pozycja/{pk}/",
           {"pk": lambda rows: _row(2027, "published").pk, **ROW_FORM}, "official_x"),
    Target("panel: schedule row withdraw", "POST", "/panel/konkursy/harmonogram/pozycja/{pk}/wycofaj/",
           {"pk": lambda rows: _row(2027, "published").pk}, "official_x"),
    Target("panel: schedule status", "POST", "/panel/konkursy/harmonogram/{year}/stan/",
           {"year": lambda rows: _schedule(2029, "draft").year, "action": "consultation",
            "comments_until": "2099-01-31", "notify": "on"}, "official_x"),
    Target("panel: schedule comment", "POST", "/panel/konkursy/harmonogram/{year}/",
           {"year": lambda rows: _row(2030, "consultation").schedule.year,
            "row": lambda rows: _row(2030, "consultation").pk, "text": "Za mała kwota."}, "team_member"),
]
