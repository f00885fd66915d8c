"""The department's answers to the comments, and the report that publishes them.

Every counted comment gets an answer (accepted, partly, rejected, not applicable, with a justification);
identical comments may share one answer and stay listed one by one. Answers are drafts until the report is
published; the report is published even when nobody commented (LX/800/10 § 11 ust. 3; docs/law.md#consultation-report).
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.consultations import notifications, tasks
from partnerstwo.consultations.models import Answer, Comment, Consultation, Stage


def _require_answerable(consultation: Consultation, now=None) -> None:
    if consultation.report_published:
        raise ValidationError(_("Sprawozdanie jest opublikowane: odpowiedzi nie można już zmieniać."))
    if consultation.stage(now) != Stage.CLOSED:
        raise ValidationError(_("Na uwagi odpowiada się po zakończeniu konsultacji."))


@transaction.atomic
def answer(consultation: Consultation, *, comment_ids, decision: str, justification: str, by, now=None) -> Answer:
    """One answer for the chosen comments (one or several identical ones); their earlier answers are replaced."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    _require_answerable(consultation, now)
    errors = {}
    if decision not in Answer.Decision.values:
        errors["decision"] = _("Wybierz rozstrzygnięcie.")
    if not (justification or "").strip():
        errors["justification"] = _("Uzasadnij odpowiedź – trafi do sprawozdania.")
    comments = list(consultation.comments.counted().filter(pk__in=list(comment_ids)))
    if not comments:
        errors["comments"] = _("Zaznacz co najmniej jedną uwagę.")
    if errors:
        raise ValidationError(errors)
    previous = {comment.answer_id for comment in comments if comment.answer_id}
    created = Answer.objects.create(
        consultation=consultation, decision=decision, justification=justification.strip(), answered_by=by,
        answered_at=now or timezone.now(),
    )
    Comment.objects.filter(pk__in=[comment.pk for comment in comments]).update(answer=created)
    Answer.objects.filter(pk__in=previous, comments__isnull=True).delete()
    return created


def unanswered(consultation: Consultation):
    return consultation.comments.counted().filter(answer__isnull=True)


@transaction.atomic
def publish_report(consultation: Consultation, *, by, outcome: str, meeting_minutes: str = "",
                   now=None) -> Consultation:
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    _require_answerable(consultation, now)
    errors = {}
    if not (outcome or "").strip():
        errors["outcome"] = _("Opisz wynik konsultacji (także wtedy, gdy nie wpłynęły uwagi).")
    if consultation.form_meeting and not (meeting_minutes or "").strip():
        errors["meeting_minutes"] = _("Dodaj protokół z otwartego spotkania konsultacyjnego.")
    if errors:
        raise ValidationError(errors)
    left = unanswered(consultation).count()
    if left:
        raise ValidationError(_("Bez odpowiedzi pozostało uwag: %(count)s. Odpowiedz na każdą.") % {"count": left})
    consultation.outcome = outcome.strip()
    consultation.meeting_minutes = (meeting_minutes or "").strip()
    consultation.report_published_at = now or timezone.now()
    consultation.save(update_fields=["outcome", "meeting_minutes", "report_published_at", "updated_at"])
    transaction.on_commit(partial(notifications.report_published.enqueue, consultation.pk))
    transaction.on_commit(partial(tasks.build_report_pdf.enqueue, consultation.pk))
    return consultation
