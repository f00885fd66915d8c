"""Registration pages for the public: the form, the result, and the signed cancel link."""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from partnerstwo.events import registration
from partnerstwo.events.models import Occurrence, Registration
from partnerstwo.events.registration_forms import RegistrationForm
from partnerstwo.lib.ratelimit import client_ip, hit


@never_cache
@require_http_methods(["GET", "POST"])
def register(request, pk):
    occurrence = get_object_or_404(Occurrence.objects.public().select_related("event"), pk=pk)
    if not registration.is_open(occurrence):
        return render(request, "events/registration/closed.html", {"occurrence": occurrence}, status=410)
    status = 200
    if request.method == "POST":
        over_limit = not hit("event-registration", client_ip(request), settings.EVENT_REGISTRATION_RATE_LIMIT)
        form = RegistrationForm(request.POST, over_limit=over_limit)
        if over_limit:
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                created = registration.register(
                    occurrence=occurrence, name=data["name"], email=data["email"],
                    organization=data["organization"], needs=data["needs"],
                )
            except registration.RegistrationError as error:
                form.add_error("email" if error.args[0] == registration.ALREADY_REGISTERED else None, error.args[0])
            else:
                return redirect("registrations:registered", registration.result_token(created))
    else:
        form = RegistrationForm()
    context = {"form": form, "occurrence": occurrence, "places_left": registration.places_left(occurrence)}
    return render(request, "events/registration/form.html", context, status=status)


@never_cache
def registered(request, token):
    created = registration.from_result_token(token)
    if created is None:
        return render(request, "events/registration/link_invalid.html", status=404)
    return render(request, "events/registration/registered.html", {"registration": created,
                  "occurrence": created.occurrence})


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
