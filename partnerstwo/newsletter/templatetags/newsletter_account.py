"""The newsletter block of the account page: the person's own subscription and a link to manage it."""

from django import template

from partnerstwo.newsletter.models import Recipient

register = template.Library()


@register.inclusion_tag("newsletter/_account_block.html")
def newsletter_subscription(user):
    subscription = Recipient.objects.of_user(user).prefetch_related("topics").first()
    return {"subscription": subscription}
