"""The cooperation programme on the officials' desk (accounts/desk.py): programmes of the department with a duty
of their calendar (duties.py) due within settings.PROGRAMME_REMINDER_DAYS or overdue, the soonest first. The
duties are worked out from the dates, so the queue holds the programmes found by duties.upcoming; it is short
(a few programmes a year), and the department hears of each duty once by e-mail (reminders.py)."""

from django.db.models import Case, IntegerField, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerstwo.accounts.desk import Queue
from partnerstwo.programme import duties
from partnerstwo.programme.models import Programme


def _first_duty(programme, today=None):
    found = duties.upcoming([programme], today)
    return found[0].duty if found else None


def with_duties_due(user, today):
    mine = Programme.objects.editable_by(user)
    if not mine.query.is_empty():
        found = duties.upcoming(duties.candidates().filter(pk__in=mine.values("pk")), today)
        order = list(dict.fromkeys(item.programme.pk for item in found))
        if order:
            return mine.filter(pk__in=order).order_by(
                Case(*[When(pk=pk, then=position) for position, pk in enumerate(order)], output_field=IntegerField()))
    return mine.none()


def _label(programme) -> str:
    duty = _first_duty(programme)
    if duty is None:
        return str(programme)
    return _("%(title)s: %(duty)s do %(day)s") % {
        "title": programme.title, "duty": duty.title, "day": duty.due_on.strftime("%d.%m.%Y")}


def _since(programme):
    duty = _first_duty(programme)
    return duty.due_on if duty else None


DUTIES = Queue(
    key="programme", title=_("Program współpracy: terminy obowiązków"),
    url_name="panel:programme_panel:index", waiting=with_duties_due,
    item_url=lambda programme: reverse("panel:programme_panel:detail", args=[programme.pk]),
    since=_since, label=_label,
)
