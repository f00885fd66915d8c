"""Changes to a published schedule are recorded (who, when, old, new) and told in plain Polish."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.grants.schedule import planning
from partnerstwo.grants.schedule.models import Mode, PlannedCompetition, PlannedCompetitionChange
from partnerstwo.grants.tests import factories

pytestmark = pytest.mark.django_db


def edit(row, user, **values):
    before = planning.snapshot(row)
    for name, value in values.items():
        setattr(row, name, value)
    return planning.update_row(row=row, before=before, user=user)


def test_moving_a_published_row_records_who_when_old_and_new(official_x):
    row = factories.planned(factories.schedule_year(2027), official_x.department, month=3)
    [change] = edit(row, official_x, planned_month=4)
    change.refresh_from_db()
    assert (change.field, change.old_value, change.new_value) == ("planned_month", "3", "4")
    assert change.changed_by == official_x
    assert timezone.now() - change.changed_at < dt.timedelta(minutes=1)


def test_the_public_text_names_the_months_and_the_day():
    change = PlannedCompetitionChange(field="planned_month", old_value="3", new_value="4",
                                      changed_at=timezone.make_aware(dt.datetime(2026, 11, 28, 12)))
    assert planning.change_text_with_date(change) == "przesunięto z marca na kwiecień (28 listopada 2026)"


@pytest.mark.parametrize(
    ("field", "old", "new", "text"),
    [
        ("planned_amount", "50000.00", "60000.00", "zmieniono kwotę z 50\xa0000\xa0zł na 60\xa0000\xa0zł"),
        ("planned_amount", "1234.50", "0", "zmieniono kwotę z 1\xa0234,50\xa0zł na 0\xa0zł"),
        ("is_withdrawn", "0", "1", "wycofano"),
        ("added", "", "", "dodano do harmonogramu"),
        ("mode", "support", "entrusting", "zmieniono formę zlecenia z „wspieranie” na „powierzanie”"),
        ("task", "Kluby", "Kluby seniora", "zmieniono nazwę zadania z „Kluby” na „Kluby seniora”"),
        ("planned_month", "12", "1", "przesunięto z grudnia na styczeń"),
    ],
)
def test_each_kind_of_change_reads_as_a_sentence(field, old, new, text):
    assert planning.change_text(PlannedCompetitionChange(field=field, old_value=old, new_value=new)) == text


def test_every_tracked_field_is_recorded(official_x):
    row = factories.planned(factories.schedule_year(2027), official_x.department, sphere="culture",
                            mode=Mode.SUPPORT, month=3, amount="50000", task="Stare zadanie")
    changes = edit(row, official_x, task="Nowe zadanie", sphere=PublicTaskSphere.objects.get(slug="sport"),
                   mode=Mode.ENTRUSTING, planned_month=5, planned_amount=70000)
    assert {change.field for change in changes} == {"task", "sphere", "mode", "planned_month", "planned_amount"}
    sphere_change = next(change for change in changes if change.field == "sphere")
    assert "kultury" in sphere_change.old_value and "kultury fizycznej" in sphere_change.new_value


def test_saving_without_a_change_records_nothing(official_x):
    row = factories.planned(factories.schedule_year(2027), official_x.department, amount="50000")
    assert edit(row, official_x, planned_amount=50000, notes="Nowa uwaga wewnętrzna") == []
    assert not PlannedCompetitionChange.objects.exists()


def test_changes_to_a_draft_or_consultation_are_not_recorded(official_x):
    for year, status in [(2027, "draft"), (2028, "consultation")]:
        row = factories.planned(factories.schedule_year(year, status=status), official_x.department, month=3)
        assert edit(row, official_x, planned_month=6) == []
    assert not PlannedCompetitionChange.objects.exists()


def test_a_row_added_after_publication_is_recorded_as_added(client, official_x):
    factories.schedule_year(2027)
    client.force_login(official_x)
    client.post(reverse("panel:grants_panel:schedule_row_create", args=[2027]), {
        "task": "Nowy konkurs", "sphere": PublicTaskSphere.objects.get(slug="culture").pk, "mode": "support",
        "planned_month": "10", "planned_amount": "20000",
    })
    row = PlannedCompetition.objects.get()
    assert row.changes.get().field == "added"
    html = client.get(reverse("grants:schedule"), {"rok": 2027}).content.decode()
    assert "dodano do harmonogramu" in html


def test_an_edit_through_the_panel_shows_on_the_public_page(client, official_x):
    row = factories.planned(factories.schedule_year(2027), official_x.department, month=3, amount="50000",
                            task="Festiwal")
    client.force_login(official_x)
    client.post(reverse("panel:grants_panel:schedule_row_edit", args=[row.pk]), {
        "task": "Festiwal", "sphere": row.sphere_id, "mode": "support", "planned_month": "4",
        "planned_amount": "60000",
    })
    html = client.get(reverse("grants:schedule"), {"rok": 2027}).content.decode()
    today = timezone.localdate()
    assert "przesunięto z marca na kwiecień" in html
    assert "zmieniono kwotę z 50\xa0000\xa0zł na 60\xa0000\xa0zł" in html
    assert f"({today.day} " in html


def test_a_withdrawn_row_can_no_longer_be_edited(client, official_x):
    row = factories.planned(factories.schedule_year(2027), official_x.department, month=3)
    planning.withdraw_row(row=row, user=official_x)
    client.force_login(official_x)
    client.post(reverse("panel:grants_panel:schedule_row_edit", args=[row.pk]), {
        "task": row.task, "sphere": row.sphere_id, "mode": "support", "planned_month": "8",
        "planned_amount": "1",
    })
    row.refresh_from_db()
    assert row.planned_month == 3
    assert row.changes.count() == 1
