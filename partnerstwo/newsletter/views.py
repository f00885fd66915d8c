"""Public pages of the newsletter: sign-up with double opt-in, preferences by link, unsubscribe,
and an organisation's choices made by its representatives."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from partnerstwo.lib import fragments
from partnerstwo.lib.ratelimit import client_ip, hit
from partnerstwo.newsletter import organization_recipients, subscriptions
from partnerstwo.newsletter.forms import OrganizationPreferencesForm, PreferencesForm, SignupForm
from partnerstwo.newsletter.models import Recipient
from partnerstwo.organizations.models import Organization


def _language() -> str:
    return get_language() or settings.LANGUAGE_CODE


def _recipient_or_none(token: str):
    if not token.isascii() or not token.isprintable():  # PostgreSQL refuses NUL bytes in a query
        return None
    return Recipient.objects.filter(token=token[:64]).select_related("organization").first()


def _invalid_link(request):
    return render(request, "newsletter/invalid_link.html", {"days": subscriptions.CONFIRMATION_DAYS}, status=404)


def _choices(form) -> dict:
    return {name: form.cleaned_data[name] for name in ("topics", "spheres", "districts")}


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    status = 200
    if request.method == "POST":
        form = SignupForm(request.POST)
        if not hit("newsletter_signup", client_ip(request), subscriptions.signup_rate()):
            form.add_error(None, _("Z tego adresu sieciowego wysłano zbyt wiele zapisów. Spróbuj ponownie za godzinę."))
            status = 429
        elif form.is_valid():
            subscriptions.subscribe(
                email=form.cleaned_data["email"], **_choices(form), language=_language(), request=request,
                user=request.user,
            )
            return redirect("newsletter:subscribed")
    else:
        initial = {"email": request.user.email} if request.user.is_authenticated else {}
        form = SignupForm(initial=initial)
    own = Recipient.objects.of_user(request.user).first()
    return render(request, "newsletter/subscribe.html", {
        "form": form,
        # The topics, spheres and districts (77 checkboxes) hold no token and nothing of the visitor: rendered
        # once per content (lib/fragments.py), keyed on the form's data, choices and initial values.
        "choice_groups_html": fragments.render(
            "newsletter/_choice_groups.html", {"form": form}, fragments.form_state(form)),
        "clause": subscriptions.information_clause(),
        "own_subscription": own,
    }, status=status)


def subscribed(request):
    return render(request, "newsletter/subscribed.html", {"days": subscriptions.CONFIRMATION_DAYS})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET only shows the button: mail scanners open links, and opening must not confirm."""
    recipient = _recipient_or_none(token)
    if recipient is None or recipient.kind != Recipient.Kind.SUBSCRIBER:
        return _invalid_link(request)
    if recipient.is_active:
        return render(request, "newsletter/confirmed.html", {"recipient": recipient})
    if not subscriptions.needs_confirmation(recipient):
        if recipient.unsubscribed_at:
            return render(request, "newsletter/unsubscribed.html", {"recipient": recipient})
        return _invalid_link(request)
    if request.method == "POST":
        subscriptions.confirm(recipient)
        return redirect("newsletter:confirm", token=recipient.token)
    return render(request, "newsletter/confirm.html", {
        "recipient": recipient, "topics": subscriptions.topic_labels(recipient),
    })


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    recipient = _recipient_or_none(token)
    if recipient is None:
        return _invalid_link(request)
    if recipient.confirmed_at is None:
        if recipient.kind == Recipient.Kind.SUBSCRIBER:
            return redirect("newsletter:confirm", token=recipient.token)
        return _invalid_link(request)  # an organisation that lost its confirmed address
    resubscribing = recipient.unsubscribed_at is not None
    if request.method == "POST":
        form = PreferencesForm(request.POST, resubscribing=resubscribing)
        if form.is_valid():
            subscriptions.update_preferences(
                recipient, **_choices(form), language=form.cleaned_data["language"], request=request
            )
            messages.success(request, _("Zapisano ustawienia."))
            return redirect("newsletter:preferences", token=recipient.token)
    else:
        form = PreferencesForm(initial=_initial(recipient), resubscribing=resubscribing)
    return render(request, "newsletter/preferences.html", {
        "form": form, "recipient": recipient, "resubscribing": resubscribing,
        "clause": subscriptions.information_clause() if resubscribing else [],
    })


def _initial(recipient) -> dict:
    return {
        "topics": sorted(recipient.topic_set()),
        "spheres": list(recipient.spheres.values_list("pk", flat=True)),
        "districts": list(recipient.districts.values_list("pk", flat=True)),
        "language": recipient.language,
    }


# Mail clients send the RFC 8058 one-click POST ("List-Unsubscribe=One-Click") without any CSRF
# token or cookie. The secret token in the URL is what authenticates, and the only thing a forged
# request could do is unsubscribe the token's owner, which they can undo; so this one view is exempt.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows a button (mail scanners open links); any POST unsubscribes at once."""
    recipient = _recipient_or_none(token)
    if recipient is None:
        return _invalid_link(request)
    if request.method == "POST":
        others = subscriptions.unsubscribe_address(recipient)
        return render(request, "newsletter/unsubscribed.html", {
            "recipient": recipient, "just_now": True,
            "also_organizations": [other.organization for other in others if other.organization],
        })
    if recipient.unsubscribed_at is not None and not subscriptions.address_still_reached(recipient):
        return render(request, "newsletter/unsubscribed.html", {"recipient": recipient})
    return render(request, "newsletter/unsubscribe.html", {"recipient": recipient})


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def organization_preferences(request, slug):
    """Representatives choose what their organisation receives; anyone else gets a 404."""
    organization = get_object_or_404(Organization.objects.represented_by(request.user), slug=slug)
    recipient = organization_recipients.recipient_for(organization)
    if recipient is None:
        return render(request, "newsletter/organization.html", {
            "organization": organization, "recipient": None, "clause": subscriptions.organization_clause(),
        })
    if request.method == "POST":
        form = OrganizationPreferencesForm(request.POST)
        if form.is_valid():
            if form.cleaned_data["receive"]:
                organization_recipients.agree(
                    recipient, **_choices(form), language=form.cleaned_data["language"], request=request,
                    representative=request.user,
                )
                messages.success(request, _("Zapisano zgodę i tematy wiadomości dla organizacji."))
            else:
                if recipient.agreed_at is not None:
                    organization_recipients.withdraw(recipient)
                messages.success(request, _("Organizacja nie będzie otrzymywać wiadomości."))
            return _back_to(request, organization)
    else:
        form = OrganizationPreferencesForm(initial={**_initial(recipient), "receive": recipient.is_active})
    return render(request, "newsletter/organization.html", {
        "organization": organization, "recipient": recipient, "form": form,
        "clause": subscriptions.organization_clause(),
    })


def _back_to(request, organization):
    """Back to the page the representative answered on (their organisation, its profile), or to this one."""
    next_url = request.POST.get("next", "")
    # Only a path on this site: redirect() would read any other word as the name of a view.
    if next_url.startswith("/") and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(next_url)
    return redirect("newsletter:organization", slug=organization.slug)
