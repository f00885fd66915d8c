"""The question put to an organisation's representative on its pages: may we mail the organisation?

Shown on "my organisations" and on the public profile when a representative views it, until someone
answers; the form posts to the organisation's mailing page (newsletter:organization), which records
the consent. Organisations know nothing of the newsletter: their templates load this tag library.
"""

from django import template
from django.utils.translation import get_language

from partnerstwo.newsletter import organization_recipients, subscriptions
from partnerstwo.newsletter.forms import OrganizationPreferencesForm
from partnerstwo.organizations.models import Organization

register = template.Library()


@register.inclusion_tag("newsletter/_organization_prompt.html", takes_context=True)
def organization_mailing_prompt(context, organization):
    request = context.get("request")
    user = getattr(request, "user", None)
    shown = {"show": False}
    if user is None or not user.is_authenticated:
        return shown
    if not Organization.objects.represented_by(user).filter(pk=organization.pk).exists():
        return shown
    recipient = organization_recipients.recipient_for(organization)
    # Asked once: after an answer (agreed, or withdrawn like a subscriber leaving) nobody is nagged.
    if not organization_recipients.needs_consent(recipient) or recipient.unsubscribed_at is not None:
        return shown
    form = OrganizationPreferencesForm(
        initial={"topics": sorted(recipient.topic_set()), "language": get_language() or "pl"},
        auto_id=f"id_org{organization.pk}_%s",
    )
    return {
        "show": True,
        "organization": organization,
        "recipient": recipient,
        "form": form,
        "next": request.get_full_path(),
        "clause": subscriptions.organization_clause(),
        "csrf_token": context.get("csrf_token"),
    }
