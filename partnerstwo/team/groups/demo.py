"""Demo meetings of the sector groups and the working team (run by team/demo.py after the groups): each has
one past meeting with its attendance and published minutes, and one coming meeting with an agenda and the
invitations sent. Keyed by group and title, so running it twice creates nothing new."""

import datetime as dt
import zoneinfo

from django.conf import settings
from django.utils import timezone

from partnerstwo.team.meetings import conduct, minutes
from partnerstwo.team.models import ActionItem, AgendaItem, Attendance, Group, Meeting

# slug -> (past title, its agenda, coming title, its agenda, days before/after today)
MEETINGS = {
    "kultura": ("Spotkanie grupy kultury", ["Konkursy w sferze kultury na przyszły rok", "Wspólny kalendarz festiwali"],
                "Spotkanie grupy kultury: opinia o programie współpracy", ["Uwagi do programu w sferze kultury"],
                -40, 12),
    "pomoc-spoleczna": ("Spotkanie grupy pomocy społecznej", ["Lokale dla organizacji", "Usługi społeczne 2027"],
                        "Spotkanie grupy pomocy społecznej: zima", ["Noclegownie i punkty pomocy zimą"], -25, 20),
    "zespol-kluby-seniora": ("Zespół roboczy: zakres konkursu", ["Zakres zadań klubów seniora", "Kryteria oceny"],
                             "Zespół roboczy: projekt ogłoszenia", ["Projekt ogłoszenia konkursu", "Kwoty dotacji"],
                             -10, 7),
}


def _at(days: int, hour: int) -> dt.datetime:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return dt.datetime.combine(timezone.localdate() + dt.timedelta(days=days), dt.time(hour), tzinfo=zone)


def _meeting(group, title, days, agenda) -> tuple[Meeting, bool]:
    found = group.meetings.filter(title=title).first()
    if found:
        return found, False
    meeting = conduct.save_meeting(meeting=Meeting(
        group=group, title=title, starts_at=_at(days, 17), ends_at=_at(days, 19),
        place="Centrum Aktywności Społecznej, ul. Św. Rocha 3, sala 2",
    ))
    for position, item in enumerate(agenda, start=1):
        AgendaItem.objects.create(meeting=meeting, position=position, title=item)
    return meeting, True


def load(stdout=None) -> None:
    for group in Group.objects.filter(slug__in=MEETINGS):
        past_title, past_agenda, coming_title, coming_agenda, before, after = MEETINGS[group.slug]
        past, created = _meeting(group, past_title, before, past_agenda)
        if created:
            rows = conduct.attendance_of(past)
            statuses = {member.pk: Attendance.Status.PRESENT for member, _record in rows}
            if len(rows) > 2:
                statuses[rows[-1][0].pk] = Attendance.Status.EXCUSED
            conduct.record_attendance(meeting=past, statuses=statuses, guests={})
            past.minutes_intro = "Spotkanie prowadził koordynator grupy. Porządek przyjęto bez uwag."
            past.save(update_fields=["minutes_intro"])
            for item in past.items.all():
                item.discussion = "Uczestnicy wymienili doświadczenia i propozycje."
                item.decisions = "Koordynator zbierze uwagi i przedstawi je Zespołowi Konsultacyjnemu."
                conduct.save_item_minutes(item=item)
            conduct.save_action_item(action=ActionItem(
                meeting=past, item=past.items.first(), what="Zebrać uwagi organizacji na piśmie",
                owner_name="koordynator grupy", due_on=past.day + dt.timedelta(days=21),
            ))
            minutes.publish_group_minutes(meeting=past)
        coming, created = _meeting(group, coming_title, after, coming_agenda)
        if created:  # marked as sent: the demo sends no e-mail
            Meeting.objects.filter(pk=coming.pk).update(invitations_sent_at=timezone.now())
