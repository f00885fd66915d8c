"""Answers to partner posts, through the site, without showing either address to the other side.

The answer goes to the poster by e-mail from the site's address, with no Reply-To: the poster does not
learn the sender's address. It carries a signed link to a reply page on the site. When the poster replies
there, the reply goes to the sender with the poster's address as Reply-To, so from then on the two write
to each other directly, and only because the poster chose to. The sender learns the poster's address
only from that reply; the poster learns the sender's only if the sender writes back.

Anonymous senders pass the captcha and a rate limit per IP address; signed-in senders a rate limit per
account. Answers are deleted PARTNERS_ANSWER_RETENTION_DAYS after they were sent (personal_data.expire).
"""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.partners import tasks
from partnerstwo.partners.addresses import poster_address
from partnerstwo.partners.models import PartnerAnswer, PartnerPost, Status


@transaction.atomic
def send_answer(answer: PartnerAnswer, *, post: PartnerPost) -> PartnerAnswer:
    post = PartnerPost.objects.select_for_update().get(pk=post.pk)
    if not post.is_open():
        raise ValidationError(_("To ogłoszenie jest już nieaktualne; odpowiedzi nie przyjmujemy."), code="closed")
    answer.post = post
    answer.save()
    transaction.on_commit(partial(tasks.send_answer.enqueue, answer.pk))
    return answer


@transaction.atomic
def send_reply(answer: PartnerAnswer, *, text: str) -> None:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Wpisz treść odpowiedzi.")})
    answer = PartnerAnswer.objects.select_for_update().get(pk=answer.pk)
    if answer.replied_at is not None:
        raise ValidationError(_("Na tę wiadomość już odpowiedziano przez serwis; piszcie dalej bezpośrednio."),
                              code="replied")
    answer.reply_text, answer.replied_at = text, timezone.now()
    answer.save(update_fields=["reply_text", "replied_at"])
    transaction.on_commit(partial(tasks.send_reply.enqueue, answer.pk))


def expire(now) -> int:
    deleted, _ = PartnerAnswer.objects.filter(
        created_at__lt=now - timedelta(days=settings.PARTNERS_ANSWER_RETENTION_DAYS)
    ).delete()
    return deleted


def accepts_answers(post: PartnerPost) -> bool:
    return post.is_open() and post.status == Status.PUBLISHED and bool(poster_address(post)[0])
