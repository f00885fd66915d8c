"""The partner search's e-mails, built in the worker from the rows as they are then."""

from django.urls import reverse

from partnerstwo.lib.emails import absolute_url, build_email
from partnerstwo.partners import addresses
from partnerstwo.partners.models import PartnerAnswer, PartnerPost, Status


def answer_email(answer_id: int):
    """An answer to the poster, with the reply link; no Reply-To, so the sender's address stays hidden."""
    answer = PartnerAnswer.objects.select_related("post__created_by", "post__organization").filter(
        pk=answer_id).first()
    if answer is None:
        return None
    address, language = addresses.poster_address(answer.post)
    if not address:
        return None
    context = {
        "answer": answer, "post": answer.post,
        "reply_url": absolute_url(addresses.reply_url(answer)),
        "post_url": absolute_url(answer.post.get_absolute_url()),
        "days": addresses.reply_link_lifetime().days,
    }
    return build_email("partner_answer", [address], context, language=language)


def reply_email(answer_id: int):
    """The poster's reply to the sender, with the poster's address as Reply-To: from now on they write directly."""
    answer = PartnerAnswer.objects.select_related("post__created_by", "post__organization", "sender").filter(
        pk=answer_id).exclude(replied_at=None).first()
    if answer is None:
        return None
    address, _language = addresses.poster_address(answer.post)
    language = answer.sender.preferred_language if answer.sender_id and answer.sender.preferred_language else None
    context = {"answer": answer, "post": answer.post, "post_url": absolute_url(answer.post.get_absolute_url())}
    return build_email("partner_reply", [answer.sender_email], context, language=language,
                       reply_to=[address] if address else None)


def decision_email(post_id: int):
    post = PartnerPost.objects.select_related("created_by").filter(pk=post_id).first()
    user = post.created_by if post else None
    if user is None or not user.is_active or not user.email or post.status == Status.PENDING:
        return None
    context = {
        "post": post, "post_url": absolute_url(post.get_absolute_url()),
        "manage_url": absolute_url(reverse("my_partners:index")),
    }
    return build_email("partner_post_decided", [user.email], context, language=user.preferred_language or None)
