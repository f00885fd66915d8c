"""The programme's domain: its years, contents and versions, the comparison, the consultation and the adoption, the
calendar of duties with its reminders and the desk."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from partnerstwo.consultations.models import Kind
from partnerstwo.panel.desk import desk_for
from partnerstwo.programme import contents, desk, duties, editing, reminders
from partnerstwo.programme.forms import ProgrammeConsultationForm, SectionsForm
from partnerstwo.programme.models import DutyReminder, Programme
from partnerstwo.programme.tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_multi_year_programme_covers_each_of_its_years(department_x):
    item = f.programme(department_x, year=2027, year_to=2029)
    assert list(item.years) == [2027, 2028, 2029] and item.is_multi_year
    assert list(Programme.objects.covering(2028)) == [item]
    assert not Programme.objects.covering(2030).exists()
    assert contents.period_label(item) == "Lata 2027–2029"


def test_a_draft_is_not_public_until_its_consultation_is_announced(department_x, official_x):
    draft = f.programme(department_x, year=2028)
    consulted = f.in_consultation(department_x, by=official_x)
    adopted = f.adopted(department_x, by=official_x)
    assert set(Programme.objects.public()) == {consulted, adopted}
    consulted.consultation.announced_at = None
    consulted.consultation.save()
    assert draft not in Programme.objects.public() and consulted not in Programme.objects.public()


def test_every_save_of_the_contents_is_a_version_with_who_when_and_a_note(department_x, official_x):
    item = f.programme(department_x, by=official_x)
    assert item.versions.count() == 1
    form = SectionsForm({"title": item.title, "objectives": "Nowy cel.", "principles": "Jawność.",
                         "forms": ["commissioning"], "spheres": [f.sphere("sport").pk], "note": "Nowy cel"},
                        instance=item)
    assert form.is_valid(), form.errors
    editing.save_sections(form, by=official_x, note="Nowy cel")
    latest = item.versions.first()
    assert (latest.number, latest.note, latest.created_by) == (2, "Nowy cel", official_x)
    assert "Nowy cel." in latest.contents["objectives"]
    assert "kultury fizycznej" in latest.contents["scope"]  # the sphere, named in Polish whatever the language
    assert "zlecanie realizacji zadań publicznych" in latest.contents["forms"]
    changes = {change.key: change for change in editing.compare(item.versions.last(), latest)}
    assert changes["objectives"].changed and "<ins>" in changes["objectives"].diff
    assert "<del>" in changes["objectives"].diff
    assert not changes["committees"].changed
    assert list(changes) == [section.key for section in contents.SECTIONS]


def test_the_snapshot_holds_the_priorities_and_funds_as_lines(department_x):
    text = contents.snapshot(f.programme(department_x))
    assert "1. Festiwal kultury" in text["priorities"]
    assert "2027" in text["funds"] and "100" in text["funds"]
    assert len(text) == 11


def test_the_draft_text_has_a_chapter_per_section(department_x):
    text = contents.as_draft_text(f.programme(department_x))
    assert text.count("Rozdział ") == 11 and "Festiwal kultury" in text


def test_starting_the_consultation_links_both_ways_and_puts_the_contents_as_the_draft(department_x, official_x):
    item = f.programme(department_x, by=official_x)
    form = ProgrammeConsultationForm({
        "title": "Projekt programu 2027", "legal_basis": "art. 5a", "summary": "Projekt.",
        "for_ngos": "on", "for_body": "on", "starts_on": "2026-12-03", "ends_on": "2026-12-20",
        "form_site": "on", "contact_name": "K", "contact_email": "k@example.org",
    }, user=official_x)
    assert form.is_valid(), form.errors
    consultation = editing.start_consultation(item, form, by=official_x)
    item.refresh_from_db()
    assert item.consultation == consultation and consultation.programme == item
    assert consultation.kind == Kind.PROGRAMME and consultation.department == department_x
    assert item.status == Programme.Status.CONSULTATION
    assert "Festiwal kultury" in consultation.current_version().text
    assert item.versions.first().status == Programme.Status.CONSULTATION
    with pytest.raises(ValidationError):
        editing.start_consultation(item, form, by=official_x)


def test_adoption_records_the_resolution_and_fixes_the_text(department_x, official_x):
    item = f.in_consultation(department_x, by=official_x)
    editing.adopt(item, number="LX/1/26", day=dt.date(2026, 11, 25), document=ContentFile(f.PDF, name="u.pdf"),
                  by=official_x)
    item.refresh_from_db()
    assert item.is_adopted and item.resolution_number == "LX/1/26" and item.resolution_document.name.endswith(".pdf")
    assert item.versions.first().note == "Program przyjęty uchwałą nr LX/1/26"
    form = SectionsForm({"title": item.title}, instance=item)
    assert form.is_valid()
    with pytest.raises(ValidationError):
        editing.save_sections(form, by=official_x)
    with pytest.raises(ValidationError):
        editing.adopt(item, number="2", day=dt.date(2026, 11, 26), document=None, by=official_x)


def test_the_duties_of_a_programme_year_and_whether_they_were_met(department_x, official_x, settings):
    settings.PROGRAMME_CONSULTATION_BY = (10, 31)
    item = f.adopted(department_x, by=official_x, year=2026, day=dt.date(2025, 12, 5))  # late
    found = {(duty.key, duty.year): duty for duty in duties.duties_of(item)}
    consultation, adoption, report = found["consultation", 2026], found["adoption", 2026], found["report", 2026]
    assert consultation.due_on == dt.date(2025, 10, 31) and consultation.done_on == dt.date(2025, 9, 20)
    assert consultation.met(dt.date(2026, 12, 2)) is True
    assert adoption.due_on == dt.date(2025, 11, 30) and adoption.met(dt.date(2026, 12, 2)) is False
    assert report.due_on == dt.date(2027, 5, 31) and report.done_on is None
    assert report.met(dt.date(2026, 12, 2)) is None and report.met(dt.date(2027, 6, 1)) is False


def test_a_multi_year_programme_has_a_report_for_each_year(department_x):
    item = f.programme(department_x, year=2027, year_to=2028)
    keys = [(duty.key, duty.year) for duty in duties.duties_of(item)]
    assert keys == [("consultation", 2027), ("adoption", 2027), ("report", 2027), ("report", 2028)]


def test_the_report_duty_is_done_when_the_report_is_published(department_x, official_x):
    from partnerstwo.programme.models import YearReport

    item = f.adopted(department_x, by=official_x, year=2025)
    report = [duty for duty in duties.duties_of(item) if duty.key == "report"][0]
    assert report.done_on is None and report.met(dt.date(2026, 12, 2)) is False
    YearReport.objects.create(programme=item, year=2025, published_at=timezone.now(),
                              published_in_bip_on=dt.date(2026, 4, 30))
    report = [duty for duty in duties.duties_of(item) if duty.key == "report"][0]
    assert report.done_on == dt.date(2026, 4, 30) and report.met(dt.date(2026, 12, 2)) is True


def test_the_consultation_duty_is_done_on_the_announced_consultations_first_day(department_x, official_x):
    item = f.in_consultation(department_x, by=official_x)
    consultation = [duty for duty in duties.duties_of(item) if duty.key == "consultation"][0]
    assert consultation.done_on == item.consultation.starts_on


def test_the_department_is_reminded_once_of_each_duty_due_soon(department_x, official_x, official_y, settings,
                                                              mailoutbox, django_capture_on_commit_callbacks):
    settings.PROGRAMME_REMINDER_DAYS = 30
    item = f.programme(department_x, year=2027)  # adoption due 30 November 2026: overdue; consultation too
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.remind(dt.date(2026, 11, 10)) == 2  # the consultation (overdue) and the adoption
        assert reminders.remind(dt.date(2026, 11, 10)) == 0
        call_command("remind_programme_duties")
    assert DutyReminder.objects.filter(programme=item).count() == 2
    assert {tuple(message.to) for message in mailoutbox} == {(official_x.email,)}
    assert any("Przyjęcie programu" in message.subject for message in mailoutbox)


def test_no_reminder_far_ahead_nor_for_a_done_duty(department_x, official_x, settings):
    settings.PROGRAMME_REMINDER_DAYS = 14
    f.adopted(department_x, by=official_x, year=2027, day=dt.date(2026, 11, 20))
    assert reminders.remind(dt.date(2026, 12, 2)) == 0  # the report on 2027 is due in May 2028


def test_the_desk_shows_the_departments_programmes_with_a_duty_due(department_x, official_x, official_y,
                                                                   administrator):
    item = f.programme(department_x, year=2027)
    today = dt.date(2026, 11, 20)
    assert list(desk.with_duties_due(official_x, today)) == [item]
    assert list(desk.with_duties_due(administrator, today)) == [item]
    assert not desk.with_duties_due(official_y, today).exists()
    assert "Przyjęcie programu" in desk.DUTIES.label(item) or "Konsultacje" in desk.DUTIES.label(item)
    titles = [str(waiting.title) for waiting in desk_for(official_x, today)]
    assert "Program współpracy: terminy obowiązków" in titles


def test_the_reminders_run_on_the_schedule(settings):
    assert "remind_programme_duties" in settings.SCHEDULED_JOBS


def test_a_change_during_the_consultation_becomes_the_consultations_next_version(department_x, official_x):
    item = f.in_consultation(department_x, by=official_x)  # announced, with the factory's text as version 1
    consultation = item.consultation
    form = SectionsForm({"title": item.title, "objectives": "Cel po uwagach organizacji."}, instance=item)
    assert form.is_valid(), form.errors
    editing.save_sections(form, by=official_x, note="Uwzględniono uwagi")
    version = consultation.current_version()
    assert version.number == 2 and version.note == "Uwzględniono uwagi"
    assert "Cel po uwagach organizacji." in version.text
    form = SectionsForm({"title": "Inny tytuł", "objectives": "Cel po uwagach organizacji."}, instance=item)
    assert form.is_valid()
    editing.save_sections(form, by=official_x)  # the draft's text is the same: no new consultation version
    assert consultation.current_version().number == 2
