from allauth.mfa.utils import is_mfa_enabled
from django.shortcuts import render

from partnerstwo.accounts.access import panel_required
from partnerstwo.panel.desk import desk_for
from partnerstwo.panel.sections import sections_for


@panel_required
def dashboard(request):
    return render(
        request,
        "panel/dashboard.html",
        {
            "desk": desk_for(request.user), "sections": sections_for(request.user),
            "mfa_enabled": is_mfa_enabled(request.user),
        },
    )
