"""Registration pages for the public: the form, the result, and the signed cancel link."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from partnerstwo.events import registration
from partnerstwo.events.models import Occurrence, Registration
from partnerstwo.events.registration_forms import RegistrationForm
from partnerstwo.lib.ratelimit import client_ip, hit


def verified_account(user):
    """A signed-in person whose account address is confirmed: they register at once, with that address."""
    from allauth.account.models import EmailAddress

    if not user.is_authenticated or not user.is_active:
        return None
    confirmed = EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()
    return user if confirmed else None


@never_cache
@require_http_methods(["GET", "POST"])
def register(request, pk):
    occurrence = get_object_or_404(Occurrence.objects.public().select_related("event"), pk=pk)
    if not registration.is_open(occurrence):
        return render(request, "events/registration/closed.html", {"occurrence": occurrence}, status=410)
    account = verified_account(request.user)
    status, already_registered = 200, False
    if request.method == "POST":
        over_limit = not hit("event-registration", client_ip(request), settings.EVENT_REGISTRATION_RATE_LIMIT)
        form = RegistrationForm(request.POST, over_limit=over_limit, account=account)
        if over_limit:
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                created = registration.register(
                    occurrence=occurrence, name=data["name"], email=account.email if account else data["email"],
                    organization=data["organization"], needs=data["needs"], user=account,
                    confirmed=account is not None,
                )
            except registration.AlreadyRegistered as error:
                if account is not None:  # their own registration: nothing to hide from them
                    form.add_error(None, error.args[0])
                    already_registered = True
                else:
                    # The page answers as for a first registration; the address's owner is told by e-mail.
                    if error.existing is not None:
                        registration.tell_already_registered(error.existing)
                    return redirect("registrations:check_mailbox", occurrence.pk)
            except registration.RegistrationError as error:
                form.add_error(None, error.args[0])
            else:
                if account is None:
                    return redirect("registrations:check_mailbox", occurrence.pk)
                return redirect("registrations:registered", registration.result_token(created))
    else:
        form = RegistrationForm(account=account)
    context = {"form": form, "occurrence": occurrence, "places_left": registration.places_left(occurrence),
               "account": account, "already_registered": already_registered}
    return render(request, "events/registration/form.html", context, status=status)


def check_mailbox(request, pk):
    """The same answer whether the address was new, unconfirmed or already registered."""
    occurrence = get_object_or_404(Occurrence.objects.public().select_related("event"), pk=pk)
    return render(request, "events/registration/check_mailbox.html", {
        "occurrence": occurrence, "hold_minutes": settings.EVENT_REGISTRATION_HOLD_MINUTES,
    })


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET only shows the button: mail scanners open links, and opening must not confirm."""
    found = registration.from_confirm_token(token)
    if found is None:
        return render(request, "events/registration/confirm_expired.html", status=404)
    if found.status == Registration.Status.CANCELLED:
        return render(request, "events/registration/cancelled.html",
                      {"registration": found, "occurrence": found.occurrence, "already": True})
    if found.status != Registration.Status.UNCONFIRMED:
        return render(request, "events/registration/registered.html",
                      {"registration": found, "occurrence": found.occurrence})
    if request.method == "POST":
        confirmed = registration.confirm_address(found)
        if confirmed is None:
            return render(request, "events/registration/confirm_expired.html",
                          {"occurrence": found.occurrence}, status=410)
        return render(request, "events/registration/registered.html",
                      {"registration": confirmed, "occurrence": confirmed.occurrence, "just_confirmed": True})
    return render(request, "events/registration/confirm.html", {"registration": found, "occurrence": found.occurrence})


@never_cache
def registered(request, token):
    created = registration.from_result_token(token)
    if created is None:
        return render(request, "events/registration/link_invalid.html", status=404)
    created = Registration.objects.with_waiting_place().select_related("occurrence__event").get(pk=created.pk)
    return render(request, "events/registration/registered.html", {"registration": created,
                  "occurrence": created.occurrence})


@login_required
@never_cache
def mine(request):
    """A signed-in person's registrations, coming and past, each with its cancel link while it may be used."""
    coming, past = registration.of_account(request.user, verified=verified_account(request.user) is not None)
    return render(request, "events/registration/mine.html", {
        "coming": [(each, registration.cancel_token(each)) for each in coming], "past": past,
    })


@never_cache
@require_http_methods(["GET", "POST"])
def cancel(request, token):
    """GET only shows the button: mail scanners open links, and opening must not cancel."""
    found = registration.from_cancel_token(token)
    if found is None:
        return render(request, "events/registration/link_invalid.html", status=404)
    context = {"registration": found, "occurrence": found.occurrence}
    if found.status == Registration.Status.CANCELLED:
        return render(request, "events/registration/cancelled.html", {**context, "already": True})
    if request.method == "POST":
        registration.cancel(found)
        return render(request, "events/registration/cancelled.html", {**context, "already": False})
    return render(request, "events/registration/cancel.html", context)
