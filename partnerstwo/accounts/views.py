from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.accounts import data_rights, deletion
from partnerstwo.accounts.forms import DeleteAccountForm, ProfileForm


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """The person's own account: their data, the links to manage sign-in, and deletion.

    Two-factor login is offered to staff (officials, Team members, administrators), whose accounts reach
    other people's data. allauth's own pages stay open to everyone who finds them: nobody is harmed by a
    resident who protects their account too, so the rule is what we offer, not what we forbid.
    """
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Zapisaliśmy Twoje dane."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "offer_mfa": request.user.can_use_panel,
            "mfa_enabled": is_mfa_enabled(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    user = request.user
    form = DeleteAccountForm(request.POST if request.method == "POST" else None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            deletion.delete_account(user=user)
        except deletion.DeletionRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            logout(request)
            messages.success(request, _("Twoje konto i dane z nim związane zostały usunięte."))
            return redirect("pages:home")
    return render(request, "accounts/delete.html", {
        "form": form,
        "refusal": deletion.refusal_reason(user),
        "consent_years": settings.NEWSLETTER_CONSENT_RETENTION_YEARS,
    })


@login_required
@never_cache
@require_POST
def export_data(request):
    """Everything the site holds about the signed-in person as one JSON file (RODO art. 15 and 20).

    A POST (with the CSRF token), so a link on another site cannot make the browser fetch it.
    """
    response = HttpResponse(data_rights.export_json(request.user), content_type="application/json; charset=utf-8")
    filename = f"partnerstwo-moje-dane-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
