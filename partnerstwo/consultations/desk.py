"""Consultations on the officials' desk (accounts/desk.py): closed consultations of the department that wait for
answers to their comments and for the report (Consultation.objects.editable_by: the department's; administrators
all). They enter the queue when the period ends, not through an action, so there is no "at once" e-mail: the
department hears of the closing from notify_closed_consultations, and the daily digest counts them."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerstwo.accounts.desk import Queue
from partnerstwo.consultations.models import Consultation, Stage


def awaiting_answers(user, today):
    """Closed consultations without a published report, the longest closed first, with their unanswered comments."""
    return (
        Consultation.objects.editable_by(user).in_stage(Stage.CLOSED, today)
        .annotate(unanswered=Count("comments", filter=Q(
            comments__withdrawn_at__isnull=True, comments__removed_at__isnull=True, comments__answer__isnull=True)))
        .order_by("ends_on", "pk")
    )


def _label(consultation) -> str:
    return _("%(title)s (uwagi bez odpowiedzi: %(count)d)") % {
        "title": consultation.title, "count": consultation.unanswered}


ANSWERS = Queue(
    key="consultations", title=_("Konsultacje czekające na odpowiedzi i sprawozdanie"),
    url_name="panel:consultations_panel:index", waiting=awaiting_answers,
    item_url=lambda consultation: reverse("panel:consultations_panel:answers", args=[consultation.pk]),
    since=lambda consultation: consultation.ends_on, label=_label,
)
